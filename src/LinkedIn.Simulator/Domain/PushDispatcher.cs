using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Domain;

/// <summary>Delivers signed pushes to the partner's CALLBACK_URL, retrying non-2xx answers with exponential backoff.</summary>
internal sealed class PushDispatcher(Simulation simulation, ILogger<PushDispatcher> logger) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();

    public void Enqueue(string pushId) => _ = Task.Run(() => DeliverAsync(pushId, _stop.Token));

    /// <summary>LinkedIn webhook validation: GET {url}?challengeCode=…&amp;applicationId=… expecting {challengeCode, challengeResponse = hex HMAC-SHA256(secret, challengeCode)}.</summary>
    public async Task<JsonObject> ChallengeAsync(AppRec app, string url)
    {
        var code = Guid.NewGuid().ToString();
        var target = url + (url.Contains('?') ? "&" : "?") + "challengeCode=" + Uri.EscapeDataString(code) + "&applicationId=" + Uri.EscapeDataString(app.Urn);
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(code))).ToLowerInvariant();
        int status;
        var valid = false;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var resp = await _http.GetAsync(target, timeout.Token);
            status = (int)resp.StatusCode;
            var body = await resp.Content.ReadAsStringAsync(timeout.Token);
            try
            {
                var json = JsonNode.Parse(body) as JsonObject;
                valid = resp.IsSuccessStatusCode && json?.Str("challengeCode") == code && string.Equals(json?.Str("challengeResponse"), expected, StringComparison.OrdinalIgnoreCase);
            }
            catch (System.Text.Json.JsonException)
            {
                error = "response is not JSON";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            status = 0;
            error = ex.Message;
        }
        simulation.State.Write(state => state.Pushes.Put(new PushRec
        {
            Id = "challenge-" + code,
            ClientId = app.ClientId,
            Type = "CHALLENGE",
            Url = target,
            Body = "",
            Signature = expected,
            Attempts = 1,
            ResponseCodes = [status],
            Status = valid ? "VALIDATED" : "FAILED",
            CreatedAt = simulation.NowMs,
        }));
        return new JsonObject { ["url"] = target, ["status"] = status, ["valid"] = valid, ["error"] = error };
    }

    private async Task DeliverAsync(string pushId, CancellationToken ct)
    {
        try
        {
            for (var attempt = 0; attempt <= simulation.Options.MaxPushRetries && !ct.IsCancellationRequested; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(simulation.Options.PushRetryBaseDelay * Math.Pow(2, attempt - 1), ct);
                }
                var push = PrepareAttempt(pushId);
                if (push is null)
                {
                    return;
                }
                var faults = simulation.Faults;
                if (faults.DropCallbacks)
                {
                    Record(push, "DROPPED");
                    return;
                }
                if (faults.CallbackDelayMs > 0)
                {
                    await Task.Delay(faults.CallbackDelayMs, ct);
                }
                var code = await PostAsync(push, ct);
                simulation.State.Write(state =>
                {
                    push.Attempts++;
                    push.ResponseCodes.Add(code);
                    push.Status = code is >= 200 and < 300 ? "DELIVERED" : attempt == simulation.Options.MaxPushRetries ? "FAILED" : "RETRYING";
                    state.Pushes.Put(push);
                });
                if (code is >= 200 and < 300)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Push {PushId} failed", pushId);
        }
    }

    /// <summary>The push to send now, its URL resolved; null (and the push marked) when there is nothing to send.</summary>
    private PushRec? PrepareAttempt(string pushId) => simulation.State.Write(state =>
    {
        var push = state.Pushes.Get(pushId);
        if (push is null)
        {
            return null;
        }
        push.Url ??= simulation.CallbackUrl(push.ClientId);
        if (push.Url is null)
        {
            push.Status = "NO_CALLBACK_URL";
            state.Pushes.Put(push);
            return null;
        }
        return push;
    });

    private void Record(PushRec push, string status) => simulation.State.Write(state =>
    {
        push.Status = status;
        state.Pushes.Put(push);
    });

    /// <summary>POSTs the signed body; the HTTP status, or 0 when the partner could not be reached in time.</summary>
    private async Task<int> PostAsync(PushRec push, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, push.Url)
            {
                Content = new StringContent(push.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("X-LI-Signature", push.Signature);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(simulation.Options.PushTimeout);
            using var response = await _http.SendAsync(request, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _http.Dispose();
        _stop.Dispose();
    }
}
