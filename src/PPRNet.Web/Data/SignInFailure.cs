using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PPRNet.Web.Data;

/// <summary>One failed sign-in: which account was tried, from which client address, and when. Kept in
/// the database (not in memory) so that `unlock` can clear it and a restart cannot; rows older than
/// the longest counting window are deleted as new ones arrive.</summary>
public class SignInFailure
{
    public long Id { get; set; }

    /// <summary>The email as typed, normalized (trimmed, upper case), known account or not.</summary>
    public required string Account { get; set; }

    public required string Address { get; set; }
    public DateTimeOffset At { get; set; }
}

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
