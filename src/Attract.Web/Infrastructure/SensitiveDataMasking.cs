using Serilog.Core;
using Serilog.Events;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Last line of defence for "secrets never reach a log": any structured property whose name looks like a
/// password, secret, token, code verifier or signature is replaced by <c>***</c> before a sink sees it.
/// </summary>
public sealed class SensitiveDataMasking : ILogEventEnricher
{
    private static readonly string[] SensitiveNameParts =
        ["password", "secret", "token", "verifier", "signature", "authorization", "cookie", "apikey", "api_key"];

    public static bool IsSensitive(string propertyName) =>
        SensitiveNameParts.Any(p => propertyName.Contains(p, StringComparison.OrdinalIgnoreCase));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in logEvent.Properties.Keys.Where(IsSensitive).ToList())
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue("***")));
        }
    }
}
