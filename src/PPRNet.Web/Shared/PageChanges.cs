using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;

namespace PPRNet.Web.Shared;

/// <summary>What the saves of one unit of work changed that cached pages show, noted from EF's
/// change tracker alone while it saves. Several saves inside one transaction add up.</summary>
public sealed class PageChanges
{
    /// <summary>Past this many changed summaries (an import), evicting everything is cheaper.</summary>
    private const int MaxTracked = 200;

    private static readonly string[] StructuralProperties =
        [nameof(Summary.Status), nameof(Summary.DeletedAt), nameof(Summary.PublishedOn), nameof(Summary.Month),
         nameof(Summary.Slug), nameof(Summary.Title), nameof(Summary.ResearchTypeId)];

    private int summaries;

    /// <summary>Every public page: a taxonomy change, or more summaries than are worth tracking.</summary>
    public bool All { get; private set; }

    /// <summary>Tags known from the change tracker alone.</summary>
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Old and new months of summaries that moved, appeared or went.</summary>
    public HashSet<string> Months { get; } = new(StringComparer.Ordinal);

    /// <summary>Saved summaries whose topics' pages may list them differently.</summary>
    public HashSet<int> Restructured { get; } = [];

    /// <summary>Summaries with a new place in the archive, whose new neighbours link to them.</summary>
    public HashSet<Summary> Placed { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when the committed archive must be read to know the rest of the tags.</summary>
    public bool NeedsArchive => Restructured.Count > 0 || Months.Count > 0 || Placed.Count > 0;

    /// <summary>A new summary written without the change tracker (an import's bulk insert), with
    /// its topics: the same notes as for one EF adds, its topics' links included.</summary>
    public void Inserted(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        All |= ++summaries > MaxTracked;
        if (All)
        {
            return;
        }

        NoteNew(summary);
        foreach (var topic in summary.Topics)
        {
            Tags.Add(CacheTags.Topic(topic.Id));
        }
    }

    private void NoteNew(Summary summary)
    {
        Tags.Add(CacheTags.Search);
        Tags.Add(CacheTags.Sitemap);
        Tags.Add(CacheTags.Structure);
        Months.Add(summary.Month);
        Placed.Add(summary);
    }

    public void Collect(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        summaries += changed.Count(e => e.Entity is Summary);
        if (summaries > MaxTracked || changed.Any(e => e.Entity is Topic or ResearchType or SlugAlias))
        {
            All = true;
        }

        if (All)
        {
            return;
        }

        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Summary summary when entry.State == EntityState.Added:
                    NoteNew(summary);
                    break;
                case Summary summary:
                    Tags.Add(CacheTags.Search);
                    Tags.Add(CacheTags.Sitemap);
                    Tags.Add(CacheTags.Summary(summary.Id));
                    if (entry.State == EntityState.Deleted || StructuralProperties.Any(p => entry.Property(p).IsModified))
                    {
                        Tags.Add(CacheTags.Structure);
                        Months.Add((string)entry.Property(nameof(Summary.Month)).OriginalValue!);
                        Months.Add(summary.Month);
                        Restructured.Add(summary.Id);
                        if (entry.State != EntityState.Deleted)
                        {
                            Placed.Add(summary);
                        }
                    }

                    break;
                case MonthIssue issue:
                    Tags.Add(CacheTags.Month(issue.Month));
                    break;
                case Dictionary<string, object> link when entry.Metadata.Name == "SummaryTopics":
                    Tags.Add(CacheTags.Structure);
                    Tags.Add(CacheTags.Search);
                    Tags.Add(CacheTags.Topic((int)entry.Property("TopicsId").CurrentValue!));
                    if (entry.Property("SummariesId").CurrentValue is int id and > 0)
                    {
                        Tags.Add(CacheTags.Summary(id));
                        Restructured.Add(id);
                    }

                    break;
            }
        }
    }
}
