using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LinkedIn.Recruiter.Http;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter;

/// <summary>
/// The child-app RSC client: this file is the Rest.li engine (batch writes and reads, finders, paging, time windows)
/// shared by the role interfaces, each implemented in its own partial file (<see cref="ILinkedInIntegrationsClient"/>,
/// <see cref="ILinkedInSyncClient"/>, <see cref="ILinkedInAclClient"/>, <see cref="ILinkedInJobPostingsClient"/>,
/// <see cref="ILinkedInExportsClient"/>, <see cref="ILinkedInProspectInteractionsClient"/>, <see cref="ILinkedInMemberClient"/>).
/// </summary>
internal sealed partial class LinkedInRecruiterClient(HttpClient http, IOptions<LinkedInRecruiterOptions> options)
{
    private readonly LinkedInRecruiterOptions _options = options.Value;

    private static LinkedInJsonContext Json => LinkedInJsonContext.Default;

    private async Task<BatchResult<TKey>> BatchWriteAsync<TKey>(
        LinkedInAppCredentials app,
        HttpMethod method,
        string restLiMethod,
        string path,
        KeyScheme<TKey> scheme,
        IEnumerable<TKey> keys,
        Action<Utf8JsonWriter, TKey>? writeValue,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(app);
        var all = DistinctKeys(keys);
        var succeeded = new Dictionary<TKey, int>();
        var failed = new List<BatchFailure<TKey>>();
        foreach (var chunk in scheme.Batches(all, path, _options.MaxBatchSize, _options.MaxRequestUrlLength))
        {
            using var request = RestLiHttp.Create(method, path + "?" + scheme.Query(chunk), app, restLiMethod, chunk.Length);
            if (writeValue is not null)
            {
                RestLiHttp.SetJsonContent(request, WriteEntities(scheme, chunk, writeValue));
            }

            using var response = await RestLiHttp.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                foreach (var key in chunk)
                {
                    succeeded[key] = (int)response.StatusCode;
                }

                continue;
            }

            var batch = Deserialize(bytes, Json.RestLiBatchResponse, response.StatusCode);
            CollectOutcomes(batch, scheme.Resolver(chunk), chunk, (int)response.StatusCode, succeeded, failed);
        }

        return new BatchResult<TKey>(succeeded, failed);
    }

    /// <summary>The body of a batch write: <c>{"entities": {key: value, ...}}</c>.</summary>
    private static byte[] WriteEntities<TKey>(KeyScheme<TKey> scheme, TKey[] chunk, Action<Utf8JsonWriter, TKey> writeValue)
        where TKey : notnull =>
        RestLiHttp.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("entities");
            foreach (var key in chunk)
            {
                w.WritePropertyName(scheme.BodyKey(key));
                writeValue(w, key);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>
    /// Sorts a batch response's per-key results and errors into <paramref name="succeeded"/> and <paramref name="failed"/>
    /// (an error wins over a result for the same key); a key the response does not mention failed when it reported anything,
    /// and succeeded with the HTTP status otherwise.
    /// </summary>
    private static void CollectOutcomes<TKey>(RestLiBatchResponse batch, Func<string, (bool Found, TKey Key)> resolve, TKey[] chunk, int httpStatus,
        Dictionary<TKey, int> succeeded, List<BatchFailure<TKey>> failed)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        foreach (var (raw, status) in batch.Results ?? [])
        {
            var (found, key) = resolve(raw);
            if (!found || !seen.Add(key))
            {
                continue;
            }

            if (status.Status >= 400)
            {
                failed.Add(new BatchFailure<TKey>(key, status.Status, null, null));
            }
            else
            {
                succeeded[key] = status.Status == 0 ? httpStatus : status.Status;
            }
        }

        foreach (var (raw, error) in batch.Errors ?? [])
        {
            var (found, key) = resolve(raw);
            if (!found)
            {
                continue;
            }

            succeeded.Remove(key);
            failed.RemoveAll(f => EqualityComparer<TKey>.Default.Equals(f.Key, key));
            seen.Add(key);
            failed.Add(new BatchFailure<TKey>(key, error.Status, error.Code, error.Message, error.ServiceErrorCode));
        }

        var anyReported = batch.Results is not null || batch.Errors is not null;
        foreach (var key in chunk.Where(k => !seen.Contains(k)))
        {
            if (anyReported)
            {
                failed.Add(new BatchFailure<TKey>(key, 0, "MISSING_RESULT", "LinkedIn reported no outcome for this key."));
            }
            else
            {
                succeeded[key] = httpStatus;
            }
        }
    }

    private async Task<BatchGetResult<TKey, TEntity>> BatchGetAsync<TKey, TEntity>(
        LinkedInAppCredentials app,
        string path,
        KeyScheme<TKey> scheme,
        IEnumerable<TKey> keys,
        JsonTypeInfo<TEntity> typeInfo,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(app);
        var all = DistinctKeys(keys);
        var found = new Dictionary<TKey, TEntity>();
        var failed = new List<BatchFailure<TKey>>();
        foreach (var chunk in scheme.Batches(all, path, _options.MaxBatchSize, _options.MaxRequestUrlLength))
        {
            using var request = RestLiHttp.Create(HttpMethod.Get, path + "?" + scheme.Query(chunk), app, null, chunk.Length);
            using var response = await RestLiHttp.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
            var batch = await RestLiHttp.ReadJsonAsync(response, Json.RestLiBatchGetResponse, cancellationToken).ConfigureAwait(false);
            var resolve = scheme.Resolver(chunk);
            var seen = new HashSet<TKey>();
            foreach (var (raw, element) in batch.Results ?? [])
            {
                var (ok, key) = resolve(raw);
                if (ok && seen.Add(key) && element.ValueKind == JsonValueKind.Object)
                {
                    found[key] = element.Deserialize(typeInfo)!;
                }
            }

            foreach (var (raw, error) in batch.Errors ?? [])
            {
                var (ok, key) = resolve(raw);
                if (ok && seen.Add(key))
                {
                    failed.Add(new BatchFailure<TKey>(key, error.Status, error.Code, error.Message, error.ServiceErrorCode));
                }
            }

            foreach (var (raw, status) in batch.Statuses ?? [])
            {
                var (ok, key) = resolve(raw);
                if (ok && status >= 400 && seen.Add(key))
                {
                    failed.Add(new BatchFailure<TKey>(key, status, null, null));
                }
            }

            foreach (var key in chunk.Where(k => !seen.Contains(k)))
            {
                failed.Add(new BatchFailure<TKey>(key, (int)HttpStatusCode.NotFound, "NOT_FOUND", "LinkedIn returned no entity for this key."));
            }
        }

        return new BatchGetResult<TKey, TEntity>(found, failed);
    }

    /// <summary>One finder request (no paging parameters); 404 means none.</summary>
    private async Task<IReadOnlyList<T>> FindAsync<T>(
        LinkedInAppCredentials? app,
        string? memberToken,
        string url,
        JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
    {
        using var request = RestLiHttp.Create(HttpMethod.Get, url, app);
        if (memberToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", memberToken);
        }

        using var response = await RestLiHttp.SendAsync(http, request, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var collection = await RestLiHttp.ReadJsonAsync(response, Json.RestLiCollectionResponse, cancellationToken).ConfigureAwait(false);
        return [.. (collection.Elements ?? []).Select(e => e.Deserialize(typeInfo)!)];
    }

    /// <summary>Pages a finder with <c>start</c>/<c>count</c> until the collection is exhausted; 404 means none.</summary>
    private async IAsyncEnumerable<T> PageAsync<T>(
        LinkedInAppCredentials app,
        string url,
        JsonTypeInfo<T> typeInfo,
        string? linkedInVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = _options.PageSize;
        var start = 0;
        while (true)
        {
            RestLiCollectionResponse collection;
            using (var request = RestLiHttp.Create(HttpMethod.Get, $"{url}&start={start}&count={count}", app, linkedInVersion: linkedInVersion))
            using (var response = await RestLiHttp.SendAsync(http, request, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false))
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    yield break;
                }

                collection = await RestLiHttp.ReadJsonAsync(response, Json.RestLiCollectionResponse, cancellationToken).ConfigureAwait(false);
            }

            var elements = collection.Elements ?? [];
            foreach (var element in elements)
            {
                yield return element.Deserialize(typeInfo)!;
            }

            start += elements.Count;
            var done = elements.Count == 0 ||
                (collection.Paging?.Total is { } total ? start >= total : elements.Count < count);
            if (done)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<T> PageWindowsAsync<T>(
        LinkedInAppCredentials app,
        DateTimeOffset from,
        DateTimeOffset to,
        Func<long, long, string> urlForWindow,
        JsonTypeInfo<T> typeInfo,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (start, end) in TimeWindows.Split(from, to, _options.MaxTimeWindow))
        {
            var url = urlForWindow(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
            await foreach (var item in PageAsync(app, url, typeInfo, null, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static T Deserialize<T>(byte[] bytes, JsonTypeInfo<T> typeInfo, HttpStatusCode status)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("null body");
        }
        catch (JsonException ex)
        {
            throw new LinkedInApiException(
                status,
                $"LinkedIn returned a response that could not be read as {typeof(T).Name}: {ex.Message}",
                bodySnippet: RestLiHttp.Snippet(System.Text.Encoding.UTF8.GetString(bytes)),
                innerException: ex);
        }
    }

    private static List<TKey> DistinctKeys<TKey>(IEnumerable<TKey> keys)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = new List<TKey>();
        var set = new HashSet<TKey>();
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            if (!set.Add(key))
            {
                throw new ArgumentException($"Duplicate key {key} in one batch call.", nameof(keys));
            }

            list.Add(key);
        }

        return list;
    }

    private static (List<TKey> Keys, Dictionary<TKey, TValue> Values) Split<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> items)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        var pairs = items.ToList();
        var keys = DistinctKeys(pairs.Select(p => p.Key));
        return (keys, pairs.ToDictionary(p => p.Key, p => p.Value));
    }

    private static string Q(string value) => RestLiKey.Encode(value);
}
