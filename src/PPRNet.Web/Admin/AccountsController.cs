using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

/// <summary>One account; <paramref name="Paused"/> when some address is refused sign-in to it for its
/// recent failures.</summary>
public sealed record AccountRow(string Id, string Email, string Role, bool Paused, bool Disabled);

/// <summary>Admins create accounts for editors (with a first password to pass on), change roles,
/// lift sign-in pauses, and disable or delete accounts. Every change to what an account may do renews
/// its security stamp, which is checked on every request, so its open sessions end at once.</summary>
[Route("admin/accounts"), Authorize(Roles = Roles.Admin)]
public sealed class AccountsController(UserManager<IdentityUser> users, AuditLog audit,
    BlogDbContext db, SignInThrottle throttle, AccountCreator creator, IStringLocalizer<Ui> t) : AdminControllerBase
{
    private const string FormPrefix = nameof(AccountsViewModel.Form);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(TakeMessage(), new NewAccountForm(), cancellationToken));

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([Bind(Prefix = FormPrefix)] NewAccountForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = await creator.CreateAsync(form, UserName, cancellationToken);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, FormPrefix);
            var page = View("Index", await PageAsync(null, form, cancellationToken));
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        return RedirectWithMessage(nameof(Index),
            t["Created {0} as {1}. Give them their first password in person or by phone.", form.Email?.Trim() ?? "",
                Roles.Name(form.Role, t)]);
    }

    [HttpPost("{id}/role"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Role(string id, string? role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || role is not (Roles.Admin or Roles.Editor))
        {
            return NotFound();
        }

        if (role != Roles.Admin && await IsLastAdminAsync(user))
        {
            return RedirectWithMessage(nameof(Index), t["{0} is the last Admin and cannot be made an Editor. Make another account an Admin first.", user.Email ?? ""]);
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, $"role set to {role}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage(nameof(Index), t["{0} is now {1}.", user.Email ?? "", Roles.Name(role, t)]);
    }

    /// <summary>A disabled account keeps its history but cannot sign in, and its sessions end.</summary>
    [HttpPost("{id}/disable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Disable(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await IsLastAdminAsync(user))
        {
            return RedirectWithMessage(nameof(Index), t["{0} is the last Admin and cannot be disabled. Make another account an Admin first.", user.Email ?? ""]);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, Accounts.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, "disabled");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage(nameof(Index), t["Disabled {0}. Their sessions have ended.", user.Email ?? ""]);
    }

    [HttpPost("{id}/delete"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await IsLastAdminAsync(user))
        {
            return RedirectWithMessage(nameof(Index), t["{0} is the last Admin and cannot be deleted. Make another account an Admin first.", user.Email ?? ""]);
        }

        await users.DeleteAsync(user);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, "deleted");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage(nameof(Index), t["Deleted {0}. Their sessions have ended; the audit log keeps their name.", user.Email ?? ""]);
    }

    /// <summary>True when the user is the only Admin who can still sign in: without them nobody
    /// could manage accounts from the web.</summary>
    private async Task<bool> IsLastAdminAsync(IdentityUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin) || Accounts.IsDisabled(user))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !Accounts.IsDisabled(a)) <= 1;
    }

    [HttpPost("{id}/unlock"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wasDisabled = Accounts.IsDisabled(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ClearAsync(user.Email ?? "", cancellationToken);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, wasDisabled ? "enabled" : "unlocked");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage(nameof(Index), wasDisabled ? t["Enabled {0}.", user.Email ?? ""] : t["Unlocked {0}.", user.Email ?? ""]);
    }

    private async Task<AccountsViewModel> PageAsync(string? message, NewAccountForm form, CancellationToken cancellationToken)
    {
        var paused = await throttle.PausedAccountsAsync(cancellationToken);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return new AccountsViewModel
        {
            Accounts = accounts.Select(u => new AccountRow(u.Id, u.Email ?? u.UserName ?? u.Id,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                paused.Contains(SignInThrottle.AccountKey(u.Email ?? "")) && !Accounts.IsDisabled(u), Accounts.IsDisabled(u))).ToList(),
            Message = message,
            Form = form,
            Title = t["Accounts"],
            Description = t["Editors' and admins' accounts."],
        };
    }
}
