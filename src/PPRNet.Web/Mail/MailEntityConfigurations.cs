using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Data;

namespace PPRNet.Web.Mail;

public sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Subscribers");
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => s.NormalizedEmail).IsUnique();
        builder.HasIndex(s => s.Status);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Email).HasMaxLength(SubscriberAddress.MaxLength);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(SubscriberAddress.MaxLength);
        builder.Property(s => s.ConsentPage).HasMaxLength(200);
        builder.Property(s => s.PendingPage).HasMaxLength(200);
        builder.Property(s => s.PendingTopics).HasMaxLength(2000);
        // A subscriber's topics go with the subscriber and with a deleted topic.
        builder.HasMany(s => s.Topics).WithMany().UsingEntity<Dictionary<string, object>>(
            "SubscriberTopics",
            topic => topic.HasOne<Topic>().WithMany().HasForeignKey("TopicId").OnDelete(DeleteBehavior.Cascade),
            subscriber => subscriber.HasOne<Subscriber>().WithMany().HasForeignKey("SubscriberId").OnDelete(DeleteBehavior.Cascade),
            join => join.HasKey("SubscriberId", "TopicId"));
    }
}

public sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Digests");
        // The database itself refuses a second digest for a month.
        builder.HasIndex(d => d.Month).IsUnique();
        builder.Property(d => d.Month).HasMaxLength(7);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Outbox");
        // One copy of a digest per subscriber, whatever happens. (SQLite treats NULLs as distinct,
        // so confirmations and tests, which have no digest, are not limited by it.)
        builder.HasIndex(m => new { m.DigestId, m.SubscriberId }).IsUnique();
        // What the sender asks for next: the oldest queued row that is due, single messages
        // (confirmations, tests) before digests.
        builder.HasIndex(m => new { m.Status, m.Id });
        builder.HasIndex(m => new { m.Status, m.DigestId, m.Id });
        builder.HasOne<Digest>().WithMany().HasForeignKey(m => m.DigestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Subscriber).WithMany().HasForeignKey(m => m.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Email).HasMaxLength(SubscriberAddress.MaxLength);
        builder.Property(m => m.Month).HasMaxLength(7);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
    }
}
