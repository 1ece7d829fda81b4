using PPRNet.Web.Data;

namespace PPRNet.Web.Archive;

/// <summary>Cards for the summaries a page lists, in one prepared statement: each card's own
/// columns and its topic ids (from the join table's primary key). The ids go in as one JSON array,
/// so the statement's text is the same for any page and is compiled once per connection.</summary>
internal static class SummaryCards
{
    private static readonly string Sql = $"""
        SELECT s.Id, s.Month, s.Slug, s.Title, s.CitationHtml, s.Excerpt, s.BottomLineHtml, s.ImplicationsHtml, s.ResearchTypeId,
               {IdLists.TopicIdsSql("s.Id")} AS TopicIds
        FROM Summaries s WHERE s.Id IN {IdLists.InParameter}
        """;

    /// <summary>The cards of <paramref name="ids"/>, in that order; ids with no row are left out.</summary>
    public static List<SummaryCard> Read(PreparedStatements statements, IReadOnlyList<int> ids, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(taxonomy);
        if (ids.Count == 0)
        {
            return [];
        }

        var byId = statements.Read(Sql, parameters => parameters.Add(IdLists.Parameter(ids)), reader =>
        {
            var cards = new Dictionary<int, SummaryCard>(ids.Count);
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                cards[id] = new SummaryCard(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7),
                    taxonomy.TypeById(reader.GetInt32(8))?.Link ?? new TaxonomyLink("", ""),
                    taxonomy.TopicLinks(IdLists.Parse(reader.IsDBNull(9) ? null : reader.GetString(9))));
            }

            return cards;
        });
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
