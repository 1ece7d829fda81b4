using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class SummaryConfiguration : IEntityTypeConfiguration<Summary>
{
    public void Configure(EntityTypeBuilder<Summary> builder)
    {
        builder.Property(s => s.Month).HasMaxLength(7);
        builder.Property(s => s.Slug).HasMaxLength(120);
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Doi).HasMaxLength(200);
        builder.Property(s => s.AuthorEmail).HasMaxLength(254);
        builder.Property(s => s.Effect).HasMaxLength(300);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.Month, s.Slug }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.PublishedOn });
        builder.Ignore(s => s.Year);
        builder.Ignore(s => s.MonthNumber);
        builder.HasOne(s => s.ResearchType).WithMany(t => t.Summaries)
            .HasForeignKey(s => s.ResearchTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Topics).WithMany(t => t.Summaries).UsingEntity("SummaryTopics");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.DeletedBy).HasMaxLength(256);
    }
}

public sealed class SummaryRevisionConfiguration : IEntityTypeConfiguration<SummaryRevision>
{
    public void Configure(EntityTypeBuilder<SummaryRevision> builder)
    {
        builder.HasIndex(r => new { r.SummaryId, r.Number }).IsUnique();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.HasOne(r => r.Summary).WithMany(s => s.Revisions).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => a.At);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Subject).HasMaxLength(400);
    }
}

public sealed class ImportConflictConfiguration : IEntityTypeConfiguration<ImportConflict>
{
    public void Configure(EntityTypeBuilder<ImportConflict> builder)
    {
        builder.HasOne(c => c.Summary).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.ResolvedBy).HasMaxLength(256);
    }
}

public sealed class SlugAliasConfiguration : IEntityTypeConfiguration<SlugAlias>
{
    public void Configure(EntityTypeBuilder<SlugAlias> builder)
    {
        builder.HasIndex(a => new { a.Kind, a.OldSlug }).IsUnique();
        builder.Property(a => a.OldSlug).HasMaxLength(80);
        builder.Property(a => a.NewSlug).HasMaxLength(80);
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}

public sealed class ResearchTypeConfiguration : IEntityTypeConfiguration<ResearchType>
{
    public void Configure(EntityTypeBuilder<ResearchType> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}

public sealed class MonthIssueConfiguration : IEntityTypeConfiguration<MonthIssue>
{
    public void Configure(EntityTypeBuilder<MonthIssue> builder)
    {
        builder.Property(m => m.Month).HasMaxLength(7);
        builder.HasIndex(m => m.Month).IsUnique();
    }
}
