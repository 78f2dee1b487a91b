using Attract.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attract.IntegrationTests.Logging;

public sealed class LoggingPipelineTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Every log goes through Serilog and its masking enricher: no default provider writes around it.</summary>
    [Fact]
    public void Host_LoggerProviders_OnlySerilog()
    {
        _factory.CreateClient().Dispose();

        var providers = _factory.Services.GetServices<ILoggerProvider>().Select(p => p.GetType().FullName!).ToList();

        Assert.DoesNotContain(providers, p => p.StartsWith("Microsoft.Extensions.Logging.Console", StringComparison.Ordinal));
        Assert.DoesNotContain(providers, p => p.StartsWith("Microsoft.Extensions.Logging.Debug", StringComparison.Ordinal));
        Assert.DoesNotContain(providers, p => p.StartsWith("Microsoft.Extensions.Logging.EventSource", StringComparison.Ordinal));
    }
}
