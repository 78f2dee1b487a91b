using System.Collections.Concurrent;
using Attract.Testing;
using LinkedIn.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LinkedIn.ContractTests;

/// <summary>
/// The partner's CALLBACK_URL: a minimal Kestrel app on a free loopback port that stores each push's raw body bytes and
/// <c>X-LI-Signature</c> untouched, and answers the webhook challenge with <see cref="LinkedInPushVerifier"/>.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackReceiver(LinkedInPushVerifier verifier, Func<string> secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/linkedin/push", async (HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            Pushes.Enqueue(new CapturedPush(buffer.ToArray(), ctx.Request.Headers[LinkedInPushVerifier.SignatureHeader].ToString()));
            return Results.Ok();
        });
        _app.MapGet("/linkedin/push", (string challengeCode) =>
        {
            Challenges.Enqueue(challengeCode);
            var answer = verifier.CreateChallengeResponse(challengeCode, secret());
            return Results.Text(LinkedInPushVerifier.SerializeChallengeResponse(answer), "application/json");
        });
    }

    public ConcurrentQueue<CapturedPush> Pushes { get; } = new();

    public ConcurrentQueue<string> Challenges { get; } = new();

    public string CallbackUrl { get; private set; } = "";

    public static async Task<CallbackReceiver> StartAsync(LinkedInPushVerifier verifier, Func<string> secret)
    {
        var receiver = new CallbackReceiver(verifier, secret);
        await receiver._app.StartAsync();
        receiver.CallbackUrl = SimulatorApp.GetBaseAddress(receiver._app) + "/linkedin/push";
        return receiver;
    }

    /// <summary>Polls (with a timeout) for a push whose verified notification matches.</summary>
    public async Task<(CapturedPush Raw, PushNotification Notification)> WaitForAsync(
        LinkedInPushVerifier verifier,
        string clientSecret,
        Func<PushNotification, bool> match,
        TimeSpan? timeout = null)
    {
        (CapturedPush Raw, PushNotification Notification)? Find()
        {
            foreach (var push in Pushes)
            {
                var notification = verifier.VerifyAndParse(push.Body, push.Signature, clientSecret);
                if (match(notification))
                {
                    return (push, notification);
                }
            }

            return null;
        }

        var found = await Eventually.MatchAsync(() => Task.FromResult(Find()), p => p is not null,
            "a matching push at the callback URL", timeout ?? TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
        return found!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A push exactly as it arrived: raw body bytes and the signature header.</summary>
public sealed record CapturedPush(byte[] Body, string Signature);
