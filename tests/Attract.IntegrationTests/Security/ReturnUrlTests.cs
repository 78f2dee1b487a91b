using System.Net;
using Attract.IntegrationTests.Infrastructure;

namespace Attract.IntegrationTests.Security;

/// <summary>After sign-in, Attract only redirects within itself, whatever <c>returnUrl</c> says.</summary>
public sealed class ReturnUrlTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/Jobs")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" //evil.example")]
    public async Task SignIn_ReturnUrlLeavingTheSite_RedirectsHome(string returnUrl)
    {
        var location = await SignInAsync(returnUrl);

        Assert.Equal("/", location);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsFollowed()
    {
        var location = await SignInAsync("/Jobs?page=2");

        Assert.Equal("/Jobs?page=2", location);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    public async Task LoginForm_ReturnUrlLeavingTheSite_IsNotEchoedIntoTheForm(string returnUrl)
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        var action = page.QuerySelector("form")!.GetAttribute("action")!;

        Assert.DoesNotContain("evil", action, StringComparison.Ordinal);
    }

    private async Task<string> SignInAsync(string returnUrl)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var url = "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@contoso.test",
            ["Input.Password"] = "Passw0rd!",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
