using System.Diagnostics;
using Npgsql;

namespace Attract.Testing;

/// <summary>
/// The PostgreSQL server the tests run against. <c>scripts/test.sh</c> starts a throwaway one and passes it in
/// <see cref="EnvironmentVariable"/>; without that variable (a developer running <c>dotnet test</c> alone) the first test
/// that needs it starts one with <c>scripts/postgres-test-server.sh</c>, stopped when the test process exits. When
/// neither works, PostgreSQL tests fail with the reason: they never pass without having run.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "ATTRACT_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Resolve);

    /// <summary>The server's connection string, without a database.</summary>
    public static string ServerConnectionString => Server.Value;

    /// <summary>A new, empty database (dropped when the result is disposed).</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var name = "attract_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString()))
        {
            await connection.OpenAsync();
            // Like a production database: an ICU en-US default collation, so that only columns asking for "C" compare by bytes.
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    internal static string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var script = FindScript()
            ?? throw new InvalidOperationException($"PostgreSQL tests need a server: set {EnvironmentVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres) or run scripts/test.sh.");
        var (exitCode, output, error) = Run("bash", script, "start");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {EnvironmentVariable}, or install PostgreSQL (apt-get install postgresql) so that {script} can start one. It said: {error.Trim()}");
        }
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''), StringComparer.Ordinal);
        var folder = values["ATTRACT_TEST_POSTGRES_DIR"];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run("bash", script, "stop", folder);
        return values[EnvironmentVariable];
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "postgres-test-server.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static (int ExitCode, string Output, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

/// <summary>A database of its own for one test (or for several hosts of one test); dropped on dispose.</summary>
public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable, IDisposable
{
    private int _dropped;

    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 1)
        {
            return;
        }
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
