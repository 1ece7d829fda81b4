using Microsoft.AspNetCore.Mvc;

namespace PPRNet.Web.Shared;

/// <summary>Renders the status-code pages (404, 400, 500) that the pipeline re-executes into.</summary>
public sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        var model = code switch
        {
            404 => Page(404, "Page not found", "We could not find that page. It may have moved, or the address may be mistyped."),
            403 => Page(403, "Not allowed", "Your account cannot open this page. If you need it, ask one of the site's admins."),
            400 => Page(400, "That request did not make sense", "Part of the address or the form had a value we could not use."),
            413 => Page(413, "That was too much to send", "The form or file sent was larger than this site accepts. Shorten it and try again."),
            429 => Page(429, "Too many requests", "Too many requests came from your address in a short time. Please wait a little (the Retry-After header says how long) and try again."),
            _ => Page(code, "Something went wrong", "We could not show this page. The problem has been logged; please try again in a moment."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Message", model);
    }

    private static MessageViewModel Page(int code, string heading, string message) => new()
    {
        StatusCode = code,
        Title = heading,
        Heading = heading,
        Message = message,
        Description = message,
    };
}

public static class ControllerPages
{
    /// <summary>A 400 page that says exactly which value was wrong.</summary>
    public static ViewResult BadRequestPage(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var result = controller.View("Message", new MessageViewModel
        {
            StatusCode = 400,
            Title = "That address did not make sense",
            Heading = "That address did not make sense",
            Message = message,
            Description = message,
        });
        result.StatusCode = 400;
        return result;
    }
}
