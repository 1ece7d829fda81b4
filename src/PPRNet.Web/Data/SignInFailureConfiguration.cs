using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.Property(f => f.Account).HasMaxLength(256);
        builder.Property(f => f.Address).HasMaxLength(64);
        builder.HasIndex(f => new { f.Account, f.Address, f.At });
        builder.HasIndex(f => new { f.Address, f.At });
        builder.HasIndex(f => f.At);
    }
}
