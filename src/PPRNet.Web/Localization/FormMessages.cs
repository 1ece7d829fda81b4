using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace PPRNet.Web.Localization;

/// <summary>What forms say about what was typed, in the page's language: the DataAnnotations
/// messages and display names (their English text is the key, as for every interface text), the
/// model binder's own messages ("The value 'x' is not valid for ...") and Identity's password and
/// account rules. English pages keep the exact English .NET writes.</summary>
public static class FormMessages
{
    public static IMvcBuilder AddLocalizedFormMessages(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Ui)));
        mvc.Services.AddSingleton<IConfigureOptions<MvcOptions>, BindingMessages>();
        // Registered after AddIdentity's own: the last registration is the one resolved.
        mvc.Services.AddScoped<IdentityErrorDescriber, IdentityMessages>();
        return mvc;
    }

    /// <summary>The model binder's messages, with the same English as ASP.NET Core's own.</summary>
    private sealed class BindingMessages(IStringLocalizer<Ui> t) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, field]);
            messages.SetMissingBindRequiredValueAccessor(field => t["A value for the '{0}' parameter or property was not provided.", field]);
            messages.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["A non-empty request body is required."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The supplied value is invalid."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["The field must be a number."]);
            messages.SetUnknownValueIsInvalidAccessor(field => t["The supplied value is invalid for {0}.", field]);
            messages.SetValueIsInvalidAccessor(value => t["The value '{0}' is invalid.", value]);
            messages.SetValueMustBeANumberAccessor(field => t["The field {0} must be a number.", field]);
            messages.SetValueMustNotBeNullAccessor(value => t["The value '{0}' is invalid.", value]);
        }
    }

    /// <summary>Identity's refusals an editor or admin can meet (a new account, a password change),
    /// with Identity's own English.</summary>
    private sealed class IdentityMessages(IStringLocalizer<Ui> t) : IdentityErrorDescriber
    {
        public override IdentityError DefaultError() =>
            Error(nameof(DefaultError), t["An unknown failure has occurred."]);

        public override IdentityError ConcurrencyFailure() =>
            Error(nameof(ConcurrencyFailure), t["Optimistic concurrency failure, object has been modified."]);

        public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Incorrect password."]);

        public override IdentityError InvalidUserName(string? userName) =>
            Error(nameof(InvalidUserName), t["Username '{0}' is invalid, can only contain letters or digits.", userName ?? ""]);

        public override IdentityError InvalidEmail(string? email) =>
            Error(nameof(InvalidEmail), t["Email '{0}' is invalid.", email ?? ""]);

        public override IdentityError DuplicateUserName(string userName) =>
            Error(nameof(DuplicateUserName), t["Username '{0}' is already taken.", userName]);

        public override IdentityError DuplicateEmail(string email) =>
            Error(nameof(DuplicateEmail), t["Email '{0}' is already taken.", email]);

        public override IdentityError UserAlreadyInRole(string role) =>
            Error(nameof(UserAlreadyInRole), t["User already in role '{0}'.", role]);

        public override IdentityError PasswordTooShort(int length) =>
            Error(nameof(PasswordTooShort), t["Passwords must be at least {0} characters.", length]);

        public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
            Error(nameof(PasswordRequiresUniqueChars), t["Passwords must use at least {0} different characters.", uniqueChars]);

        private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
    }
}
