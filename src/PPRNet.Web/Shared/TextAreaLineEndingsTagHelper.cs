using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PPRNet.Web.Shared;

/// <summary>Browsers send a textarea's line breaks as CR LF, and MVC writes the value back with the CR
/// as <c>&amp;#xD;</c>, a character reference HTML forbids (the Nu checker reports each one). The
/// textarea shows the same text with LF alone, which the browser sends back as CR LF again.</summary>
[HtmlTargetElement("textarea")]
public sealed class TextAreaLineEndingsTagHelper : TagHelper
{
    /// <summary>After MVC's own textarea tag helper has written the value.</summary>
    public override int Order => int.MaxValue;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = output.Content.IsModified ? output.Content.GetContent() : (await output.GetChildContentAsync()).GetContent();
        if (content.Contains("&#xD;", StringComparison.Ordinal))
        {
            output.Content.SetHtmlContent(content.Replace("&#xD;", "", StringComparison.Ordinal));
        }
    }
}
