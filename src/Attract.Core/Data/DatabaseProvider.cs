namespace Attract.Core.Data;

/// <summary>The database engines Attract runs on (<c>Database:Provider</c>, ADR 0001).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file in <c>Database:DataDirectory</c>, one instance.</summary>
    Sqlite,

    /// <summary>A server database for production, shared by several instances.</summary>
    SqlServer,

    /// <summary>A server database for production, shared by several instances; the one the tests run against.</summary>
    PostgreSql,
}
