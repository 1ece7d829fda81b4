using PPRNet.Web.Localization;

namespace PPRNet.Web.Mail;

/// <summary>A topic a reader can choose, with its name in both languages.</summary>
public sealed record TopicChoice(int Id, string Slug, string Name, string NameFr)
{
    /// <summary>The name in the language being read (a French page or a French reader's mail).</summary>
    public string Shown => SiteLanguage.IsFrench ? NameFr : Name;

    /// <summary>The choices as a list shows them: in the order of their shown names. English keeps
    /// the order the choices came in (by English name).</summary>
    public static IEnumerable<TopicChoice> InShownOrder(IEnumerable<TopicChoice> choices) =>
        SiteLanguage.IsFrench
            ? choices.OrderBy(c => c.NameFr, StringComparer.Create(SiteLanguage.French, ignoreCase: true))
            : choices;
}
