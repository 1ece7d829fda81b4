using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Shared;

/// <summary>Renders the status-code pages (404, 400, 413, 429, 500) that the pipeline re-executes
/// into. They read nothing from the request body: the request that failed may have a body that
/// cannot be read at all.</summary>
[ReadsNoForm]
public sealed partial class ErrorController(ILogger<ErrorController> logger, IStringLocalizer<Ui> t) : Controller
{
    /// <summary>Where unhandled exceptions land; the status was chosen by the exception handler
    /// (413 for a body over the limits, 400 for one that cannot be read, otherwise 500).</summary>
    [Route("error/exception")]
    public IActionResult Exception()
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var code = Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        if (failed is not null)
        {
            // The one log line of this exception (the middleware's own is suppressed).
            if (code >= 500)
            {
                LogFailure(failed.Error, HttpContext.Request.Method, failed.Path, HttpContext.TraceIdentifier);
            }
            else
            {
                LogRefused(HttpContext.Request.Method, failed.Path, code, failed.Error.Message, HttpContext.TraceIdentifier);
            }
        }

        return Status(code);
    }

    /// <summary>The status code for an exception that escaped: a body the server refused to read
    /// is the client's problem, and says so.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    // No action parameters: binding any would read every value provider, the form included.
    [Route("error/{code:int}")]
    public IActionResult Status() =>
        Status(int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture,
            out var code) ? code : 500);

    private ViewResult Status(int code)
    {
        var model = code switch
        {
            400 when HttpContext.Features.Get<FormProblem>() is { } form => Page(400, t["That form could not be read"], form.Describe(t)),
            404 => Page(404, t["Page not found"], t["We could not find that page. It may have moved, or the address may be mistyped."]),
            403 => Page(403, t["Not allowed"], t["Your account cannot open this page. If you need it, ask one of the site's admins."]),
            400 => Page(400, t["That request did not make sense"], t["Part of the address or the form had a value we could not use."]),
            405 => Page(405, t["That address cannot take this request"],
                t["This page can be read but not sent to. Go back and follow a link instead."]),
            413 => Page(413, t["That was too much to send"],
                t["The form or file sent was larger than this site accepts. Shorten it and try again."]),
            429 => Page(429, t["Too many requests"],
                t["Too many requests came from your address in a short time. Please wait a little (the Retry-After header says how long) and try again."]),
            _ => Page(code, t["Something went wrong"],
                t["We could not show this page. The problem has been logged; please try again in a moment."]),
        };
        var result = View("Message", model);
        result.StatusCode = code is >= 400 and < 600 ? code : 500;
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path} (request {RequestId})")]
    private partial void LogFailure(Exception exception, string method, string path, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {StatusCode}: {Problem} (request {RequestId})")]
    private partial void LogRefused(string method, string path, int statusCode, string problem, string requestId);

    private static MessageViewModel Page(int code, string heading, string message) => new()
    {
        StatusCode = code,
        Title = heading,
        Heading = heading,
        Message = message,
        Description = message,
    };
}
