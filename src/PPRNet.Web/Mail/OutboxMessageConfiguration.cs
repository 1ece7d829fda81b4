using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Mail;

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
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
    }
}
