using System.Reflection;
using System.Text.RegularExpressions;

namespace Attract.Core.Data;

/// <summary>
/// Raw SQL scripts that migrations ship as embedded resources (the Quartz job store schema), split into the statements a
/// migration runs one by one.
/// </summary>
public static partial class SqlScripts
{
    /// <summary>The line that separates two statements in a script (Quartz.NET's own convention).</summary>
    public const string Separator = "--;;";

    /// <summary>
    /// The statements of <paramref name="resourceName"/> in <paramref name="assembly"/>, split at lines reading exactly
    /// <see cref="Separator"/>; pieces holding nothing but comments are left out.
    /// </summary>
    public static IReadOnlyList<string> Statements(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource {resourceName}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        return text.Split('\n' + Separator + '\n')
            .Select(s => s.Trim('\n'))
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>The tables the statements create, in the order they are created.</summary>
    public static IReadOnlyList<string> CreatedTables(IEnumerable<string> statements) =>
        statements.Select(s => CreateTable().Match(s)).Where(m => m.Success).Select(m => m.Groups["table"].Value).ToList();

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(?<table>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
