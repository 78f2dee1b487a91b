using System.Text.RegularExpressions;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;

namespace Attract.IntegrationTests.Security;

/// <summary>A LinkedIn profile URL (from an export, a stub or a form) is a link only when it is https; otherwise plain text.</summary>
public sealed partial class ExternalLinkTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("https://www.linkedin.com/in/ada-secure", "https://www.linkedin.com/in/ada-secure")]
    [InlineData("HTTPS://www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada")]
    [InlineData("http://www.linkedin.com/in/ada-plain", null)]
    [InlineData("javascript:alert(1)//linkedin.com/in/x", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("//evil.example/linkedin.com/in/x", null)]
    [InlineData("/in/relative", null)]
    [InlineData("ftp://linkedin.com/in/x", null)]
    [InlineData("", null)]
    public void HttpsOrNull_Url_OnlyAbsoluteHttpsWithAHost(string url, string? expected) => Assert.Equal(expected, SafeLinks.HttpsOrNull(url));

    [Theory]
    [InlineData("https://www.linkedin.com/in/ada-secure", true)]
    [InlineData("http://www.linkedin.com/in/ada-plain", false)]
    [InlineData("javascript:alert(1)//www.linkedin.com/in/x", false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=//linkedin.com/in/y", false)]
    public async Task CandidatePages_ProfileUrl_LinkOnlyWhenHttps(string url, bool link)
    {
        var candidate = await _factory.CreateCandidateAsync("Ada", "Linkcheck", linkedIn: url);
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var overview = await client.GetDocumentAsync($"/Candidates/Details/{candidate}");
        var tab = await client.GetDocumentAsync($"/Candidates/Details/{candidate}?tab=linkedin");

        foreach (var element in new[] { overview.QuerySelector("[data-testid=linkedin-profile-url]")!, tab.QuerySelector("[data-testid=linkedin-tab-profile-url]")! })
        {
            Assert.Equal(url, element.TextContent);
            Assert.Equal(link ? "A" : "SPAN", element.TagName);
            if (link)
            {
                Assert.Equal(url, element.GetAttribute("href"));
                Assert.Contains("noopener", element.GetAttribute("rel"));
                Assert.Equal("_blank", element.GetAttribute("target"));
            }
        }
        Assert.DoesNotContain(overview.QuerySelectorAll("a[href]"), a => !a.GetAttribute("href")!.StartsWith('/') && !a.GetAttribute("href")!.StartsWith("https://", StringComparison.Ordinal)
            && !a.GetAttribute("href")!.StartsWith('#'));
    }

    /// <summary>Every view that renders a LinkedIn profile URL goes through &lt;external-link&gt;: none puts one straight into an href.</summary>
    [Fact]
    public void Views_NoProfileUrlInARawHref()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "Attract.Web", "Pages");
        var offenders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => RawHref().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "Render these with <external-link href=\"…\" />: " + string.Join(", ", offenders));
        Assert.Contains(Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("<external-link href=\"@c.LinkedInProfileUrl\"", StringComparison.Ordinal));
    }

    /// <summary>An href bound to a value named like a profile or public URL (RecruiterProfileUrl is Attract's own, built from an escaped URN).</summary>
    [GeneratedRegex(@"<a\b[^>]*href=""@[^""]*(?<!Recruiter)(ProfileUrl|PublicProfileUrl|LinkedInUrl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawHref();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attract.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Attract.sln not found above " + AppContext.BaseDirectory);
    }
}
