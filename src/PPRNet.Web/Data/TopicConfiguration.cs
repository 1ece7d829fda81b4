namespace PPRNet.Web.Data;

public sealed class TopicConfiguration : TaxonomyTermConfiguration<Topic>;
