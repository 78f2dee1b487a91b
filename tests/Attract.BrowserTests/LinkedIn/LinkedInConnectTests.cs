using System.Net.Http.Json;
using Attract.BrowserTests.Infrastructure;
using Attract.Testing;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.LinkedIn;

/// <summary>
/// Attract (Kestrel on 127.0.0.1) with the LinkedIn simulator in-process (also on 127.0.0.1, so cookies are same-site),
/// driving both Attract's and LinkedIn's screens. Screenshots feed docs/linkedin/walkthrough.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkedInConnectTests : IDisposable
{
    private readonly BrowserFixture _browser;
    private readonly KestrelAttractFactory _app = new();
    private readonly HttpClient _http = new();

    public LinkedInConnectTests(BrowserFixture browser)
    {
        _browser = browser;
        _app.Settings["LinkedIn:Simulator:Enabled"] = "true";
        _app.Settings["LinkedIn:Simulator:Urls"] = "http://127.0.0.1:0";
        _app.Settings["LinkedIn:Simulator:NotifyPartnerDelay"] = "00:00:02";
    }

    private string Attract => _app.BaseUrl;

    private string LinkedIn => _app.Services.GetRequiredService<LinkedInAvailability>().Simulator.BaseUrl!;

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    [Fact]
    public Task Admin_ConnectsContract_RequestsRsc_LinkedInAdminEnables_ShowsEnabled() =>
        _browser.RunAsync("walkthrough", async page =>
        {
            // 1. Admin settings → LinkedIn Integration tab
            await page.SignInAsync(Attract, "admin@contoso.test");
            await page.GotoAsync(Attract + "/Admin");
            await page.GetByTestId("linkedin-tab").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "LinkedIn Recruiter integration" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("contract")).ToHaveTextAsync("Not connected");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-01-connect");

            // 2. LinkedIn sign-in, contract picker (two admin seats), consent
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect LinkedIn Recruiter" }).ClickAsync();
            await page.Locator("#email").FillAsync("admin@linkedin.test");
            await page.Locator("#password").FillAsync("Passw0rd!");
            await page.Locator("#sign-in").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a contract" })).ToBeVisibleAsync();
            await page.Locator("#contract-7001").CheckAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-02-linkedin-contract-picker");
            await page.Locator("#continue").ClickAsync();
            await Expect(page.Locator("#allow")).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-03-linkedin-consent");
            await page.Locator("#allow").ClickAsync();

            // 3. Back in Attract: contract stored, child application provisioned
            await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Connected contract \"Contoso – Global\"");
            await Expect(page.GetByTestId("contract")).ToContainTextAsync("urn:li:contract:7001");
            await Expect(page.GetByTestId("child-app")).ToContainTextAsync("urn:li:developerApplication:");
            var widget = page.FrameLocator("[data-testid=linkedin-widget] iframe");
            await Expect(widget.Locator("#state-company")).ToHaveTextAsync("Request");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-04-provisioned-widget");

            // 4. Request while LinkedIn's API fails: Attract shows the reason, LinkedIn later offers "Notify partner"
            await SimPostAsync("/_sim/faults", new { errorRate = 1.0 });
            await widget.Locator("#request-company").ClickAsync();
            await Expect(page.GetByTestId("integrate-result")).ToContainTextAsync("Error: Naming the requested integrations failed");
            await SimDeleteAsync("/_sim/faults");
            await SimPostAsync("/_sim/clock", new { advanceSeconds = 5 });
            await page.ReloadAsync();
            await Expect(page.GetByTestId("last-error")).ToContainTextAsync("500");
            await Expect(widget.Locator("#state-company")).ToHaveTextAsync("Notify partner");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-05-notify-partner");

            // 5. Notify partner re-sends the request; Attract names the integrations → Partner ready
            await widget.Locator("#notify-company").ClickAsync();
            await Expect(page.GetByTestId("integrate-result")).ToContainTextAsync("Partner ready");
            await page.ReloadAsync();
            await widget.Locator("#request-contract-7001").ClickAsync();
            await Expect(page.GetByTestId("integrate-result")).ToContainTextAsync("CSA_API");
            await page.ReloadAsync();
            await Expect(widget.Locator("#state-company")).ToHaveTextAsync("Partner ready");
            await Expect(widget.Locator("#state-contract-7001")).ToHaveTextAsync("Partner ready");
            await Expect(page.GetByTestId("capabilities-none")).ToBeVisibleAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-06-partner-ready");

            // 6. The LinkedIn Recruiter admin turns on Company-level and Contract-level access
            var linkedIn = await page.Context.NewPageAsync();
            await linkedIn.GotoAsync(LinkedIn + "/recruiter/admin/ats");
            await linkedIn.Locator("button[id^='toggle-company-']").ClickAsync();
            await Expect(linkedIn.Locator("td[id^='state-company-']")).ToHaveTextAsync("Enabled");
            await linkedIn.Locator("button[id^='toggle-contract-7001-']").ClickAsync();
            await Expect(linkedIn.Locator("td[id^='state-contract-7001-']")).ToHaveTextAsync("Enabled");
            await BrowserFixture.SaveScreenshotAsync(linkedIn, "walkthrough-07-linkedin-admin-ats");
            await linkedIn.CloseAsync();

            // 7. The signed status pushes reach Attract: Enabled, access level and capabilities
            await ReloadUntilAsync(page, page.GetByTestId("access-level"), "Contract-level access");
            await Expect(widget.Locator("#state-company")).ToHaveTextAsync("Enabled");
            await Expect(page.GetByTestId("capabilities")).ToContainTextAsync("1-Click Export");
            await Expect(page.GetByTestId("capabilities")).ToContainTextAsync("InMail history");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-08-enabled");
        });

    [Fact]
    public Task User_OpensUserSettingsFromTheUserMenu_ConnectsLinkedInAccount_MapsSeat() =>
        _browser.RunAsync("user-seat", async page =>
        {
            await ConnectCompanyAsync();

            await page.SignInAsync(Attract, "recruiter@contoso.test");
            await page.GetByTestId("user-menu").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "User settings" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "User settings" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("settings-profile")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("company-connection")).ToContainTextAsync("Contoso – Global");
            await Expect(page.GetByTestId("seat")).ToContainTextAsync("Connect your LinkedIn account");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-09-user-settings");

            await page.GetByRole(AriaRole.Button, new() { Name = "Connect my LinkedIn account" }).ClickAsync();
            await page.Locator("#email").FillAsync("recruiter@linkedin.test");
            await page.Locator("#password").FillAsync("Passw0rd!");
            await page.Locator("#sign-in").ClickAsync();
            await page.Locator("#allow").ClickAsync();

            await Expect(page.GetByTestId("status-message")).ToContainTextAsync("mapped your Recruiter seat urn:li:seat:9002");
            await Expect(page.GetByTestId("linkedin-account")).ToContainTextAsync("Riley Recruiter");
            await Expect(page.GetByTestId("seat")).ToHaveTextAsync("urn:li:seat:9002");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-10-user-seat");
        });

    /// <summary>The admin's connection without the UI: the chosen contract and a real provisioning call to the simulator.</summary>
    private async Task ConnectCompanyAsync()
    {
        using var scope = _app.Services.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
        var connection = await connector.GetConnectionAsync();
        await connector.ConnectContractAsync(connection, "urn:li:contract:7001", "Contoso – Global", "urn:li:organization:1001", Attract, CancellationToken.None);
    }

    private async Task SimPostAsync(string path, object body) =>
        (await _http.PostAsJsonAsync(LinkedIn + path, body)).EnsureSuccessStatusCode();

    private async Task SimDeleteAsync(string path) => (await _http.DeleteAsync(LinkedIn + path)).EnsureSuccessStatusCode();

    /// <summary>LinkedIn's push arrives asynchronously: reload until the page shows it (bounded).</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string text)
    {
        await Eventually.TrueAsync(async () =>
        {
            if ((await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            await page.ReloadAsync();
            return false;
        }, $"the page to show \"{text}\"", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));
        await Expect(locator).ToContainTextAsync(text);
    }
}
