using AngleSharp.Html.Parser;
using PPRNet.Web.Summaries;

namespace PPRNet.Web.Tests.Summaries;

/// <summary>The sanitizer is the second wall behind Markdig, which escapes all text and writes no raw
/// HTML. A document of Markdig's own markup only is stored as Markdig writes it; anything that can
/// carry an address, a class or markup of the author's still goes through the sanitizer.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("Plain text with \"quotes\", an ampersand & a <tag> written as text.")]
    [InlineData("*Emphasis*, **strong**, ~~struck~~, H~2~O, x^2^, ++inserted++ and ==marked== words.")]
    [InlineData("## A heading\n\n> A quote\n> on two lines\n\n---\n\nA hard  \nbreak and `<script>alert(1)</script>` as code.")]
    [InlineData("3. third\n4. fourth\n\n- a\n- b\n  - nested\n\nThen\n\n    indented code <b onclick=\"x()\">bold</b>")]
    [InlineData("Entities &amp; &copy; &#60;b&#62; and a non-breaking\u00a0space.")]
    public void Markdown_of_Markdigs_own_markup_is_stored_with_nothing_the_sanitizer_would_remove(string markdown)
    {
        var stored = renderer.ToHtml(markdown);

        Assert.Equal(Dom(MarkdownRenderer.NewSanitizer().Sanitize(stored)), Dom(stored));
    }

    [Fact]
    public void Plain_Markdown_is_stored_as_Markdig_writes_it_without_a_second_parse()
    {
        // Markdig escapes a quotation mark in text; the sanitizer's serializer writes it back bare.
        Assert.Equal("<p>A &quot;quoted&quot; word.</p>\n", renderer.ToHtml("A \"quoted\" word."));
    }

    [Theory]
    [InlineData("A [link](javascript:alert(1)) in text.", "javascript:")]
    [InlineData("An ![image](javascript:alert(1)) in text.", "javascript:")]
    [InlineData("```js\nvar x = 1;\n```", "language-js")]
    public void Anything_that_can_carry_the_authors_address_or_class_goes_through_the_sanitizer(string markdown, string removed)
    {
        Assert.DoesNotContain(removed, renderer.ToHtml(markdown), StringComparison.Ordinal);
    }

    private static string Dom(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.InnerHtml;
}
