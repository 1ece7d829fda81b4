using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Import;

namespace PPRNet.Web.Archive;

/// <summary>Builds the public pages' view models from the published summaries.</summary>
public sealed class ArchiveReader(BlogDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Cards for summaries, in the query's order. Topics are read in a second, indexed
    /// query: as one join SQLite would materialize every summary-topic pair on each request.</summary>
    public async Task<List<SummaryCard>> CardsAsync(IQueryable<Summary> summaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var rows = await summaries.Select(s => new
        {
            s.Id, s.Month, s.Slug, s.Title, s.CitationHtml, s.Excerpt, s.ImplicationsHtml,
            TypeSlug = s.ResearchType.Slug, TypeName = s.ResearchType.Name,
        }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var topics = (await db.Set<Dictionary<string, object>>("SummaryTopics")
                .Where(link => ids.Contains(EF.Property<int>(link, "SummariesId")))
                .Join(db.Topics, link => EF.Property<int>(link, "TopicsId"), t => t.Id,
                    (link, t) => new { SummaryId = EF.Property<int>(link, "SummariesId"), t.Slug, t.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.SummaryId);
        return rows.Select(r => new SummaryCard(r.Id, r.Month, r.Slug, r.Title, r.CitationHtml, r.Excerpt, r.ImplicationsHtml,
            new TaxonomyLink(r.TypeSlug, r.TypeName),
            topics[r.Id].OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new TaxonomyLink(t.Slug, t.Name)).ToList())).ToList();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IQueryable<Summary> Published => db.Summaries.AsNoTracking().Published(Today);

    public async Task<IssueViewModel?> LatestIssueAsync(CancellationToken cancellationToken)
    {
        var latest = await Published.OrderByDescending(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : await IssueAsync(latest, isLatest: true, cancellationToken);
    }

    public Task<IssueViewModel?> IssueAsync(int year, int month, CancellationToken cancellationToken) =>
        SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key)
            ? IssueAsync(key, isLatest: false, cancellationToken)
            : Task.FromResult<IssueViewModel?>(null);

    private async Task<IssueViewModel?> IssueAsync(string month, bool isLatest, CancellationToken cancellationToken)
    {
        var summaries = await CardsAsync(Published.InMonth(month).NewestFirst(), cancellationToken);
        if (summaries.Count == 0)
        {
            return null;
        }

        var intro = await db.MonthIssues.AsNoTracking().Where(m => m.Month == month && m.IntroHtml != "").Select(m => m.IntroHtml).FirstOrDefaultAsync(cancellationToken);
        var newer = await Published.Where(s => string.Compare(s.Month, month) > 0).OrderBy(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        var older = await Published.Where(s => string.Compare(s.Month, month) < 0).OrderByDescending(s => s.Month).Select(s => s.Month).FirstOrDefaultAsync(cancellationToken);
        var label = SummaryRules.MonthLabel(month);
        return new IssueViewModel
        {
            Month = month,
            IntroHtml = intro,
            Summaries = summaries,
            NewerMonth = newer,
            OlderMonth = older,
            Title = isLatest ? "PPRNet Research Blog: psychotherapy research for practising clinicians" : $"{label}: research summaries",
            Description = $"{label} on the PPRNet Research Blog: {string.Join("; ", summaries.Select(s => s.Title))}.",
        };
    }

    /// <summary>One page of the archive, narrowed by topic and type; null when the topic, the type
    /// or the page does not exist.</summary>
    public async Task<ArchiveViewModel?> ArchivePageAsync(ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (known, topic, type) = await ResolveFiltersAsync(request.Topic, request.Type, cancellationToken);
        if (!known)
        {
            return null;
        }

        var matching = Published.WithTopic(request.Topic).OfType(request.Type);
        var total = await matching.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (request.Page > pageCount)
        {
            return null;
        }

        // Choose the page by id first, from the narrow index, then read only those twenty rows.
        var ids = await matching.NewestFirst()
            .Skip((request.Page - 1) * PageSize).Take(PageSize)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var cards = await CardsAsync(db.Summaries.AsNoTracking().Where(s => ids.Contains(s.Id)).NewestFirst(), cancellationToken);

        var (topicOptions, typeOptions) = await FacetsAsync(Published, request.Topic, request.Type,
            (t, ty) => BlogUrls.Archive(t, ty, 1), cancellationToken);

        return new ArchiveViewModel
        {
            Months = cards.GroupBy(c => c.Month).Select(g => new MonthGroup(g.Key, g.ToList())).ToList(),
            Topic = topic,
            Type = type,
            Topics = topicOptions,
            Types = typeOptions,
            Total = total,
            Page = request.Page,
            PageCount = pageCount,
            FirstNumber = (request.Page - 1) * PageSize + 1,
            Title = ArchiveTitle(topic, type, request.Page),
            CanonicalPath = BlogUrls.Archive(request.Topic, request.Type, request.Page),
            Feeds = new[] { topic is null ? null : Feeds.FeedWriter.ForTopic(topic), type is null ? null : Feeds.FeedWriter.ForType(type) }
                .OfType<PPRNet.Web.Shared.FeedLink>().ToList(),
            Description = "Every research summary of the PPRNet blog, month by month"
                + (topic is null ? "" : $", on {topic.Name}")
                + (type is null ? "" : $", of type {type.Name}") + ".",
        };
    }

    /// <summary>The named topic and type; not known when either names nothing we have.</summary>
    public async Task<(bool Known, TaxonomyLink? Topic, TaxonomyLink? Type)> ResolveFiltersAsync(string? topicSlug, string? typeSlug, CancellationToken cancellationToken)
    {
        var topic = topicSlug is null ? null : await db.Topics.AsNoTracking().Where(t => t.Slug == topicSlug).Select(t => new TaxonomyLink(t.Slug, t.Name)).FirstOrDefaultAsync(cancellationToken);
        var type = typeSlug is null ? null : await db.ResearchTypes.AsNoTracking().Where(t => t.Slug == typeSlug).Select(t => new TaxonomyLink(t.Slug, t.Name)).FirstOrDefaultAsync(cancellationToken);
        return ((topicSlug is null || topic is not null) && (typeSlug is null || type is not null), topic, type);
    }

    /// <summary>The filter options over a set of summaries. Each option counts what choosing it
    /// would show, given the other filter; retired terms appear only while they still count.</summary>
    public async Task<(IReadOnlyList<FilterOption> Topics, IReadOnlyList<FilterOption> Types)> FacetsAsync(
        IQueryable<Summary> scope, string? topic, string? type, Func<string?, string?, string> url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var topicCounts = await scope.OfType(type)
            .SelectMany(s => s.Topics).GroupBy(t => t.Slug)
            .Select(g => new { Slug = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Slug, g => g.Count, cancellationToken);
        var typeCounts = await scope.WithTopic(topic)
            .GroupBy(s => s.ResearchType.Slug)
            .Select(g => new { Slug = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Slug, g => g.Count, cancellationToken);
        var allTopics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var allTypes = await db.ResearchTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return (
            allTopics.Where(t => !t.Retired || topicCounts.ContainsKey(t.Slug) || t.Slug == topic)
                .Select(t => new FilterOption(t.Slug, t.Name, topicCounts.GetValueOrDefault(t.Slug), t.Slug == topic, url(t.Slug, type))).ToList(),
            allTypes.Where(t => !t.Retired || typeCounts.ContainsKey(t.Slug) || t.Slug == type)
                .Select(t => new FilterOption(t.Slug, t.Name, typeCounts.GetValueOrDefault(t.Slug), t.Slug == type, url(topic, t.Slug))).ToList());
    }

    private static string ArchiveTitle(TaxonomyLink? topic, TaxonomyLink? type, int page)
    {
        var parts = new List<string> { "Archive" };
        if (topic is not null)
        {
            parts.Add(topic.Name);
        }

        if (type is not null)
        {
            parts.Add(type.Name);
        }

        if (page > 1)
        {
            parts.Add($"page {page}");
        }

        return string.Join(" · ", parts);
    }

    public async Task<SummaryViewModel?> SummaryAsync(int year, int month, string slug, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key) || !SummaryRules.IsSlug(slug))
        {
            return null;
        }

        var summary = await Published.InMonth(key).Where(s => s.Slug == slug)
            .Include(s => s.ResearchType).Include(s => s.Topics)
            .FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var (m, p, t, id) = (summary.Month, summary.PublishedOn, summary.Title, summary.Id);
        var newer = (await CardsAsync(Published
            .Where(s => string.Compare(s.Month, m) > 0
                || (s.Month == m && s.PublishedOn > p)
                || (s.Month == m && s.PublishedOn == p && (string.Compare(s.Title, t) < 0 || (s.Title == t && s.Id < id))))
            .OrderBy(s => s.Month).ThenBy(s => s.PublishedOn).ThenByDescending(s => s.Title).ThenByDescending(s => s.Id)
            .Take(1), cancellationToken)).FirstOrDefault();
        var older = (await CardsAsync(Published
            .Where(s => string.Compare(s.Month, m) < 0
                || (s.Month == m && s.PublishedOn < p)
                || (s.Month == m && s.PublishedOn == p && (string.Compare(s.Title, t) > 0 || (s.Title == t && s.Id > id))))
            .NewestFirst()
            .Take(1), cancellationToken)).FirstOrDefault();

        // "More on this topic": the summaries sharing the most topics with this one.
        var topicIds = summary.Topics.Select(x => x.Id).ToList();
        var related = await CardsAsync(Published
            .Where(s => s.Id != id && s.Topics.Any(x => topicIds.Contains(x.Id)))
            .OrderByDescending(s => s.Topics.Count(x => topicIds.Contains(x.Id)))
            .ThenByDescending(s => s.Month).ThenBy(s => s.Title)
            .Take(3), cancellationToken);

        return new SummaryViewModel
        {
            Month = summary.Month,
            Slug = summary.Slug,
            Title = summary.Title,
            Description = summary.Excerpt,
            CanonicalPath = BlogUrls.Summary(summary.Month, summary.Slug),
            OpenGraphType = "article",
            Feeds = summary.Topics.OrderBy(x => x.Name).Select(x => Feeds.FeedWriter.ForTopic(new TaxonomyLink(x.Slug, x.Name))).ToList(),
            Citation = Citations.ApaCitation.Parse(summary.CitationMarkdown, summary.CitationText, summary.Doi),
            PublishedOn = summary.PublishedOn,
            UpdatedAt = summary.UpdatedAt,
            Related = related,
            CitationHtml = summary.CitationHtml,
            Doi = summary.Doi,
            AuthorEmail = summary.AuthorEmail,
            BodyHtml = summary.BodyHtml,
            ImplicationsHtml = summary.ImplicationsHtml,
            Facts = new StudyFacts(summary.Studies, summary.Participants, summary.Effect),
            ResearchType = new TaxonomyLink(summary.ResearchType.Slug, summary.ResearchType.Name),
            Topics = summary.Topics.OrderBy(x => x.Name).Select(x => new TaxonomyLink(x.Slug, x.Name)).ToList(),
            ReadingMinutes = SummaryViewModel.MinutesToRead(summary.WordCount),
            Newer = newer,
            Older = older,
        };
    }

    /// <summary>The paper a published summary cites, for RIS and BibTeX downloads.</summary>
    public async Task<Citations.ApaCitation?> CitationAsync(int year, int month, string slug, CancellationToken cancellationToken)
    {
        if (!SummaryRules.TryParseMonth($"{year:D4}-{month:D2}", out var key) || !SummaryRules.IsSlug(slug))
        {
            return null;
        }

        var row = await Published.InMonth(key).Where(s => s.Slug == slug)
            .Select(s => new { s.CitationMarkdown, s.CitationText, s.Doi }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Citations.ApaCitation.Parse(row.CitationMarkdown, row.CitationText, row.Doi);
    }

    public async Task<TopicIndexViewModel> TopicIndexAsync(CancellationToken cancellationToken)
    {
        var counts = await Published.SelectMany(s => s.Topics).GroupBy(t => t.Slug)
            .Select(g => new { Slug = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Slug, g => g.Count, cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return new TopicIndexViewModel
        {
            Topics = topics.Select(t => new TopicCount(t.Slug, t.Name, counts.GetValueOrDefault(t.Slug))).ToList(),
            Title = "Topics",
            Description = "The topics of the PPRNet Research Blog, with the number of research summaries on each.",
        };
    }

    /// <summary>Where an archive address whose topic or type was renamed now lives; null when
    /// nothing was renamed from it.</summary>
    public async Task<string?> RenamedUrlAsync(ArchiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topic = request.Topic is null ? null : await AliasAsync(TermKind.Topic, request.Topic, cancellationToken);
        var type = request.Type is null ? null : await AliasAsync(TermKind.ResearchType, request.Type, cancellationToken);
        return topic is null && type is null ? null : BlogUrls.Archive(topic ?? request.Topic, type ?? request.Type, request.Page);
    }

    public Task<string?> AliasAsync(TermKind kind, string slug, CancellationToken cancellationToken) =>
        db.SlugAliases.Where(a => a.Kind == kind && a.OldSlug == slug && a.NewSlug != "").Select(a => a.NewSlug).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> TopicExistsAsync(string slug, CancellationToken cancellationToken) =>
        SummaryRules.IsSlug(slug) ? db.Topics.AnyAsync(t => t.Slug == slug, cancellationToken) : Task.FromResult(false);
}
