using Microsoft.AspNetCore.Http.Features;

namespace PPRNet.Web.Shared;

/// <summary>Why a request's form could not be used, for the 400 page re-executed after it.</summary>
public sealed record FormProblem(string Message);

/// <summary>Reads every form body once, before anything binds it, so that a body the server cannot
/// read (cut-off or malformed multipart, more fields or a longer value than FormOptions allows, a
/// control character such as NUL, which the framework refuses in form values) is answered with a 400 page saying what was wrong and logged
/// as one warning, instead of reaching an action as a half-bound null and failing there as a 500.</summary>
public sealed partial class FormReading(RequestDelegate next, ILogger<FormReading> logger)
{
    // HttpRequest.ReadFormAsync reads with the framework's default limits.
    private static readonly FormOptions Limits = new();

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

        LogUnreadable(context.Request.Method, context.Request.Path, problem, context.TraceIdentifier);
        context.Features.Set(new FormProblem(problem));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task<string?> ProblemWithAsync(HttpRequest request, CancellationToken cancellationToken)
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
                var m when m.Contains("count limit", StringComparison.OrdinalIgnoreCase) =>
                    $"The form had more than {Limits.ValueCountLimit:N0} fields.",
                var m when m.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) =>
                    "The form contained characters that no field accepts, such as a NUL byte.",
                var m when m.Contains("length limit", StringComparison.OrdinalIgnoreCase) =>
                    $"The form had a field longer than {Limits.ValueLengthLimit / (1024 * 1024):N0} MB.",
                _ => "The form was cut off or malformed, so none of it could be read.",
            };
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return "The form was cut off or malformed, so none of it could be read.";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 400: {Problem} (request {RequestId})")]
    private partial void LogUnreadable(string method, PathString path, string problem, string requestId);
}
