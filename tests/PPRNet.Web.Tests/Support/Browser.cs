using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PPRNet.Web.Tests.Support;

/// <summary>Drives the site the way a browser with JavaScript off does: keeps cookies, reads forms
/// from the HTML (hidden antiforgery token included) and posts them back with what the user typed.</summary>
public sealed class Browser(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads the page, fills in the form and submits it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> SubmitAsync(
        string pageUrl, string formSelector, Dictionary<string, object?> typed, string? button = null)
    {
        var (_, page) = await GetAsync(pageUrl);
        return await SubmitAsync(page, formSelector, typed, button);
    }

    /// <summary>Submits a form of a page already loaded. A typed value of null clears the field;
    /// a string array sets a multi-valued field such as a group of checkboxes.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> SubmitAsync(
        IHtmlDocument page, string formSelector, Dictionary<string, object?> typed, string? button = null, string? actionOverride = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on the page");
        var fields = ReadForm(form);
        foreach (var (name, value) in typed)
        {
            fields.RemoveAll(f => f.Key == name);
            switch (value)
            {
                case null:
                    fields.Add(new(name, ""));
                    break;
                case string[] many:
                    fields.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                default:
                    fields.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        if (button is not null)
        {
            var (name, value) = (button.Split('=')[0], button.Split('=')[1]);
            fields.Add(new(name, value));
        }

        var action = actionOverride ?? form.GetAttribute("action") ?? page.Url;
        var response = await client.PostAsync(
            new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads the page and submits its form, token and all, to another address: another
    /// spelling of the form's own, as a client may send.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> SubmitToAsync(
        string pageUrl, string formSelector, string action, Dictionary<string, object?> typed)
    {
        var (_, page) = await GetAsync(pageUrl);
        return await SubmitAsync(page, formSelector, typed, null, action);
    }

    /// <summary>Posts a form without reading it first, as a forged cross-site request would.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string url, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    /// <summary>Follows a redirect the way a browser would, with a GET.</summary>
    public Task<(HttpResponseMessage Response, IHtmlDocument Html)> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return GetAsync(redirect.Headers.Location!.OriginalString);
    }

    private static List<KeyValuePair<string, string>> ReadForm(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return await new HtmlParser().ParseDocumentAsync(text);
    }
}

public static class Should
{
    public static void ShouldBeTrue(this bool value) => Assert.True(value);

    public static string Value(this IHtmlDocument page, string selector) =>
        (page.QuerySelector(selector) as IHtmlInputElement)?.Value
        ?? (page.QuerySelector(selector) as IHtmlTextAreaElement)?.Value
        ?? throw new InvalidOperationException($"No field {selector}");
}
