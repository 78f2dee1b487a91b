using System.Globalization;

namespace Attract.EndToEnd;

// The end-to-end benchmark (docs/benchmarks.md, "End to end"). Build Release first, then:
//   dotnet bench/Attract.EndToEnd/bin/Release/net10.0/Attract.EndToEnd.dll [--candidates 100000] [--users 32] [--seconds 20]
//       [--backfill-minutes 4] [--exports 60] [--work DIR] [--out FILE.md]
//   ... --pages pipeline,prospects   (only the pages whose name contains one of these, and /health)
//   ... --pages-only   (the page loads alone; with --work on a folder already seeded, Attract skips the seeding)
//   ... --smoke   (what CI runs: 300 candidates, seconds instead of minutes; keeps the tool working, measures nothing)
// Prints one table (and writes it to --out when given).
public static class EndToEndProgram
{
    public static async Task<int> Main(string[] args)
    {
        var defaults = args.Contains("--smoke") ? EndToEndOptions.Smoke() : new EndToEndOptions();
        var options = new EndToEndOptions
        {
            Candidates = Int("--candidates") ?? defaults.Candidates,
            Users = Int("--users") ?? defaults.Users,
            PageDuration = Int("--seconds") is { } s ? TimeSpan.FromSeconds(s) : defaults.PageDuration,
            PageWarmup = defaults.PageWarmup,
            LagSamples = defaults.LagSamples,
            BurstSize = defaults.BurstSize,
            ExportSamples = Int("--exports") ?? defaults.ExportSamples,
            BackfillWindow = Int("--backfill-minutes") is { } m ? TimeSpan.FromMinutes(m) : defaults.BackfillWindow,
            WorkDirectory = Value("--work"),
            IsSmoke = defaults.IsSmoke,
            PagesOnly = args.Contains("--pages-only"),
            PageFilter = Value("--pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        var report = await EndToEndRun.RunAsync(options, Console.Out);
        if (Value("--out") is { } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }
        return report.Pages.All(p => p.Failures == 0) ? 0 : 1;

        string? Value(string flag)
        {
            var i = Array.IndexOf(args, flag);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int? Int(string flag) => Value(flag) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
    }
}
