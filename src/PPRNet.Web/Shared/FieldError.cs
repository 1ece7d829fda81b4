using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PPRNet.Web.Shared;

/// <summary>A problem with what someone typed, and the form field it belongs beside ("" for the
/// form as a whole). Every editor (the summary form, subscriptions, import) reports problems in
/// this one shape, and <see cref="FieldErrors.AddTo"/> is the one way they reach ModelState.</summary>
public sealed record FieldError(string Field, string Message);

public static class FieldErrors
{
    /// <summary>Puts each problem beside its field of the form bound under <paramref name="prefix"/>.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
