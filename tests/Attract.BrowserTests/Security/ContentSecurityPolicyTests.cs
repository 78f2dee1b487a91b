using Attract.BrowserTests.Infrastructure;
using Attract.BrowserTests.LinkedIn.Tab;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Security;

/// <summary>
/// The Content-Security-Policy in a real browser: LinkedIn's widgets (script from the platform origin, frames, postMessage
/// callbacks into nonce'd inline scripts) and Attract's own pages run without a violation, and an injected script is blocked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task LinkedInFlows_RunWithoutCspViolations() =>
        browser.RunAsync("csp-linkedin", async (page, violations) =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
            var members = await _app.MembersAsync();
            var member = members[34]!;
            var first = member["firstName"]!.ToString();
            var last = member["lastName"]!.ToString();
            var candidateId = await _app.CreateCandidateAsync(first, last, member["email"]!.ToString());
            await _app.SyncCandidateAsync(candidateId, first, last, member["email"]!.ToString());

            await page.SignInToLinkedInAsync(_app, "recruiter@linkedin.test");
            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn");
            await Expect(page.FrameLocator("[data-testid=linkedin-widget] iframe").Locator("body")).ToBeVisibleAsync();
            await page.GotoAsync($"{_app.BaseUrl}/Candidates/Details/{candidateId}?tab=linkedin");
            var widget = page.FrameLocator("iframe.IN-HcmWidget");
            await Expect(widget.Locator("#matched-name")).ToHaveTextAsync($"{first} {last}");
            await widget.Locator("#link").ClickAsync();
            await Expect(page.GetByTestId("link-status")).ToHaveTextAsync($"Linked to {member["urn"]}.");
            foreach (var path in new[] { "/", "/Jobs", "/Candidates", "/Prospects", "/Admin", "/Admin/LinkedIn/Sync", "/Settings/Password" })
            {
                await page.GotoAsync(_app.BaseUrl + path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            Assert.Empty(violations.Seen);
        }, allowCspViolations: false);

    [Fact]
    public Task InjectedInlineScript_IsBlockedAndReported() =>
        browser.RunAsync("csp-injected-script", async (page, violations) =>
        {
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Jobs");

            var reported = await page.RunAndWaitForConsoleMessageAsync(
                () => page.EvaluateAsync("""
                    () => { const s = document.createElement('script'); s.textContent = 'window.__injected = true;'; document.body.appendChild(s); }
                    """),
                new() { Predicate = m => m.Text.StartsWith(CspViolations.Prefix, StringComparison.Ordinal) });
            var ran = await page.EvaluateAsync<bool>("() => window.__injected === true");

            Assert.False(ran);
            Assert.Contains("script-src", reported.Text, StringComparison.Ordinal);
            Assert.Contains(violations.Seen, v => v.StartsWith(CspViolations.Prefix, StringComparison.Ordinal));
        }, allowCspViolations: true);
}
