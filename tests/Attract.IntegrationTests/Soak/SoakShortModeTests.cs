using Attract.Soak;
using Attract.Testing;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Soak;

/// <summary>
/// The soak harness's short mode (bench/Attract.Soak, docs/reliability.md "Soak"): the standalone simulator and three
/// Attract processes on one PostgreSQL database, traffic under LinkedIn faults, one instance killed with SIGKILL and
/// restarted, then every candidate and application at LinkedIn compared with Attract. Nothing here is timed: the harness's
/// waits only bound how long it tries.
/// </summary>
public sealed class SoakShortModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_ShortModeWithFaultsAndKill_LosesAndDuplicatesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var log = new StringWriter();

        SoakReport report;
        try
        {
            report = await SoakRun.RunAsync(SoakOptions.Short(database.ConnectionString), log);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        Assert.True(report.ChangesMade > 0, "no changes were made");
        Assert.True(report.RecordsSent > 0, "no records were sent");
        Assert.True(report.InstanceKilledAndRestarted, "the killed instance was not restarted");
        Assert.True(report.RowsDoneByOthersThanTheKilledProcess > 0, "nobody took over the work from the killed instance");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.DuplicatedApplications);
        Assert.Equal(0, report.StaleOverwrites);
    }
}
