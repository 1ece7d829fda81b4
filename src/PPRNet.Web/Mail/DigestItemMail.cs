using System.Text;
using System.Text.Encodings.Web;
using PPRNet.Web.Data;

namespace PPRNet.Web.Mail;

/// <summary>One summary in the digest, HTML and text alike: its title, the kind of study, the bottom
/// line, the effect in words and how far to trust it, then the Practice Implications and the paper.</summary>
public static class DigestItemMail
{
    private const string Fact = "margin:0 0 8px;";

    public static void Append(DigestItem item, StringBuilder html, StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        var url = E(item.Url);
        html.Append($"<h2 style=\"{MailTemplates.H2}\"><a href=\"{url}\" style=\"{MailTemplates.Link}color:#1f1f1f;\">")
            .Append(E(item.Title)).Append("</a></h2>");
        text.Append(item.Title).Append('\n').Append('-', Math.Min(item.Title.Length, 72)).Append('\n');
        if (item.ResearchType.Length > 0)
        {
            html.Append($"<p style=\"{MailTemplates.Kicker}\">{E(item.ResearchType)}</p>");
            text.Append(item.ResearchType).Append("\n\n");
        }

        if (item.BottomLineHtml is not null)
        {
            Line(html, text, "Bottom line", item.BottomLineHtml, item.BottomLineText ?? "");
        }

        if (item.EffectSize is { } effect)
        {
            Line(html, text, effect.Label, E(effect.InWords), effect.InWords);
        }

        if (item.Certainty is { } certainty)
        {
            var words = $"{Certainty.Label(certainty.Level)}. {certainty.Note}".Trim();
            Line(html, text, "How far to trust it", E(words), words);
        }

        html.Append($"<h3 style=\"{MailTemplates.H3}\">Practice Implications</h3>")
            .Append("<div>").Append(item.ImplicationsHtml).Append("</div>")
            .Append($"<p style=\"{MailTemplates.Citation}\">{item.CitationHtml}</p>")
            .Append($"<p style=\"margin:8px 0 0;\"><a href=\"{url}\" style=\"{MailTemplates.Link}\">Read the full summary</a></p>");
        text.Append("Practice Implications\n").Append(item.ImplicationsText).Append("\n\n")
            .Append(item.CitationText).Append("\n\nRead the full summary: ").Append(item.Url).Append("\n\n");
    }

    private static void Line(StringBuilder html, StringBuilder text, string label, string valueHtml, string valueText)
    {
        html.Append($"<p style=\"{Fact}\"><strong>{E(label)}:</strong> {valueHtml}</p>");
        text.Append(label).Append(": ").Append(valueText).Append("\n\n");
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
