using Microsoft.EntityFrameworkCore;

namespace PPRNet.Web.Data;

/// <summary>The business rules of what readers may see and in which order, written once.</summary>
public static class SummaryQueries
{
    /// <summary>Published, its publish date has come and it is not in the trash: drafts, scheduled
    /// and trashed summaries are never public.</summary>
    public static IQueryable<Summary> Published(this IQueryable<Summary> summaries, DateOnly today) =>
        summaries.NotTrashed().Where(s => s.Status == SummaryStatus.Published && s.PublishedOn <= today);

    public static IQueryable<Summary> NotTrashed(this IQueryable<Summary> summaries) =>
        summaries.Where(s => s.DeletedAt == null);

    public static IQueryable<Summary> Trashed(this IQueryable<Summary> summaries) =>
        summaries.Where(s => s.DeletedAt != null);

    public static IQueryable<Summary> OfType(this IQueryable<Summary> summaries, int? typeId) =>
        typeId is null ? summaries : summaries.Where(s => s.ResearchTypeId == typeId);

    public static IQueryable<Summary> InMonth(this IQueryable<Summary> summaries, string month) =>
        summaries.Where(s => s.Month == month);

    /// <summary>The archive order: newest month first, then newest publish date, then title.</summary>
    public static IOrderedQueryable<Summary> NewestFirst(this IQueryable<Summary> summaries) =>
        summaries.OrderByDescending(s => s.Month)
            .ThenByDescending(s => s.PublishedOn)
            .ThenBy(s => s.Title)
            .ThenBy(s => s.Id);

    /// <summary>A topic's listing rows that readers may see. Listings hold only live summaries
    /// (published status, not in the trash), so what remains is the publish date.</summary>
    public static IQueryable<TopicListing> PublicInTopic(this IQueryable<TopicListing> listings, int topicId, DateOnly today) =>
        listings.Where(l => l.TopicId == topicId && l.PublishedOn <= today);

    public static IQueryable<TopicListing> OfType(this IQueryable<TopicListing> listings, int? typeId) =>
        typeId is null ? listings : listings.Where(l => l.ResearchTypeId == typeId);

    /// <summary>The archive order of <see cref="NewestFirst(IQueryable{Summary})"/>, on listing rows.</summary>
    public static IOrderedQueryable<TopicListing> NewestFirst(this IQueryable<TopicListing> listings) =>
        listings.OrderByDescending(l => l.Month)
            .ThenByDescending(l => l.PublishedOn)
            .ThenBy(l => l.Title)
            .ThenBy(l => l.SummaryId);

    /// <summary>The topic ids of the given summaries, read from the join table's primary key.</summary>
    public static async Task<ILookup<int, int>> TopicIdsAsync(this BlogDbContext db, IReadOnlyList<int> summaryIds, CancellationToken cancellationToken) =>
        (await db.Set<Dictionary<string, object>>("SummaryTopics").AsNoTracking()
            .Where(link => summaryIds.Contains(EF.Property<int>(link, "SummariesId")))
            .Select(link => new { SummaryId = EF.Property<int>(link, "SummariesId"), TopicId = EF.Property<int>(link, "TopicsId") })
            .ToListAsync(cancellationToken))
        .ToLookup(l => l.SummaryId, l => l.TopicId);
}
