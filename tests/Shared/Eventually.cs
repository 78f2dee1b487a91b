namespace Attract.Testing;

/// <summary>
/// Waits for something that happens in the background (a push, a sync, a page that updates): polls until it holds and
/// fails with a <see cref="TimeoutException"/> naming what never happened. The timeout only bounds the wait; nothing is
/// asserted about how long it took. Compiled into every test project that waits (linked from <c>tests/Shared</c>).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="condition"/> until it is true.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        MatchAsync(condition, done => done, what, timeout, interval);

    /// <summary>Polls <paramref name="probe"/> until it returns something, and returns that.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class =>
        (await MatchAsync(probe, value => value is not null, what, timeout, interval))!;

    /// <summary>Polls <paramref name="probe"/> until its value satisfies <paramref name="done"/>, and returns that value.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var wait = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {wait.TotalSeconds:0.#} s waiting for {what}.");
            }
            await Task.Delay(interval ?? DefaultInterval);
        }
    }
}
