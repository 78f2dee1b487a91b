using System.Text;
using Attract.Core.Identity;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>Helpers shared by the security tests: a signed-in user without a role, and raw reads of the SQLite file.</summary>
public static class SecurityTestData
{
    public const string NoRole = "no.role@contoso.test";

    /// <summary>Long and uncommon, so it passes whatever password policy the app enforces.</summary>
    public const string NoRolePassword = "Umbrella-Lantern-Quartz-4817";

    /// <summary>Creates (once) an active local account that has no Attract role.</summary>
    public static async Task CreateNoRoleUserAsync(this AttractFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttractUser>>();
        if (await users.FindByEmailAsync(NoRole) is not null)
        {
            return;
        }
        var result = await users.CreateAsync(new AttractUser { UserName = NoRole, Email = NoRole, EmailConfirmed = true, DisplayName = "Nora Norole" }, NoRolePassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A signed-in client for a demo account, or for the role-less account.</summary>
    public static async Task<HttpClient> ClientForAsync(this AttractFactory factory, string email)
    {
        if (email == NoRole)
        {
            await factory.CreateNoRoleUserAsync();
            return await factory.SignedInClientAsync(NoRole, NoRolePassword);
        }
        return await factory.SignedInClientAsync(email);
    }

    public static SqliteConnection OpenDatabase(this AttractFactory factory)
    {
        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Every table of the database file (from <c>sqlite_master</c>), with its columns.</summary>
    public static IReadOnlyList<(string Table, IReadOnlyList<string> Columns)> Tables(SqliteConnection connection)
    {
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        return tables.Select(t =>
        {
            var columns = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{t.Replace("'", "''")}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
            return (t, (IReadOnlyList<string>)columns);
        }).ToList();
    }

    /// <summary>
    /// The whole content of the database as text (every row of every table, in key order), except the tables named in
    /// <paramref name="except"/>: equal before and after a request means the request changed nothing.
    /// </summary>
    public static string Snapshot(this AttractFactory factory, params string[] except)
    {
        using var connection = factory.OpenDatabase();
        var text = new StringBuilder();
        foreach (var (table, columns) in Tables(connection).Where(t => !except.Contains(t.Table)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns.Count))}";
            using var reader = command.ExecuteReader();
            text.Append('#').Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>True when any column of any table holds <paramref name="text"/> (case-sensitive).</summary>
    public static bool ContainsText(this AttractFactory factory, string text)
    {
        using var connection = factory.OpenDatabase();
        foreach (var (table, columns) in Tables(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT 1 FROM \"{table}\" WHERE {string.Join(" OR ", columns.Select(c => $"instr(CAST(\"{c}\" AS TEXT), $t) > 0"))} LIMIT 1";
            command.Parameters.AddWithValue("$t", text);
            if (command.ExecuteScalar() is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The lines that differ between two snapshots (for failure messages).</summary>
    public static string Diff(string before, string after)
    {
        var a = before.Split('\n').ToHashSet();
        var b = after.Split('\n').ToHashSet();
        return string.Join("\n", b.Except(a).Select(l => "+ " + l).Concat(a.Except(b).Select(l => "- " + l)).Take(20));
    }
}
