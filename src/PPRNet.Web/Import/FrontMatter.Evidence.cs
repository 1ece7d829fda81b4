using PPRNet.Web.Data;
using PPRNet.Web.Summaries;
using YamlDotNet.RepresentationModel;

namespace PPRNet.Web.Import;

/// <summary>The evidence fields of a summary's front matter, which hold more than one value each:
/// the headline effect size and the certainty rating.</summary>
public sealed partial class FrontMatter
{
    /// <summary>Reads <c>effect_size: { statistic: r, value: 0.28, ci: [0.23, 0.33], outcome: ... }</c>.</summary>
    public EffectSize? EffectSize()
    {
        if (!fields.TryGetValue("effect_size", out var field))
        {
            return null;
        }

        if (field.Node is not YamlMappingNode map)
        {
            error(field.Line, "effect_size", "must hold the fields statistic, value and optionally ci and outcome, one per indented line");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var problems = 0;
        void Problem(YamlNode at, string name, string message)
        {
            error((int)at.Start.Line + 1, $"effect_size.{name}", message);
            problems++;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name is not ("statistic" or "value" or "ci" or "outcome"))
            {
                Problem(key, name, "unknown field; the fields are statistic, value, ci, outcome");
            }
            else if (!entries.TryAdd(name, value))
            {
                Problem(key, name, "appears twice");
            }
        }

        string? Text(string name) => entries.GetValueOrDefault(name) is YamlScalarNode { Value: { } v } ? v.Trim() : null;

        var statistic = EffectStatistic.D;
        if (!Data.EffectSize.TryParseStatistic(Text("statistic"), out statistic))
        {
            Problem(entries.GetValueOrDefault("statistic") ?? map, "statistic",
                "must be one of d, g, r, or (Cohen's d, Hedges' g, a correlation, an odds ratio)");
        }

        if (!Data.EffectSize.TryParseNumber(Text("value"), out var number))
        {
            Problem(entries.GetValueOrDefault("value") ?? map, "value", "must be a number such as 0.28 or -0.39");
        }

        double? low = null, high = null;
        if (entries.TryGetValue("ci", out var ciNode))
        {
            var ends = (ciNode as YamlSequenceNode)?.Children.Select(n => (n as YamlScalarNode)?.Value).ToList();
            if (ends is not { Count: 2 }
                || !Data.EffectSize.TryParseNumber(ends[0], out var l)
                || !Data.EffectSize.TryParseNumber(ends[1], out var h))
            {
                Problem(ciNode, "ci", "must be two numbers, lower end first, such as [0.23, 0.33]");
            }
            else
            {
                (low, high) = (l, h);
            }
        }

        var outcome = Text("outcome");
        if (ContentLimits.LengthProblem(outcome, ContentLimits.MaxOutcomeLength) is { } tooLong)
        {
            Problem(entries["outcome"], "outcome", tooLong);
        }

        if (problems > 0)
        {
            return null;
        }

        if (Data.EffectSize.Problem(statistic, number, low, high) is { } invalid)
        {
            error(field.Line, "effect_size", invalid);
            return null;
        }

        return new Data.EffectSize(statistic, number, low, high, string.IsNullOrEmpty(outcome) ? null : outcome);
    }

    /// <summary>Reads <c>certainty</c>, <c>certainty_reasons</c> (a list of GRADE domains) and
    /// <c>certainty_note</c>; null when the summary has no rating.</summary>
    public Certainty? Certainty()
    {
        var levelText = Scalar("certainty", required: false);
        var note = Scalar("certainty_note", required: false);
        var reasons = new List<CertaintyReason>();
        var problems = 0;
        if (fields.TryGetValue("certainty_reasons", out var reasonsField))
        {
            var codes = reasonsField.Node switch
            {
                YamlSequenceNode list => list.Children.Select(n => (n as YamlScalarNode)?.Value ?? ""),
                YamlScalarNode one => (one.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
                _ => [],
            };
            foreach (var code in codes.Select(c => c.Trim()).Where(c => c.Length > 0))
            {
                if (!Data.Certainty.TryParseReason(code, out var reason))
                {
                    error(reasonsField.Line, "certainty_reasons", $"\"{code}\" is not a GRADE domain; use any of "
                        + string.Join(", ", Data.Certainty.AllReasons.Select(Data.Certainty.Code)));
                    problems++;
                }
                else if (!reasons.Contains(reason))
                {
                    reasons.Add(reason);
                }
            }
        }

        if (levelText is null)
        {
            if (note is not null || reasonsField.Node is not null)
            {
                error(LineOf(note is not null ? "certainty_note" : "certainty_reasons"), "certainty",
                    "missing; give the rating (high, moderate, low, very-low or not-rated) the reasons and note belong to");
            }

            return null;
        }

        if (!Data.Certainty.TryParseLevel(levelText, out var level))
        {
            error(LineOf("certainty"), "certainty", $"\"{levelText}\" is not a rating; use high, moderate, low, very-low or not-rated");
            return null;
        }

        if (Data.Certainty.Problem(level, reasons, note) is { } invalid)
        {
            error(LineOf(note is null ? "certainty" : "certainty_reasons"), note is null ? "certainty_note" : "certainty_reasons", invalid);
            return null;
        }

        return problems > 0 ? null : new Data.Certainty(level, reasons, note!);
    }
}
