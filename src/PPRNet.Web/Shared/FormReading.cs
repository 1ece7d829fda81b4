using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Shared;

public enum FormFault
{
    TooManyFields,
    ForbiddenCharacters,
    FieldTooLong,
    Malformed,
}

/// <summary>Why a request's form could not be used, for the 400 page re-executed after it.</summary>
public sealed record FormProblem(FormFault Fault)
{
    // HttpRequest.ReadFormAsync reads with the framework's default limits.
    internal static readonly FormOptions Limits = new();

    /// <summary>The reason in the given localizer's language (the log writes it in English).</summary>
    public string Describe(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Fault switch
        {
            FormFault.TooManyFields => t["The form had more than {0} fields.", Limits.ValueCountLimit.ToString("N0", CultureInfo.CurrentCulture)],
            FormFault.ForbiddenCharacters => t["The form contained characters that no field accepts, such as a NUL byte."],
            FormFault.FieldTooLong => t["The form had a field longer than {0} MB.",
                (Limits.ValueLengthLimit / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture)],
            _ => t["The form was cut off or malformed, so none of it could be read."],
        };
    }
}

/// <summary>Reads every form body once, before anything binds it, so that a body the server cannot
/// read (cut-off or malformed multipart, more fields or a longer value than FormOptions allows, a
/// control character such as NUL, which the framework refuses in form values) is answered with a 400 page saying what was wrong and logged
/// as one warning, instead of reaching an action as a half-bound null and failing there as a 500.</summary>
public sealed partial class FormReading(RequestDelegate next, ILogger<FormReading> logger, IStringLocalizerFactory localizers)
{

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The error page re-executed for a refused form must not try to read it again.
        // Only an action can bind a form: a 404 or 405 keeps its own status.
        var endpoint = context.GetEndpoint();
        if (!context.Request.HasFormContentType
            || endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is null
            || endpoint.Metadata.GetMetadata<ReadsNoFormAttribute>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var problem = await ProblemWithAsync(context.Request, context.RequestAborted);
        if (problem is null)
        {
            await next(context);
            return;
        }

        var found = new FormProblem(problem.Value);
        using (SiteLanguage.Use(SiteLanguage.EnglishCode))
        {
            var reason = found.Describe(localizers.Create(typeof(Ui)));
            LogUnreadable(context.Request.Method, context.Request.Path, reason, context.TraceIdentifier);
        }

        context.Features.Set(found);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task<FormFault?> ProblemWithAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.ReadFormAsync(cancellationToken);
            return null;
        }
        catch (InvalidDataException exception)
        {
            return exception.Message switch
            {
                var m when m.Contains("count limit", StringComparison.OrdinalIgnoreCase) => FormFault.TooManyFields,
                var m when m.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) => FormFault.ForbiddenCharacters,
                var m when m.Contains("length limit", StringComparison.OrdinalIgnoreCase) => FormFault.FieldTooLong,
                _ => FormFault.Malformed,
            };
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return FormFault.Malformed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 400: {Problem} (request {RequestId})")]
    private partial void LogUnreadable(string method, PathString path, string problem, string requestId);
}
