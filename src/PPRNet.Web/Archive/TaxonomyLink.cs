namespace PPRNet.Web.Archive;

public sealed record TaxonomyLink(string Slug, string Name);
