using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PPRNet.Web.History;

namespace PPRNet.Web.Admin;

public static class SignInMessages
{
    /// <summary>One message for an unknown email, a wrong password, a locked and a disabled
    /// account, so the form tells nobody which accounts exist.</summary>
    public const string Failed = "That email and password did not sign you in. After several failed attempts an account pauses for a few minutes; an admin can unlock it.";
}

/// <summary>Signs editors in without revealing which accounts exist: an unknown email costs the
/// same password hash as a known one, and every failure reads alike. An account locks for a short
/// window after repeated failures, longer each time it locks again in a row (1, 2, 4, 8, then 15
/// minutes); a success starts it over. Failed attempts reach the audit log once per window.</summary>
public sealed class SignInGuard(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    IPasswordHasher<IdentityUser> hasher,
    FailedSignIns failures,
    AuditLog audit,
    TimeProvider clock)
{
    public const int FailuresBeforeLockout = 10;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(15);
    private const string LockoutStreakClaim = "pprnet:lockout-streak";

    private static readonly IdentityUser Nobody = new() { UserName = "nobody" };
    private static string? dummyHash;

    /// <summary>True when signed in; false (with one audit line per burst) otherwise.</summary>
    public async Task<bool> SignInAsync(string email, string password, string from)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same work as checking a real password, so timing tells nothing either.
            hasher.VerifyHashedPassword(Nobody, dummyHash ??= hasher.HashPassword(Nobody, "not a password of anyone's"), password);
            RecordFailure(email, from, "unknown account");
            return false;
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await EndStreakAsync(user);
            audit.Record(email, AuditActions.SignIn, email, $"from {from}");
            return true;
        }

        if (wasLocked)
        {
            // Identity answers a locked account without looking at the password; match its cost.
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password);
        }
        else if (result.IsLockedOut)
        {
            await LengthenLockoutAsync(user);
        }

        RecordFailure(email, from, result.IsLockedOut ? (wasLocked ? "account locked" : "account now locked") : "wrong password");
        return false;
    }

    private void RecordFailure(string email, string from, string reason)
    {
        var now = clock.GetUtcNow();
        if (failures.StartsWindow(email, now, out var earlier))
        {
            audit.Record(email, AuditActions.SignInFailed, email,
                $"from {from}: {reason}" + (earlier > 0 ? $"; {earlier} more failed in the previous window" : "")
                + $"; further failures in the next {FailedSignIns.Window.TotalMinutes:0} minutes are counted, not logged one by one");
        }
    }

    private async Task LengthenLockoutAsync(IdentityUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        var old = claims.FirstOrDefault(c => c.Type == LockoutStreakClaim);
        var streak = (old is null ? 0 : int.Parse(old.Value, System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var length = TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(streak - 1, 10)));
        await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + length);
        var claim = new Claim(LockoutStreakClaim, streak.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await (old is null ? users.AddClaimAsync(user, claim) : users.ReplaceClaimAsync(user, old, claim));
    }

    private async Task EndStreakAsync(IdentityUser user)
    {
        var old = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == LockoutStreakClaim);
        if (old is not null)
        {
            await users.RemoveClaimAsync(user, old);
        }
    }
}

/// <summary>Counts failed sign-ins per email in windows, so a burst of guesses makes one audit
/// line rather than thousands.</summary>
public sealed class FailedSignIns
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for the first failure of a window; <paramref name="earlier"/> is how many
    /// failures the previous window had after its first.</summary>
    public bool StartsWindow(string email, DateTimeOffset now, out int earlier)
    {
        var previous = (Start: DateTimeOffset.MinValue, Count: 0);
        var current = windows.AddOrUpdate(email, _ => (now, 1), (_, w) =>
        {
            previous = w;
            return now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1);
        });
        earlier = current.Count == 1 && previous.Count > 1 ? previous.Count - 1 : 0;
        if (windows.Count > 10_000)
        {
            // Guessing at random emails must not grow this without bound.
            foreach (var stale in windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        return current.Count == 1;
    }
}
