using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>One handler of one Razor page as the app registers it: <c>OnGet</c>, <c>OnPost</c> or a named <c>OnPostX</c>.</summary>
public sealed record PageHandler(string Page, string Route, string Method, string? Name, IReadOnlyList<string> RouteParameters, IReadOnlyList<HandlerParameter> Parameters,
    IReadOnlyList<string> QueryText)
{
    public bool IsPost => Method == "POST";

    public override string ToString() => $"{Method} {Page}{(Name is null ? "" : "?handler=" + Name)}";
}

public sealed record HandlerParameter(string Name, Type Type);

/// <summary>Reads every page and handler from the running app (endpoint data source and page loader), and the forms that post to them.</summary>
public static class PageHandlers
{
    public static async Task<IReadOnlyList<PageHandler>> EnumerateAsync(AttractFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .GroupBy(x => x.Page!.ViewEnginePath)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var handlers = new List<PageHandler>();
        foreach (var page in endpoints)
        {
            // "/Jobs" and "/Jobs/Index" are one page: use the shorter route
            var (endpoint, descriptor) = page.OrderBy(x => x.Endpoint.RoutePattern.RawText!.Length).First();
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            // text the page reads from the query string on GET ([BindProperty(SupportsGet = true)] strings, e.g. a search box)
            var queryText = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .Where(p => p.ParameterType == typeof(string) && p.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true)
                .Select(p => p.BindingInfo?.BinderModelName ?? p.Name).ToList();
            var methods = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name, Parameters: h.Parameters
                    .Where(p => p.ParameterType != typeof(CancellationToken) && !routeParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                    .Select(p => new HandlerParameter(p.Name, p.ParameterType)).ToList()))
                .ToList();
            if (!methods.Any(m => m.Method == "GET"))
            {
                methods.Insert(0, ("GET", null, [])); // a page without OnGet still answers GET
            }
            handlers.AddRange(methods.Select(m => new PageHandler(page.Key, route, m.Method, m.Name, routeParameters, m.Parameters, m.Method == "GET" ? queryText : [])));
        }
        return handlers;
    }

    /// <summary>The URL of the page with its route values filled in (and <c>?handler=</c> for a named handler).</summary>
    public static string Url(PageHandler handler, Func<string, string> routeValue)
    {
        var path = handler.Route;
        foreach (var name in handler.RouteParameters)
        {
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + name + "(:[^}]*)?\\??\\}", routeValue(name));
        }
        return handler.Name is null ? path : $"{path}?handler={handler.Name}";
    }

    /// <summary>
    /// The fields a browser would post for <paramref name="handler"/>: the first form (or button with <c>formaction</c>) on
    /// <paramref name="document"/> aimed at it, with its current values; null when the page has no such form.
    /// </summary>
    public static List<KeyValuePair<string, string>>? FormFor(IHtmlDocument document, PageHandler handler, string pagePath)
    {
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var targets = new List<(string? Action, IHtmlButtonElement? Button)> { (form.GetAttribute("action"), null) };
            targets.AddRange(form.QuerySelectorAll("button[formaction]").OfType<IHtmlButtonElement>().Select(b => ((string?)b.GetAttribute("formaction"), (IHtmlButtonElement?)b)));
            targets.AddRange(document.QuerySelectorAll($"button[form='{form.Id}'][formaction]").OfType<IHtmlButtonElement>().Select(b => ((string?)b.GetAttribute("formaction"), (IHtmlButtonElement?)b)));
            foreach (var (action, button) in targets)
            {
                if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase) || !Targets(action, pagePath, handler.Name))
                {
                    continue;
                }
                var fields = new List<KeyValuePair<string, string>>();
                foreach (var element in form.Elements.Cast<IElement>().Concat(form.Id is { Length: > 0 } id ? document.QuerySelectorAll($"[form='{id}']") : Enumerable.Empty<IElement>()).Distinct())
                {
                    switch (element)
                    {
                        case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                            if (input.Type is "submit" or "button" or "image" or "reset" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
                            {
                                continue;
                            }
                            fields.Add(new(input.Name, input.Value));
                            break;
                        case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                            var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault(o => o.Value.Length > 0);
                            fields.Add(new(select.Name, option?.Value ?? ""));
                            break;
                        case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                            fields.Add(new(area.Name, area.Value));
                            break;
                    }
                }
                // a required choice left open (radio group without a checked button): take its first option, as a user would
                foreach (var group in form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().GroupBy(r => r.Name ?? ""))
                {
                    if (group.Key.Length > 0 && !group.Any(r => r.IsChecked))
                    {
                        fields.Add(new(group.Key, group.First().Value));
                    }
                }
                if (button?.Name is { Length: > 0 } buttonName)
                {
                    fields.Add(new(buttonName, button.Value));
                }
                return fields;
            }
        }
        return null;
    }

    private static bool Targets(string? action, string pagePath, string? handlerName)
    {
        var path = string.IsNullOrEmpty(action) ? pagePath : action.Split('?')[0];
        var query = string.IsNullOrEmpty(action) || !action.Contains('?') ? "" : action[(action.IndexOf('?') + 1)..];
        var handler = query.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0].Equals("handler", StringComparison.OrdinalIgnoreCase))
            .Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
        return string.Equals(path.TrimEnd('/'), pagePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            && string.Equals(handler, handlerName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Links on the page to the same page with another query (tabs), where more forms may be.</summary>
    public static IEnumerable<string> SamePageLinks(IHtmlDocument document, string pagePath) =>
        document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.Contains('?') && string.Equals(h.Split('?')[0].TrimEnd('/'), pagePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            .Distinct();
}
