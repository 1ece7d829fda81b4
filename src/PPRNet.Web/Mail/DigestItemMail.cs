using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Mail;

/// <summary>One summary in the digest, HTML and text alike: its title, the kind of study, the bottom
/// line, the effect in words and how far to trust it, then the Practice Implications and the paper.
/// The labels are in the mail's language; the summary's own words stay English, and a French mail
/// marks them so (<see cref="MailTemplates.EnglishText"/>).</summary>
public static class DigestItemMail
{
    private const string Fact = "margin:0 0 8px;";

    public static void Append(IStringLocalizer t, DigestItem item, StringBuilder html, StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        var url = E(item.Url);
        var en = MailTemplates.EnglishText;
        html.Append($"<h2 style=\"{MailTemplates.H2}\"{en}><a href=\"{url}\" style=\"{MailTemplates.Link}color:#1f1f1f;\">")
            .Append(E(item.Title)).Append("</a></h2>");
        text.Append(item.Title).Append('\n').Append('-', Math.Min(item.Title.Length, 72)).Append('\n');
        if (item.ResearchType.Length > 0)
        {
            html.Append($"<p style=\"{MailTemplates.Kicker}\">{E(item.ResearchType)}</p>");
            text.Append(item.ResearchType).Append("\n\n");
        }

        if (item.BottomLineHtml is not null)
        {
            Line(t, html, text, t["Bottom line"], English(item.BottomLineHtml), item.BottomLineText ?? "");
        }

        if (item.EffectSize is { } effect)
        {
            // The figure and its size in the mail's language; what it relates is the summary's own English.
            var figure = SummaryWords.EffectFigure(t, effect);
            var (figureHtml, figureText) = effect.Outcome is { } outcome
                ? ($"{E(figure)} ({English(E(outcome))})", $"{figure} ({outcome})")
                : (E(figure), figure);
            var (wordsHtml, words) = SummaryWords.EffectSizeDescription(t, effect) is { } size
                ? (t["{0}: {1}", figureHtml, E(size)].Value, t["{0}: {1}", figureText, size].Value)
                : (figureHtml, figureText);
            Line(t, html, text, SummaryWords.EffectLabel(t, effect), wordsHtml, words);
        }

        if (item.Certainty is { } certainty)
        {
            var level = SummaryWords.CertaintyLabel(t, certainty.Level);
            var note = certainty.Note?.Trim() ?? "";
            var words = note.Length == 0 ? $"{level}." : $"{level}. {note}";
            var wordsHtml = note.Length == 0 ? E(words) : $"{E($"{level}.")} {English(E(note))}";
            Line(t, html, text, t["How far to trust it"], wordsHtml, words);
        }

        var implications = t["Practice Implications"].Value;
        html.Append($"<h3 style=\"{MailTemplates.H3}\">{E(implications)}</h3>")
            .Append($"<div{en}>").Append(item.ImplicationsHtml).Append("</div>")
            .Append($"<p style=\"{MailTemplates.Citation}\"{en}>{item.CitationHtml}</p>")
            .Append($"<p style=\"margin:8px 0 0;\"><a href=\"{url}\" style=\"{MailTemplates.Link}\">{E(t["Read the full summary"])}</a></p>");
        text.Append(implications).Append('\n').Append(item.ImplicationsText).Append("\n\n")
            .Append(item.CitationText).Append("\n\n").Append(t["{0}: {1}", t["Read the full summary"], item.Url]).Append("\n\n");
    }

    /// <summary>The summary's own words (HTML), marked as English in a mail in another language.</summary>
    private static string English(string html) => MailTemplates.EnglishText.Length == 0 ? html : $"<span lang=\"en\">{html}</span>";

    private static void Line(IStringLocalizer t, StringBuilder html, StringBuilder text, string label, string valueHtml, string valueText)
    {
        html.Append($"<p style=\"{Fact}\"><strong>{E(t["{0}:", label])}</strong> {valueHtml}</p>");
        text.Append(t["{0}: {1}", label, valueText]).Append("\n\n");
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
