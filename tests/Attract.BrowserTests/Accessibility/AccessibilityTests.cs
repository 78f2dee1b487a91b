using System.Text;
using Attract.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attract.BrowserTests.Accessibility;

/// <summary>
/// axe-core (bundled in Deque.AxeCore.Playwright, nothing downloaded) on every page each role can reach, with the WCAG
/// 2.0/2.1 A and AA rules; a serious or critical violation fails the case, listing rule, help and the elements. One case
/// per (role, page) so a failure names both; the pages are listed in <see cref="AccessibilityPages"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AccessibilityApp app) : IClassFixture<AccessibilityApp>
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly HashSet<string> FailingImpacts = ["serious", "critical"];

    public static IEnumerable<object[]> Cases => AccessibilityPages.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Page_AsRole_HasNoSeriousOrCriticalWcagViolations(string role, string page) =>
        browser.RunAsync($"axe-{role}-{string.Concat(page.Where(char.IsLetterOrDigit))}", async tab =>
        {
            var visit = AccessibilityPages.Find(page);
            if (role != AccessibilityPages.Anonymous)
            {
                await tab.Context.AddCookiesAsync(await app.CookiesAsync(browser.Browser, role));
            }
            var url = visit.Url(app.Ids);
            var response = await tab.GotoAsync(app.App.BaseUrl + url);
            Assert.True(response!.Status == visit.Status, $"{url} answered {response.Status} to {role}, expected {visit.Status}");
            Assert.Equal(url.Split('?')[0], new Uri(tab.Url).AbsolutePath);
            await tab.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var result = await tab.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            var failures = result.Violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
            Assert.True(failures.Count == 0, Describe(url, role, failures));
        });

    private static string Describe(string url, string role, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found serious or critical WCAG 2.1 AA violations on {url} as {role}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine().Append($"    {node.Target} {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Distinct())}");
            }
            if (violation.Nodes.Length > 5)
            {
                text.AppendLine().Append($"    … and {violation.Nodes.Length - 5} more");
            }
        }
        return text.ToString();
    }
}
