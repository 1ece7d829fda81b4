using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PPRNet.Web.Localization;

namespace PPRNet.Web.Shared;

public static class ControllerPages
{
    /// <summary>A 400 page that says exactly which value was wrong (<paramref name="message"/>, in
    /// the page's language).</summary>
    public static ViewResult BadRequestPage(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var t = controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        var result = controller.View("Message", new MessageViewModel
        {
            StatusCode = 400,
            Title = t["That address did not make sense"],
            Heading = t["That address did not make sense"],
            Message = message,
            Description = message,
        });
        result.StatusCode = 400;
        return result;
    }
}
