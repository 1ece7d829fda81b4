using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PPRNet.Web.Shared;

/// <summary>A problem with what someone typed, and the form field it belongs beside ("" for the
/// form as a whole). Every editor (the summary form, subscriptions, import) reports problems in
/// this one shape, and <see cref="FieldErrors.AddTo"/> is the one way they reach ModelState.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>A problem with the form as a whole, shown above it rather than beside one field.</summary>
    public static IReadOnlyList<FieldError> ForForm(string message) => [new FieldError("", message)];

    public static IReadOnlyList<FieldError> Single(string field, string message) => [new FieldError(field, message)];
}

public static class FieldErrors
{
    /// <summary>Puts each problem beside its field of the form bound under <paramref name="prefix"/>
    /// ("" for a form whose fields are bound by their own names); a problem with the form as a whole
    /// goes under the empty key, where the page shows it above the form.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            modelState.AddModelError(KeyOf(error.Field, prefix), error.Message);
        }
    }

    public static string KeyOf(string field, string prefix) =>
        field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}";

    /// <summary>The messages for one field, in the order they were found.</summary>
    public static IReadOnlyList<string> MessagesFor(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
    }
}
