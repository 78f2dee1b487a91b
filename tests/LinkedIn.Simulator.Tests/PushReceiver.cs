using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Attract.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LinkedIn.Simulator.Tests;

/// <summary>A tiny loopback partner: receives pushes (verifying X-LI-Signature) and serves test pages.</summary>
public sealed class PushReceiver : IAsyncDisposable
{
    public sealed record Push(string Body, string? Signature, bool SignatureValid, int AnsweredWith);

    private readonly WebApplication _app;
    public ConcurrentQueue<Push> Pushes { get; } = new();
    public ConcurrentQueue<string> Challenges { get; } = new();
    public string Secret { get; set; } = "";
    public int FailFirst { get; set; }
    public ConcurrentDictionary<string, string> Pages { get; } = new();
    public string BaseAddress { get; private set; } = "";
    private int _count;

    private PushReceiver(string url)
    {
        var b = WebApplication.CreateSlimBuilder();
        b.Logging.ClearProviders();
        b.WebHost.UseUrls(url);
        _app = b.Build();
        _app.MapPost("/callback", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            var sig = ctx.Request.Headers["X-LI-Signature"].ToString();
            var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("hmacsha256=" + body))).ToLowerInvariant();
            var n = Interlocked.Increment(ref _count);
            var code = n <= FailFirst ? 500 : 200;
            Pushes.Enqueue(new Push(body, sig, sig == expected, code));
            ctx.Response.StatusCode = code;
        });
        _app.MapGet("/callback", (string challengeCode, string? applicationId) =>
        {
            Challenges.Enqueue(applicationId ?? "");
            var response = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(challengeCode))).ToLowerInvariant();
            return Results.Json(new { challengeCode, challengeResponse = response });
        });
        _app.MapGet("/page/{name}", (string name) => Pages.TryGetValue(name, out var html) ? Results.Content(html, "text/html") : Results.NotFound());
    }

    public static async Task<PushReceiver> StartAsync(string url = "http://127.0.0.1:0")
    {
        var r = new PushReceiver(url);
        await r._app.StartAsync();
        r.BaseAddress = url.EndsWith(":0", StringComparison.Ordinal) ? SimulatorApp.GetBaseAddress(r._app) : url;
        return r;
    }

    public string CallbackUrl => BaseAddress + "/callback";

    public Task<Push> WaitForAsync(Func<Push, bool> predicate, int timeoutMs = 10_000) =>
        Eventually.ValueAsync(() => Task.FromResult(Pushes.FirstOrDefault(predicate)), "a matching push",
            TimeSpan.FromMilliseconds(timeoutMs), TimeSpan.FromMilliseconds(50));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
