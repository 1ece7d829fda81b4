namespace PPRNet.Web.Data;

public sealed class ResearchTypeConfiguration : TaxonomyTermConfiguration<ResearchType>;
