using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Data;

public sealed class SummaryConfiguration : IEntityTypeConfiguration<Summary>
{
    public void Configure(EntityTypeBuilder<Summary> builder)
    {
        // Small, filtered columns first and whole texts last: SQLite reads a row's columns in
        // order, so the public queries never wade through a summary's text to reach its status.
        var order = 0;
        builder.Property(s => s.Id).HasColumnOrder(order++);
        builder.Property(s => s.Month).HasColumnOrder(order++);
        builder.Property(s => s.Slug).HasColumnOrder(order++);
        builder.Property(s => s.Status).HasColumnOrder(order++);
        builder.Property(s => s.PublishedOn).HasColumnOrder(order++);
        builder.Property(s => s.DeletedAt).HasColumnOrder(order++);
        builder.Property(s => s.ResearchTypeId).HasColumnOrder(order++);
        builder.Property(s => s.Version).HasColumnOrder(order++);
        builder.Property(s => s.EditedOnWeb).HasColumnOrder(order++);
        builder.Property(s => s.WordCount).HasColumnOrder(order++);
        builder.Property(s => s.Studies).HasColumnOrder(order++);
        builder.Property(s => s.Participants).HasColumnOrder(order++);
        builder.Property(s => s.RenderedWith).HasColumnOrder(order++);
        builder.Property(s => s.CreatedAt).HasColumnOrder(order++);
        builder.Property(s => s.UpdatedAt).HasColumnOrder(order++);
        builder.Property(s => s.Title).HasColumnOrder(order++);
        builder.Property(s => s.UpdatedBy).HasColumnOrder(order++);
        builder.Property(s => s.DeletedBy).HasColumnOrder(order++);
        builder.Property(s => s.Doi).HasColumnOrder(order++);
        builder.Property(s => s.AuthorEmail).HasColumnOrder(order++);
        builder.Property(s => s.CitationYear).HasColumnOrder(order++);
        builder.Property(s => s.CitationVolume).HasColumnOrder(order++);
        builder.Property(s => s.CitationIssue).HasColumnOrder(order++);
        builder.Property(s => s.CitationFirstPage).HasColumnOrder(order++);
        builder.Property(s => s.CitationLastPage).HasColumnOrder(order++);
        builder.Property(s => s.CitationJournal).HasColumnOrder(order++);
        builder.Property(s => s.CitationTitle).HasColumnOrder(order++);
        builder.Property(s => s.CitationAuthors).HasColumnOrder(order++);
        builder.Property(s => s.Effect).HasColumnOrder(order++);
        builder.Property(s => s.SourcePath).HasColumnOrder(order++);
        builder.Property(s => s.ContentHash).HasColumnOrder(order++);
        builder.Property(s => s.Excerpt).HasColumnOrder(order++);
        builder.Property(s => s.CitationText).HasColumnOrder(order++);
        builder.Property(s => s.CitationHtml).HasColumnOrder(order++);
        builder.Property(s => s.CitationMarkdown).HasColumnOrder(order++);
        builder.Property(s => s.BodyText).HasColumnOrder(order++);
        builder.Property(s => s.ImplicationsText).HasColumnOrder(order++);
        builder.Property(s => s.ImplicationsHtml).HasColumnOrder(order++);
        builder.Property(s => s.ImplicationsMarkdown).HasColumnOrder(order++);
        builder.Property(s => s.BodyHtml).HasColumnOrder(order++);
        builder.Property(s => s.BodyMarkdown).HasColumnOrder(order);

        builder.Property(s => s.Month).HasMaxLength(7);
        builder.Property(s => s.Slug).HasMaxLength(SummaryRules.MaxSlugLength);
        builder.Property(s => s.Title).HasMaxLength(ContentLimits.MaxTitleLength);
        builder.Property(s => s.Doi).HasMaxLength(200);
        builder.Property(s => s.AuthorEmail).HasMaxLength(254);
        builder.Property(s => s.Effect).HasMaxLength(ContentLimits.MaxEffectLength);
        builder.Ignore(s => s.EffectSize);
        builder.Property(s => s.EffectStatistic).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EffectOutcome).HasMaxLength(ContentLimits.MaxOutcomeLength);
        builder.Ignore(s => s.Certainty);
        builder.Property(s => s.CertaintyLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CertaintyReasons).HasMaxLength(200).HasDefaultValue("");
        builder.Property(s => s.CertaintyNote).HasMaxLength(ContentLimits.MaxCertaintyNoteLength);
        builder.Property(s => s.Contributor).HasMaxLength(ContentLimits.MaxContributorLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        // Fields added after the first schema default to empty in the database too, so a row
        // written by SQL that predates them (a bulk load, a test's fixture) is still a valid row.
        builder.Property(s => s.BottomLineMarkdown).HasDefaultValue("");
        builder.Property(s => s.BottomLineHtml).HasDefaultValue("");
        builder.Property(s => s.BottomLineText).HasDefaultValue("");
        builder.Property(s => s.LimitationsMarkdown).HasDefaultValue("");
        builder.Property(s => s.LimitationsHtml).HasDefaultValue("");
        // An EF primitive collection, stored as a JSON array; empty for rows written by SQL.
        builder.Property(s => s.CitationAuthors).HasDefaultValueSql("'[]'");
        builder.HasIndex(s => new { s.Month, s.Slug }).IsUnique();
        // Each public listing reads one of these in its own order (newest month, newest date,
        // title, id) and stops after a page: no sort, and no row of the archive it does not show.
        builder.HasIndex(s => new { s.Status, s.DeletedAt, s.Month, s.PublishedOn, s.Title }, Indexes.SummariesArchive)
            .IsDescending(false, false, true, true, false);
        builder.HasIndex(
                s => new { s.Status, s.DeletedAt, s.ResearchTypeId, s.Month, s.PublishedOn, s.Title }, Indexes.SummariesArchiveByType)
            .IsDescending(false, false, false, true, true, false);
        // Feeds (newest publish date first) and the scheduled summaries not yet public.
        builder.HasIndex(s => new { s.Status, s.DeletedAt, s.PublishedOn }, Indexes.SummariesPublished);
        builder.HasIndex(s => new { s.Status, s.DeletedAt, s.ResearchTypeId, s.PublishedOn }, Indexes.SummariesPublishedByType);
        // Covers what the importer compares for every file, so a re-import reads this index
        // rather than every wide row (at 100,000 summaries, the whole database file).
        builder.HasIndex(
            s => new { s.SourcePath, s.Month, s.Slug, s.ContentHash, s.EditedOnWeb, s.SourceLength, s.SourceWrittenTicks },
            Indexes.SummariesSource);
        // Start-up finds rows rendered by an older pipeline without reading every row.
        builder.HasIndex(s => s.RenderedWith);
        builder.HasOne(s => s.ResearchType).WithMany(t => t.Summaries)
            .HasForeignKey(s => s.ResearchTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Topics).WithMany(t => t.Summaries).UsingEntity("SummaryTopics");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.DeletedBy).HasMaxLength(256);
    }
}
