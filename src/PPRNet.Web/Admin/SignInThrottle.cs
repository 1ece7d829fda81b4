using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PPRNet.Web.Data;
using PPRNet.Web.Setup;

namespace PPRNet.Web.Admin;

/// <summary>What to do with a sign-in attempt before its password is checked.</summary>
public sealed record SignInVerdict(TimeSpan? RefusedFor, TimeSpan SlowDown)
{
    public bool Refused => RefusedFor is not null;
}

/// <summary>Slows password guessing without letting a stranger keep the owner out, as OWASP's
/// authentication guidance describes. Failures are counted per (account, client address) and per
/// client address; only an address with its own recent failures is ever refused. An account under
/// attack from many addresses is slowed down for everyone, never refused, so its owner can still sign
/// in from a clean address with the right password. The counts live in the database: `unlock`
/// clears an account's, a restart clears nothing.</summary>
public sealed class SignInThrottle(BlogDbContext db, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public static string AccountKey(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    public async Task<SignInVerdict> JudgeAsync(string email, string address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var account = AccountKey(email);
        var now = clock.GetUtcNow();

        var pair = limits.SignInFailuresPerAccountAndAddress;
        var pairSince = now - pair.Window;
        var pairFailures = db.SignInFailures.Where(f => f.Account == account && f.Address == address && f.At > pairSince);
        if (await RefusalAsync(pairFailures, pair, now, cancellationToken) is { } pairWait)
        {
            return new SignInVerdict(pairWait, TimeSpan.Zero);
        }

        var perAddress = limits.SignInFailuresPerAddress;
        var addressSince = now - perAddress.Window;
        var addressFailures = db.SignInFailures.Where(f => f.Address == address && f.At > addressSince);
        if (await RefusalAsync(addressFailures, perAddress, now, cancellationToken) is { } addressWait)
        {
            return new SignInVerdict(addressWait, TimeSpan.Zero);
        }

        var slowDown = limits.SignInSlowDown;
        var accountSince = now - TimeSpan.FromSeconds(Math.Max(1, slowDown.WindowSeconds));
        var accountFailures = await db.SignInFailures.CountAsync(f => f.Account == account && f.At > accountSince, cancellationToken);
        return new SignInVerdict(null,
            accountFailures >= slowDown.AfterFailures ? TimeSpan.FromMilliseconds(slowDown.DelayMilliseconds) : TimeSpan.Zero);
    }

    /// <summary>Counts a failure (saved with the caller's SaveChanges) and forgets failures older
    /// than every window, so the table holds at most a few windows' worth.</summary>
    public async Task RecordFailureAsync(string email, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limits = options.Value;
        var longest = new[] { limits.SignInFailuresPerAccountAndAddress.Window,
            limits.SignInFailuresPerAddress.Window, TimeSpan.FromSeconds(limits.SignInSlowDown.WindowSeconds) }.Max();
        var expired = now - longest;
        await db.SignInFailures.Where(f => f.At < expired).ExecuteDeleteAsync(cancellationToken);
        db.SignInFailures.Add(new SignInFailure { Account = AccountKey(email), Address = address, At = now });
    }

    /// <summary>A correct password from an address ends that address's failures for the account.</summary>
    public Task ForgiveAsync(string email, string address, CancellationToken cancellationToken)
    {
        var account = AccountKey(email);
        return db.SignInFailures.Where(f => f.Account == account && f.Address == address).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>`unlock`: every failure counted against the account, from every address.</summary>
    public Task<int> ClearAsync(string email, CancellationToken cancellationToken)
    {
        var account = AccountKey(email);
        return db.SignInFailures.Where(f => f.Account == account).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Accounts some address is refused for now, for the admins' accounts page.</summary>
    public async Task<HashSet<string>> PausedAccountsAsync(CancellationToken cancellationToken)
    {
        var pair = options.Value.SignInFailuresPerAccountAndAddress;
        var since = clock.GetUtcNow() - pair.Window;
        var paused = await db.SignInFailures.Where(f => f.At > since)
            .GroupBy(f => new { f.Account, f.Address })
            .Where(g => g.Count() >= Math.Max(1, pair.PermitLimit))
            .Select(g => g.Key.Account)
            .Distinct()
            .ToListAsync(cancellationToken);
        return paused.ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<TimeSpan?> RefusalAsync(IQueryable<SignInFailure> failures, RateLimit limit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var permitted = Math.Max(1, limit.PermitLimit);
        // The oldest failure that still counts decides when one more attempt is allowed.
        var counted = await failures.OrderByDescending(f => f.At).Skip(permitted - 1)
            .Select(f => (DateTimeOffset?)f.At).FirstOrDefaultAsync(cancellationToken);
        return counted is { } oldest ? oldest + limit.Window - now : null;
    }
}
