namespace PPRNet.Web.Archive;

/// <summary>A card and how to show it: as a page's main items (h2) or under a month heading (h3).</summary>
public sealed record SummaryCardView(SummaryCard Card, int HeadingLevel, bool ShowImplications);
