namespace PPRNet.Web.Archive;

public sealed record FilterOption(string Slug, string Name, int Count, bool Selected, string Url);
