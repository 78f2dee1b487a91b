using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Attract.Web.Infrastructure;

/// <summary>
/// The one way pages show a URL that came from outside Attract (a LinkedIn public profile URL from an export or a form):
/// <c>&lt;external-link href="@url" /&gt;</c> renders a link (new tab, no referrer, no opener) only when the value is an
/// absolute <c>https://</c> URL with a host; anything else (<c>http:</c>, <c>javascript:</c>, <c>data:</c>, relative or
/// malformed) is shown as plain text in a <c>span</c>. Without content, the text is the URL itself. Other attributes
/// (class, data-testid) are kept.
/// </summary>
[HtmlTargetElement("external-link", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class ExternalLinkTagHelper : TagHelper
{
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagMode = TagMode.StartTagAndEndTag;
        if (content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent(Href ?? "");
        }
        if (SafeLinks.HttpsOrNull(Href) is { } url)
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", url);
            output.Attributes.SetAttribute("rel", "noopener noreferrer nofollow");
            output.Attributes.SetAttribute("target", "_blank");
        }
        else
        {
            output.TagName = "span";
        }
    }
}

public static class SafeLinks
{
    /// <summary>The URL in canonical form when it is an absolute https URL with a host, otherwise null.</summary>
    public static string? HttpsOrNull(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;
}
