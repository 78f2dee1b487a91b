using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>Reads pages and posts their forms the way a browser would, antiforgery token included.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static string AntiforgeryToken(this IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>GETs <paramref name="url"/>, then POSTs <paramref name="fields"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(url);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = page.AntiforgeryToken() };
        return await client.PostAsync(postUrl ?? url, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpClient> SignedInClientAsync(this AttractFactory factory, string email, string password = "Passw0rd!")
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
