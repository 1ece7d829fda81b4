using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.Tests.Support;

namespace PPRNet.Web.Tests.Import;

/// <summary>What we ship never calls a finding by a size its own facts box does not give it: a
/// bottom line, or a sentence of the summary quoting the headline figure, may name only the sizes
/// the box names (the value's, or those its interval spans).</summary>
public sealed partial class ShippedSizeWordsTests : IDisposable
{
    private static readonly string[] Bands = ["below small", "small", "medium", "large"];

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task No_shipped_summary_names_a_size_that_disagrees_with_its_facts_box()
    {
        var report = await database.ImportAsync(Repository.ContentFolder);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using var db = database.NewContext();
        var summaries = (await db.Summaries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Where(s => s.EffectSize is not null).ToList();
        Assert.NotEmpty(summaries);

        var disagreements = new List<string>();
        foreach (var summary in summaries)
        {
            var effect = summary.EffectSize!;
            var allowed = AllowedSizes(effect);
            var figure = effect.Value.ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
            var checkedText = Sentences(summary.BodyMarkdown).Where(s => s.Contains(figure, StringComparison.Ordinal))
                .Prepend(summary.BottomLineMarkdown);
            foreach (var sentence in checkedText)
            {
                foreach (Match word in SizeWord().Matches(sentence))
                {
                    var size = word.Groups["size"].Value.ToLowerInvariant() == "moderate"
                        ? "medium"
                        : word.Groups["size"].Value.ToLowerInvariant();
                    if (!allowed.Contains(size))
                    {
                        disagreements.Add($"{summary.Month}/{summary.Slug}: \"{word.Value}\" but the box says " +
                            $"{string.Join(" or ", allowed)} ({effect})");
                    }
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void The_check_catches_a_medium_association_called_small()
    {
        var allowed = AllowedSizes(new EffectSize(EffectStatistic.R, 0.278, 0.256, 0.299, null));

        Assert.Equal(["medium"], allowed);
        Assert.Equal("small", SizeWord().Match("a small association between alliance and outcome").Groups["size"].Value);
    }

    private static List<string> AllowedSizes(EffectSize effect)
    {
        var ends = new[] { effect.Value, effect.CiLow ?? effect.Value, effect.CiHigh ?? effect.Value }
            .Select(v => Array.IndexOf(Bands, EffectSize.Band(EffectSize.OnDScale(effect.Statistic, v)!.Value))).ToList();
        return Bands[ends.Min()..(ends.Max() + 1)].ToList();
    }

    private static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text);

    [GeneratedRegex(
        @"\b(?<size>small|moderate|medium|large)(-sized)?\s+(effects?|associations?|correlations?|differences?|links?|relationships?)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SizeWord();

    [GeneratedRegex(@"(?<=[.;:!?])\s+")]
    private static partial Regex SentenceEnd();
}
