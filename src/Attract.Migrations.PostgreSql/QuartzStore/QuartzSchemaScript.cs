using Attract.Core.Data;

namespace Attract.Migrations.PostgreSql.QuartzStore;

/// <summary>Quartz.NET 4.7.3's PostgreSQL job store schema (<c>quartz-4.7.3-postgres.sql</c>), for the QuartzSchema migration.</summary>
public static class QuartzSchemaScript
{
    public const string ResourceName = "Attract.Migrations.PostgreSql.QuartzStore.quartz-4.7.3-postgres.sql";

    public static IReadOnlyList<string> Statements() => SqlScripts.Statements(typeof(QuartzSchemaScript).Assembly, ResourceName);

    /// <summary>Drops what <see cref="Statements"/> created, dependants first.</summary>
    public static IEnumerable<string> DropStatements() =>
        SqlScripts.CreatedTables(Statements()).Reverse().Select(table => $"DROP TABLE IF EXISTS {table};");
}
