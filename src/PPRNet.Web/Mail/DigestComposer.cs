using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.Localization;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Mail;

/// <summary>One summary as the digest carries it: what a clinician needs to decide whether to read
/// on (the bottom line, the kind of study, the effect in words and how far to trust it), then the
/// Practice Implications.</summary>
public sealed record DigestItem(int Id, string Title, string Url, string CitationHtml, string CitationText,
    string ImplicationsHtml, string ImplicationsText, IReadOnlyList<int> TopicIds)
{
    public string ResearchType { get; init; } = "";
    public string? BottomLineHtml { get; init; }
    public string? BottomLineText { get; init; }
    public EffectSize? EffectSize { get; init; }
    public Certainty? Certainty { get; init; }
}

/// <summary>What a month's digest can hold: its intro and every summary published in it. Its links
/// and names are in the language it was read in (<see cref="Language"/>), so it is kept per language.</summary>
public sealed record DigestEdition(string Month, string MonthUrl, string? IntroHtml, string? IntroText, IReadOnlyList<DigestItem> Items)
{
    /// <summary>The language its links and names were written in.</summary>
    public string Language { get; init; } = SiteLanguage.EnglishCode;

    public string Label => SummaryRules.MonthLabel(Month);

    /// <summary>The summaries a reader of these topics gets; none means no email for them.</summary>
    public IReadOnlyList<DigestItem> For(bool allTopics, IReadOnlyCollection<int> topicIds) =>
        allTopics ? Items : Items.Where(item => item.TopicIds.Any(topicIds.Contains)).ToList();

    /// <summary>What a reader of one topic gets, or of every topic when none is given.</summary>
    public IReadOnlyList<DigestItem> ForTopic(int? topicId) => topicId is { } id ? For(false, [id]) : Items;
}

public sealed record MailContent(string Subject, string Html, string Text);

/// <summary>Reads a month's digest from the archive: the same published summaries readers see,
/// rendered for mail from their Markdown (links to the site absolute, images as links). Its links go
/// to the pages in the current language (<see cref="SiteLanguage.Use"/>), and so do its names.</summary>
public sealed class DigestComposer(BlogDbContext db, TimeProvider clock, MailLinks links, MarkdownRenderer renderer)
{
    public async Task<DigestEdition?> EditionAsync(string month, CancellationToken cancellationToken)
    {
        var french = SiteLanguage.IsFrench;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Summaries.AsNoTracking().Published(today).InMonth(month).NewestFirst()
            .Select(s => new
            {
                s.Id,
                s.Slug,
                s.Title,
                s.CitationMarkdown,
                s.ImplicationsMarkdown,
                s.BottomLineMarkdown,
                Type = french ? s.ResearchType.NameFr : s.ResearchType.Name,
                Effect = EffectSize.Of(s.EffectStatistic, s.EffectValue, s.EffectCiLow, s.EffectCiHigh, s.EffectOutcome),
                Certainty = Certainty.Of(s.CertaintyLevel, s.CertaintyReasons, s.CertaintyNote),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var topics = await db.TopicIdsAsync(rows.Select(r => r.Id).ToList(), cancellationToken);
        var introMarkdown = await db.MonthIssues.AsNoTracking().Where(m => m.Month == month)
            .Select(m => m.IntroMarkdown).FirstOrDefaultAsync(cancellationToken);
        var intro = string.IsNullOrWhiteSpace(introMarkdown) ? null : ForMail(introMarkdown, inline: false);
        return new DigestEdition(
            month,
            links.Absolute(BlogUrls.Month(month)),
            intro?.Html,
            intro?.Markdown,
            rows.Select(r =>
            {
                var citation = ForMail(r.CitationMarkdown, inline: true);
                var implications = ForMail(r.ImplicationsMarkdown, inline: false);
                var bottomLine = string.IsNullOrWhiteSpace(r.BottomLineMarkdown) ? null : ForMail(r.BottomLineMarkdown, inline: true);
                return new DigestItem(r.Id, r.Title, links.Absolute(BlogUrls.Summary(month, r.Slug)), citation.Html, citation.Text,
                    implications.Html, implications.Markdown, topics[r.Id].ToList())
                {
                    ResearchType = r.Type,
                    BottomLineHtml = bottomLine?.Html,
                    BottomLineText = bottomLine?.Text,
                    EffectSize = r.Effect,
                    Certainty = r.Certainty,
                };
            }).ToList())
        {
            Language = SiteLanguage.Code,
        };
    }

    private MailMarkdown ForMail(string markdown, bool inline)
    {
        try
        {
            return inline ? renderer.RenderInlineForMail(markdown, links.Base) : renderer.RenderForMail(markdown, links.Base);
        }
        catch (ContentRejectedException)
        {
            // Stored before the content limits existed and too big to render: the words as plain
            // text, so the digest still goes and carries nothing the renderer did not vouch for.
            var text = markdown.Trim();
            return new MailMarkdown($"<p>{HtmlEncoder.Default.Encode(text)}</p>", text, text);
        }
    }
}
