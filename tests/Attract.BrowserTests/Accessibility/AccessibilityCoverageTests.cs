namespace Attract.BrowserTests.Accessibility;

/// <summary>Every Razor page (a .cshtml starting with @page) is opened by <see cref="AccessibilityTests"/>, or listed as not HTML.</summary>
public sealed class AccessibilityCoverageTests
{
    [Fact]
    public void RazorPages_EachVisitedOrExcluded_NoneMissing()
    {
        var pages = RazorPages();
        Assert.Contains("/Jobs/Details", pages);
        var visited = AccessibilityPages.Visits.Select(v => v.Page).ToHashSet(StringComparer.Ordinal);
        var excluded = AccessibilityPages.NotHtmlPages.Keys.ToHashSet(StringComparer.Ordinal);

        var missing = pages.Except(visited).Except(excluded).ToList();
        Assert.True(missing.Count == 0, "Pages without an axe visit (add them to AccessibilityPages.Visits): " + string.Join(", ", missing));
        var unknown = visited.Union(excluded).Except(pages).ToList();
        Assert.True(unknown.Count == 0, "Listed pages that do not exist: " + string.Join(", ", unknown));
        Assert.Empty(visited.Intersect(excluded));
    }

    /// <summary>"/Jobs/Details" for src/Attract.Web/Pages/Jobs/Details.cshtml, for each file whose first line is an @page directive.</summary>
    private static HashSet<string> RazorPages()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attract.sln")))
        {
            dir = dir.Parent;
        }
        var root = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Attract.sln not found above " + AppContext.BaseDirectory), "src", "Attract.Web", "Pages");
        return Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).FirstOrDefault()?.TrimStart('\uFEFF').StartsWith("@page", StringComparison.Ordinal) == true)
            .Select(f => "/" + Path.ChangeExtension(Path.GetRelativePath(root, f), null).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
