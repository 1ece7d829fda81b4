using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PPRNet.Web.Shared;

/// <summary>The problems with one field, for forms that are not bound to a view-model property (a page
/// of many small forms, such as the taxonomy's): <c>&lt;span field-error-key="name"&gt;</c> shows the
/// ModelState messages under that key, and nothing at all when there are none or the key is null.</summary>
[HtmlTargetElement("span", Attributes = KeyAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string KeyAttribute = "field-error-key";

    [HtmlAttributeName(KeyAttribute)]
    public string? Key { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var messages = Key is null ? [] : ViewContext.ViewData.ModelState.MessagesFor(Key);
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.AddClass("field-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Content.SetContent(string.Join(" ", messages));
    }
}
