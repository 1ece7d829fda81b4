using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed record AccountRow(string Id, string Email, string Role, bool LockedOut);

public sealed class AccountsViewModel : PageViewModel
{
    public required IReadOnlyList<AccountRow> Accounts { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    public string? Email { get; init; }
}

/// <summary>Admins create accounts for editors (with a first password to pass on), change roles
/// and lift lockouts.</summary>
[Route("admin/accounts"), Authorize(Roles = Roles.Admin)]
public sealed class AccountsController(UserManager<IdentityUser> users, AuditLog audit, BlogDbContext db, TimeProvider clock) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(TakeMessage(), null, null, cancellationToken));

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string? email, string? role, string? password, CancellationToken cancellationToken)
    {
        email = email?.Trim();
        string? error = null;
        if (string.IsNullOrEmpty(email) || !Import.SummaryRules.IsEmail(email))
        {
            error = "Enter the new editor's email address.";
        }
        else if (role is not (Roles.Admin or Roles.Editor))
        {
            error = "Choose a role.";
        }
        else
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var result = await users.CreateAsync(user, password ?? "");
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            error = result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
        }

        if (error is not null)
        {
            var page = View("Index", await PageAsync(null, error, email, cancellationToken));
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        audit.Record(UserName, AuditActions.Accounts, email!, $"created as {role}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage("/admin/accounts", $"Created {email} as {role}. Give them their first password in person or by phone.");
    }

    [HttpPost("{id}/role"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Role(string id, string? role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || role is not (Roles.Admin or Roles.Editor))
        {
            return NotFound();
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, $"role set to {role}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage("/admin/accounts", $"{user.Email} is now {role}.");
    }

    [HttpPost("{id}/unlock"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(UserName, AuditActions.Accounts, user.Email ?? id, "unlocked");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage("/admin/accounts", $"Unlocked {user.Email}.");
    }

    private async Task<AccountsViewModel> PageAsync(string? message, string? error, string? email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return new AccountsViewModel
        {
            Accounts = accounts.Select(u => new AccountRow(u.Id, u.Email ?? u.UserName ?? u.Id,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.LockoutEnd is { } end && end > now)).ToList(),
            Message = message,
            Error = error,
            Email = email,
            Title = "Accounts",
            Description = "Editors' and admins' accounts.",
        };
    }
}
