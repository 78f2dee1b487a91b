using System.Globalization;
using Npgsql;

namespace Attract.Soak;

// The soak harness (docs/reliability.md, "Soak"). Needs a PostgreSQL server; creates and drops a database of its own.
//   dotnet run -c Release --project bench/Attract.Soak -- --short --postgres "Host=127.0.0.1;Port=5432;Username=postgres"
//   dotnet run -c Release --project bench/Attract.Soak -- --long [--candidates 100000] [--minutes 10] --postgres "…"
// Without --postgres it uses ATTRACT_TEST_POSTGRES (what scripts/postgres-test-server.sh start prints).
// Exit code 0 when nothing was lost, duplicated or overwritten by an older version; 1 otherwise.
public static class SoakProgram
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Contains("--long") ? "long" : "short";
        var server = Value("--postgres") ?? Environment.GetEnvironmentVariable("ATTRACT_TEST_POSTGRES")
            ?? throw new ArgumentException("Give --postgres <connection string> or set ATTRACT_TEST_POSTGRES (eval \"$(scripts/postgres-test-server.sh start)\").");
        var name = "attract_soak_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync($"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var defaults = mode == "long" ? SoakOptions.Long(connection) : SoakOptions.Short(connection);
            var options = new SoakOptions
            {
                PostgresConnectionString = connection,
                Candidates = Value("--candidates") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : defaults.Candidates,
                TrafficDuration = Value("--minutes") is { } m ? TimeSpan.FromMinutes(double.Parse(m, CultureInfo.InvariantCulture)) : defaults.TrafficDuration,
                Writers = defaults.Writers,
                WriterPause = defaults.WriterPause,
                LiftRateLimits = defaults.LiftRateLimits,
                BackoffMax = defaults.BackoffMax,
                DrainTimeout = defaults.DrainTimeout,
                WorkDirectory = Value("--work"),
            };
            Console.WriteLine($"soak ({mode}): {options.Candidates:N0} demo candidates, {options.TrafficDuration.TotalMinutes:0.#} min of traffic, database {name}");
            var report = await SoakRun.RunAsync(options, Console.Out);
            return report.Lost == 0 && report.DuplicatedApplications == 0 && report.StaleOverwrites == 0 ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        string? Value(string flag)
        {
            var i = Array.IndexOf(args, flag);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        async Task ExecuteAsync(string sql)
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
