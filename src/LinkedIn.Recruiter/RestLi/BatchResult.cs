using System.Text.Json;

namespace LinkedIn.Recruiter;

/// <summary>A per-key failure inside a batch: one bad record does not fail its neighbours.</summary>
public sealed record BatchFailure<TKey>(TKey Key, int Status, string? Code, string? Message, int? ServiceErrorCode = null);

/// <summary>Outcome of a batch write (batch_update, batch_partial_update, batch_delete), merged over all chunks.</summary>
public sealed class BatchResult<TKey>
    where TKey : notnull
{
    public BatchResult(IReadOnlyDictionary<TKey, int> succeeded, IReadOnlyList<BatchFailure<TKey>> failed)
    {
        Succeeded = succeeded;
        Failed = failed;
    }

    /// <summary>Keys that succeeded, with their per-entity status (e.g. 200, 201, 204).</summary>
    public IReadOnlyDictionary<TKey, int> Succeeded { get; }

    /// <summary>Keys that failed, with status, code and message.</summary>
    public IReadOnlyList<BatchFailure<TKey>> Failed { get; }

    public bool AllSucceeded => Failed.Count == 0;
}

/// <summary>Outcome of a BATCH_GET, merged over all chunks.</summary>
public sealed class BatchGetResult<TKey, TEntity>
    where TKey : notnull
{
    public BatchGetResult(IReadOnlyDictionary<TKey, TEntity> found, IReadOnlyList<BatchFailure<TKey>> failed)
    {
        Found = found;
        Failed = failed;
    }

    /// <summary>Entities found, by key.</summary>
    public IReadOnlyDictionary<TKey, TEntity> Found { get; }

    /// <summary>Keys not returned (404 NOT_FOUND and other per-key errors).</summary>
    public IReadOnlyList<BatchFailure<TKey>> Failed { get; }
}

/// <summary>Rest.li error body (<c>{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"..."}</c>).</summary>
public sealed record RestLiError
{
    public int Status { get; init; }

    public int? ServiceErrorCode { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}

/// <summary>Per-element outcome of a <c>simpleJobPostings</c> batch_create, in request order.</summary>
public sealed record JobPostingCreateResult
{
    /// <summary>The external job posting id of the element this result belongs to.</summary>
    public string ExternalJobPostingId { get; init; } = "";

    /// <summary>Per-element status (202 = accepted, a task was created).</summary>
    public int Status { get; init; }

    /// <summary>The task id to poll with <c>simpleJobPostingTasks</c>; null on error.</summary>
    public string? TaskId { get; init; }

    public RestLiError? Error { get; init; }

    public bool Succeeded => Status is >= 200 and < 300;
}

internal sealed class RestLiBatchStatus
{
    public int Status { get; set; }
}

internal sealed class RestLiBatchResponse
{
    public Dictionary<string, RestLiBatchStatus>? Results { get; set; }

    public Dictionary<string, RestLiError>? Errors { get; set; }
}

internal sealed class RestLiBatchGetResponse
{
    public Dictionary<string, JsonElement>? Results { get; set; }

    public Dictionary<string, int>? Statuses { get; set; }

    public Dictionary<string, RestLiError>? Errors { get; set; }
}

internal sealed class RestLiPaging
{
    public int Start { get; set; }

    public int Count { get; set; }

    public int? Total { get; set; }
}

internal sealed class RestLiCollectionResponse
{
    public List<JsonElement>? Elements { get; set; }

    public RestLiPaging? Paging { get; set; }
}

internal sealed class BatchCreateElement
{
    public int Status { get; set; }

    public string? Id { get; set; }

    public RestLiError? Error { get; set; }
}

internal sealed class BatchCreateResponse
{
    public List<BatchCreateElement>? Elements { get; set; }
}
