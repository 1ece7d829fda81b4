using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Localization;
using PPRNet.Web.Shared;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Admin;

/// <summary>Opens an account for a new editor, reporting each refusal beside the field it concerns,
/// Identity's own password and duplicate-name rules included.</summary>
public sealed class AccountCreator(UserManager<IdentityUser> users, AuditLog audit, BlogDbContext db,
    IStringLocalizer<Ui> t)
{
    /// <summary>Empty when the account was created.</summary>
    public async Task<IReadOnlyList<FieldError>> CreateAsync(NewAccountForm form, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var email = form.Email?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (!SummaryRules.IsEmail(email))
        {
            errors.Add(new FieldError(nameof(NewAccountForm.Email), t["Enter the new editor's email address, such as name@university.edu."]));
        }

        if (form.Role is not (Roles.Admin or Roles.Editor))
        {
            errors.Add(new FieldError(nameof(NewAccountForm.Role), t["Choose Editor or Admin."]));
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new FieldError(nameof(NewAccountForm.Password), t["Enter a first password for them."]));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, form.Password!);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, form.Role!);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => new FieldError(FieldOf(e), e.Description)).ToList();
        }

        audit.Record(createdBy, AuditActions.Accounts, email, $"created as {form.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(NewAccountForm.Password),
        "DuplicateUserName" or "DuplicateEmail" or "InvalidUserName" or "InvalidEmail" => nameof(NewAccountForm.Email),
        _ => "",
    };
}
