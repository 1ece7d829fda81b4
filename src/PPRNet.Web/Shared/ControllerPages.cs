using Microsoft.AspNetCore.Mvc;

namespace PPRNet.Web.Shared;

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
