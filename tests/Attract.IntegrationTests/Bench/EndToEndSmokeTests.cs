using Attract.EndToEnd;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Bench;

/// <summary>
/// The end-to-end benchmark's smoke mode (bench/Attract.EndToEnd, docs/benchmarks.md "End to end"): keeps the tool
/// working. A few hundred candidates, a second a page; it asserts that every measurement was taken and every page
/// answered, never how fast anything was.
/// </summary>
public sealed class EndToEndSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_SmokeMode_MeasuresEveryRowOfTheTable()
    {
        var options = EndToEndOptions.Smoke();
        using var log = new StringWriter();

        EndToEndReport report;
        try
        {
            report = await EndToEndRun.RunAsync(options, log);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        Assert.Equal(9, report.Pages.Count);
        Assert.All(report.Pages, p =>
        {
            Assert.True(p.Requests > 0, $"{p.Page}: no request answered 200");
            Assert.True(p.Failures == 0, $"{p.Page}: {p.Failures} failed, the first: {p.FirstFailure}");
        });
        Assert.True(report.HealthPerSecond > 0);
        Assert.Equal(options.LagSamples, report.ChangeLag.Count);
        Assert.Equal(options.BurstSize, report.BurstLag.Count);
        Assert.Equal(options.ExportSamples, report.ExportToProspect.Count);
        Assert.Equal(options.ExportSamples, report.PushAnswer.Count);
        Assert.NotNull(report.Backfill);
        Assert.Equal(2, report.Memory.Count);
        Assert.All(report.Memory, m => Assert.True(m.AttractMb > 0 && m.SimulatorMb > 0, $"{m.When}: no memory figure"));
        Assert.Contains("| ratio to /health |", report.ToString(), StringComparison.Ordinal);
    }
}
