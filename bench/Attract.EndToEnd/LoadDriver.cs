using System.Diagnostics;
using System.Net;

namespace Attract.EndToEnd;

/// <summary>What one page did under load: requests answered 200, failures, throughput and latency percentiles.</summary>
public sealed record PageLoad(string Page, int Requests, int Failures, double PerSecond, Percentiles Latency, long MeanBytes, string? FirstFailure);

/// <summary>
/// A small closed-loop load driver: <c>users</c> loops, each sending its next GET as soon as the last one is read to the
/// end. Nothing else runs against the server meanwhile, so pages measured one after another in the same run compare.
/// </summary>
public static class LoadDriver
{
    public static async Task<PageLoad> RunAsync(string page, HttpClient http, Func<int, string> url, int users, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        await LoopAsync(http, url, users, warmup, ct);
        var clock = Stopwatch.StartNew();
        var perUser = await LoopAsync(http, url, users, duration, ct);
        var elapsed = clock.Elapsed;
        var all = perUser.SelectMany(s => s).ToList();
        var ok = all.Where(s => s.Status == HttpStatusCode.OK).ToList();
        var failures = all.Where(s => s.Status != HttpStatusCode.OK).ToList();
        return new PageLoad(page, ok.Count, failures.Count, ok.Count / elapsed.TotalSeconds,
            Percentiles.Of(ok.Select(s => s.Milliseconds)), ok.Count == 0 ? 0 : (long)ok.Average(s => s.Bytes),
            failures.Count == 0 ? null : failures[0].Error ?? $"{(int)failures[0].Status} {failures[0].Url}");
    }

    private sealed record Sample(double Milliseconds, HttpStatusCode Status, long Bytes, string Url, string? Error);

    private static async Task<List<Sample>[]> LoopAsync(HttpClient http, Func<int, string> url, int users, TimeSpan duration, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        var counter = 0;
        var loops = Enumerable.Range(0, users).Select(_ => Task.Run(async () =>
        {
            var samples = new List<Sample>();
            while (until.Elapsed < duration)
            {
                var target = url(Interlocked.Increment(ref counter));
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(target, HttpCompletionOption.ResponseContentRead, ct);
                    var bytes = (await response.Content.ReadAsByteArrayAsync(ct)).LongLength;
                    samples.Add(new Sample(Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.StatusCode, bytes, target, null));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    samples.Add(new Sample(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, 0, target, ex.GetType().Name + ": " + ex.Message));
                }
            }
            return samples;
        }, ct)).ToList();
        return await Task.WhenAll(loops);
    }
}

/// <summary>p50, p95 and p99 of a set of timings (nearest rank), in milliseconds; zero for an empty set.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99));
    }

    private static double Rank(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
