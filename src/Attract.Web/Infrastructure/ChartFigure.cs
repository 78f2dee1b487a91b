using System.Globalization;
using System.Text.Json;

namespace Attract.Web.Infrastructure;

public enum ChartKind
{
    Bar,
    HorizontalBar,
    Line,
}

/// <summary>
/// One series of a <see cref="ChartFigure"/>: a value per category (null: no value, shown as "–"). A series that is not
/// <see cref="Plotted"/> is a column of the table only (for example a rate beside a count), and a line in the chart's tooltip.
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values, string Format = "0", bool Plotted = true)
{
    public string Text(int index) => Values[index]?.ToString(Format, CultureInfo.InvariantCulture) ?? "–";
}

/// <summary>
/// A chart and its text alternative, rendered by <c>Pages/Shared/_Chart.cshtml</c>: a <c>&lt;figure&gt;</c> with a canvas that
/// <c>wwwroot/js/charts.js</c> draws with the vendored Chart.js from <see cref="Json"/> (a <c>data-chart</c> attribute, as the
/// Content-Security-Policy allows no inline script), a caption, and a table with the same figures.
/// </summary>
public sealed record ChartFigure(string Id, ChartKind Kind, string Caption, string CategoryHeader, IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A low chart (a few bars), half the usual height.</summary>
    public bool Compact { get; init; }

    /// <summary>What charts.js reads: the categories, the plotted series, and per category the table-only series as text for the tooltip.</summary>
    public string Json => JsonSerializer.Serialize(new
    {
        kind = Kind.ToString(),
        labels = Categories,
        datasets = Series.Where(s => s.Plotted).Select(s => new { label = s.Label, data = s.Values }),
        notes = Categories.Select((_, i) => Series.Where(s => !s.Plotted).Select(s => $"{s.Label}: {s.Text(i)}").ToArray()),
    }, JsonOptions);
}
