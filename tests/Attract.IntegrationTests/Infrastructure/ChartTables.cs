using System.Text.Json;
using AngleSharp.Dom;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>Reads a chart rendered by <c>Pages/Shared/_Chart.cshtml</c>: its table (the text alternative) and the data charts.js draws.</summary>
public static class ChartTables
{
    /// <summary>The table's rows: the category, then one cell per series, as shown.</summary>
    public static IReadOnlyList<string[]> ChartRows(this IDocument page, string chartId)
    {
        var figure = page.QuerySelector($"figure[data-testid=chart-{chartId}]") ?? throw new Xunit.Sdk.XunitException($"No chart '{chartId}' on the page.");
        return [.. figure.QuerySelectorAll("[data-testid=chart-table] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];
    }

    /// <summary>The canvas's data-chart attribute: the labels and, per plotted series, its values.</summary>
    public static (string[] Labels, IReadOnlyList<(string Label, double?[] Data)> Datasets) ChartData(this IDocument page, string chartId)
    {
        var canvas = page.QuerySelector($"figure[data-testid=chart-{chartId}] canvas[data-chart]") ?? throw new Xunit.Sdk.XunitException($"No canvas for chart '{chartId}'.");
        using var json = JsonDocument.Parse(canvas.GetAttribute("data-chart")!);
        var labels = json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var datasets = json.RootElement.GetProperty("datasets").EnumerateArray()
            .Select(d => (d.GetProperty("label").GetString()!, d.GetProperty("data").EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray()))
            .ToList();
        return (labels, datasets);
    }
}
