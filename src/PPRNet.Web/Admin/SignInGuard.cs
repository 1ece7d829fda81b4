using Microsoft.AspNetCore.Identity;
using PPRNet.Web.History;

namespace PPRNet.Web.Admin;

/// <summary>Signs editors in without revealing which accounts exist: an unknown email costs the
/// same password hash as a known one, and every failure reads alike. Guessing is slowed by
/// <see cref="SignInThrottle"/> (per account and address, per address, and a slow-down for an account
/// under attack), never by locking the account itself, so a stranger's wrong passwords cannot keep
/// its owner out. Failed attempts reach the audit log once per window.</summary>
public sealed class SignInGuard(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    IPasswordHasher<IdentityUser> hasher,
    SignInThrottle throttle,
    FailedSignIns failures,
    AuditLog audit,
    TimeProvider clock)
{
    private static readonly IdentityUser Nobody = new() { UserName = "nobody" };
    private static string? DummyHash;

    /// <summary>Signed in, failed (with one audit line per burst), or refused before the password
    /// was looked at because this address has failed too often.</summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, string from, CancellationToken cancellationToken)
    {
        var verdict = await throttle.JudgeAsync(email, from, cancellationToken);
        if (verdict.Refused)
        {
            RecordFailure(email, from, "refused: too many failures from this address");
            return SignInOutcome.Refused(verdict.RefusedFor!.Value);
        }

        if (verdict.SlowDown > TimeSpan.Zero)
        {
            await Task.Delay(verdict.SlowDown, cancellationToken);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same work as checking a real password, so timing tells nothing either.
            hasher.VerifyHashedPassword(Nobody, DummyHash ??= hasher.HashPassword(Nobody, "not a password of anyone's"), password);
            await FailAsync(email, from, "unknown account", cancellationToken);
            return SignInOutcome.Failed;
        }

        var disabled = await users.IsLockedOutAsync(user);
        // Lockout is only ever set by an admin disabling the account; failures never set it.
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ForgiveAsync(email, from, cancellationToken);
            audit.Record(email, AuditActions.SignIn, email, $"from {from}");
            return SignInOutcome.SignedIn;
        }

        if (disabled)
        {
            // Identity answers a disabled account without looking at the password; match its cost.
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password);
        }

        await FailAsync(email, from, disabled ? "account disabled" : "wrong password", cancellationToken);
        return SignInOutcome.Failed;
    }

    private async Task FailAsync(string email, string from, string reason, CancellationToken cancellationToken)
    {
        await throttle.RecordFailureAsync(email, from, cancellationToken);
        RecordFailure(email, from, reason);
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
}

/// <summary>How a sign-in attempt ended; <see cref="RetryAfter"/> is set when it was refused.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome SignedIn = new(true, null);
    public static readonly SignInOutcome Failed = new(false, null);

    public static SignInOutcome Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
