using Attract.Web.Infrastructure;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Attract.UnitTests.Infrastructure;

public class SensitiveDataMaskingTests
{
    private sealed class Capture : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    [Fact]
    public void Enrich_SecretLikeProperties_AreMasked()
    {
        var sink = new Capture();
        using (var log = new LoggerConfiguration().Enrich.With<SensitiveDataMasking>().WriteTo.Sink(sink).CreateLogger())
        {
            log.Information("Token {AccessToken} for {ClientSecret} by {UserId} with {Password}", "AQV8-secret", "s3cr3t", "u-1", "Passw0rd!");
        }

        var e = Assert.Single(sink.Events);
        var rendered = e.RenderMessage();
        Assert.DoesNotContain("AQV8-secret", rendered);
        Assert.DoesNotContain("s3cr3t", rendered);
        Assert.DoesNotContain("Passw0rd!", rendered);
        Assert.Contains("u-1", rendered);
    }

    [Theory]
    [InlineData("ClientSecret", true)]
    [InlineData("refresh_token", true)]
    [InlineData("CodeVerifier", true)]
    [InlineData("UserId", false)]
    [InlineData("RequestPath", false)]
    public void IsSensitive_PropertyName_Classified(string name, bool expected) =>
        Assert.Equal(expected, SensitiveDataMasking.IsSensitive(name));
}
