using Attract.Core.Data;

namespace Attract.Migrations.SqlServer.QuartzStore;

/// <summary>Quartz.NET 4.7.3's SQL Server job store schema (<c>quartz-4.7.3-sqlserver.sql</c>), for the QuartzSchema migration.</summary>
public static class QuartzSchemaScript
{
    public const string ResourceName = "Attract.Migrations.SqlServer.QuartzStore.quartz-4.7.3-sqlserver.sql";

    /// <summary>
    /// Each statement wrapped in <c>EXEC(N'…')</c>: the idempotent script puts every migration statement inside an
    /// <c>IF NOT EXISTS (…history…) BEGIN … END</c> block, and a wrapped statement is compiled only when it runs, so an
    /// index on a table created earlier in the same script never fails to compile.
    /// </summary>
    public static IReadOnlyList<string> Statements() =>
        SqlScripts.Statements(typeof(QuartzSchemaScript).Assembly, ResourceName).Select(Exec).ToList();

    /// <summary>Drops what <see cref="Statements"/> created, dependants first.</summary>
    public static IEnumerable<string> DropStatements() =>
        SqlScripts.CreatedTables(SqlScripts.Statements(typeof(QuartzSchemaScript).Assembly, ResourceName)).Reverse()
            .Select(table => Exec($"DROP TABLE IF EXISTS {table};"));

    private static string Exec(string statement) => $"EXEC(N'{statement.Replace("'", "''", StringComparison.Ordinal)}');";
}
