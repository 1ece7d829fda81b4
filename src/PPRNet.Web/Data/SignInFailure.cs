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
