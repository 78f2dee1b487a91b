using Attract.Web.Integrations.LinkedIn;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy that allows
/// only Attract's own files, inline scripts carrying the request's nonce (<c>asp-add-nonce</c>), and LinkedIn's platform
/// origin for the JS SDK and its widget frames; plus nosniff, a referrer policy, no framing and no server banner.
/// </summary>
public static class SecurityHeadersSetup
{
    /// <summary>
    /// Builds the policy once the LinkedIn origins are known (the in-process simulator has started by then) and adds the
    /// middleware. Call it before anything that writes a response, and after the exception handler (which clears headers).
    /// </summary>
    public static IApplicationBuilder UseAttractSecurityHeaders(this WebApplication app)
    {
        var policy = BuildPolicy(app.Configuration, app.Services.GetRequiredService<LinkedInSimulatorEndpoint>().BaseUrl);
        return app.UseSecurityHeaders(policy);
    }

    /// <summary>The LinkedIn origins the pages load from: the simulator's when it runs, else <c>LinkedIn:Recruiter:*BaseUrl</c>.</summary>
    public static (string? Platform, string? OAuth) LinkedInOrigins(IConfiguration config, string? simulatorBaseUrl) =>
        (Origin(simulatorBaseUrl ?? config["LinkedIn:Recruiter:PlatformBaseUrl"]), Origin(simulatorBaseUrl ?? config["LinkedIn:Recruiter:OAuthBaseUrl"]));

    public static HeaderPolicyCollection BuildPolicy(IConfiguration config, string? simulatorBaseUrl)
    {
        var (platform, oauth) = LinkedInOrigins(config, simulatorBaseUrl);
        var scriptOrigins = Origins(platform).Concat(Extra(config, "Security:ContentSecurityPolicy:ScriptSources")).Distinct().ToArray();
        var frameOrigins = Origins(platform, oauth).Concat(Extra(config, "Security:ContentSecurityPolicy:FrameSources")).Distinct().ToArray();
        // A form post may be answered with a redirect to LinkedIn's or Entra's sign-in; form-action covers redirects too.
        var formOrigins = Origins(oauth, AuthSetup.IsEntraConfigured(config) ? Origin(config["AzureAd:Instance"]) : null).ToArray();
        return new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().None();
                b.AddMicrophone().None();
                b.AddGeolocation().None();
                b.AddPayment().None();
                b.AddUsb().None();
            })
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce().From(scriptOrigins);
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFrameSrc().From(frameOrigins);
                csp.AddFormAction().Self().From(formOrigins);
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            });
    }

    private static IEnumerable<string> Origins(params string?[] origins) => origins.OfType<string>();

    private static IEnumerable<string> Extra(IConfiguration config, string key) =>
        config.GetSection(key).Get<string[]>()?.Select(Origin).OfType<string>() ?? [];

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;
}

/// <summary>Adds the request's CSP nonce to an inline script: <c>&lt;script asp-add-nonce&gt;</c>.</summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
public sealed class NonceTagHelper : TagHelper
{
    private const string AttributeName = "asp-add-nonce";

    [HtmlAttributeName(AttributeName)]
    public bool AddNonce { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (AddNonce && ViewContext.HttpContext.GetNonce() is { Length: > 0 } nonce)
        {
            output.Attributes.SetAttribute("nonce", nonce);
        }
    }
}
