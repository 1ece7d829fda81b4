using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;

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
        // Rows from before readers chose a language were all subscribed in English.
        builder.Property(s => s.Language).HasMaxLength(2).IsRequired().HasDefaultValue(SiteLanguage.EnglishCode);
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
