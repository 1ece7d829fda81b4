using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class FacetCountConfiguration : IEntityTypeConfiguration<FacetCount>
{
    public void Configure(EntityTypeBuilder<FacetCount> builder) => builder.HasKey(c => new { c.TopicId, c.ResearchTypeId });
}
