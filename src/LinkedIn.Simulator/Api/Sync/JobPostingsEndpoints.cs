using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary>
/// <c>/v2/simpleJobPostings</c> (batch create, update, renew, close; each element answers with a task id) and
/// <c>/v2/simpleJobPostingTasks</c> (the tasks' outcome, IN_PROGRESS for the configured processing time).
/// </summary>
internal static class JobPostingsEndpoints
{
    private const long TaskLifetimeMs = 30L * 86_400_000;

    public static void Map(WebApplication app, Simulation simulation)
    {
        ApiRoutes.MapApi(app, ["POST"], "simpleJobPostings", ctx => PostJobs(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "simpleJobPostingTasks", ctx => GetTasks(ctx, simulation));
    }

    private static async Task<IResult> PostJobs(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var (elements, bodyError) = await RestLi.ReadBatch<JsonArray>(ctx, "elements", "batch_create");
        if (elements is null)
        {
            return bodyError!;
        }
        if (elements.Count > simulation.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {simulation.Options.MaxBatchSize} elements per batch");
        }
        foreach (var context in elements.OfType<JsonObject>().Select(x => x.Str("integrationContext")).OfType<string>().Distinct())
        {
            if (context == SeededWorld.Organization && simulation.Gate(caller, context, "ONE_CLICK_EXPORT", "IN_ATS_INDICATOR") is { } refused)
            {
                return refused;
            }
        }
        if (simulation.Throttle(ctx, caller, "simpleJobPostings", simulation.Options.DailyRequestLimit, elements.Count) is { } throttled)
        {
            return throttled;
        }
        var answers = simulation.State.Write(state => new JsonArray(elements.Select(element => (JsonNode)PostJob(simulation, state, caller, element)).ToArray()));
        return RestLi.Json(new JsonObject { ["elements"] = answers });
    }

    /// <summary>One element of the batch: a 400 answer when invalid, otherwise the job stored and a 202 answer with its task id.</summary>
    private static JsonObject PostJob(Simulation simulation, StateStore state, Caller caller, JsonNode? element)
    {
        if (element is not JsonObject posting)
        {
            return new JsonObject { ["status"] = 400, ["error"] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "element must be an object") };
        }
        if (SyncValidation.JobPosting(posting) is { } invalid)
        {
            return new JsonObject { ["status"] = 400, ["error"] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid) };
        }
        var externalId = posting.Str("externalJobPostingId")!;
        var existing = state.Jobs.Get($"{caller.App.ClientId}|{SeededWorld.Organization}|{externalId}");
        var operation = posting.Str("jobPostingOperationType") ?? "CREATE";
        var task = new TaskRec { Id = "task-" + Simulation.NewId(8), ClientId = caller.App.ClientId, ExternalJobPostingId = externalId, CreatedAt = simulation.NowMs, Status = "SUCCEEDED" };
        if (operation != "CREATE" && existing is null)
        {
            task.Status = "FAILED";
            task.Error = $"Job posting {externalId} does not exist; create it first";
        }
        else
        {
            var job = existing ?? new JobRec { ClientId = caller.App.ClientId, Context = SeededWorld.Organization, ExternalJobPostingId = externalId };
            if (operation is "CREATE" or "UPDATE" || existing is null)
            {
                job.Json = posting.ToJsonString();
                job.Title = posting.Str("title")!;
                job.CompanyJobCode = posting.Str("companyJobCode");
                job.Location = posting.Str("location");
            }
            job.State = operation == "CLOSE" ? "CLOSED" : posting.Str("state") ?? (operation == "RENEW" ? "LISTED" : job.State);
            job.LastModifiedAt = simulation.NowMs;
            state.Jobs.Put(job);
        }
        state.Tasks.Put(task);
        return new JsonObject { ["status"] = 202, ["id"] = task.Id };
    }

    private static IResult GetTasks(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var ids = RestLiRequest.Of(ctx).SimpleKeys();
        if (ids.Count == 0)
        {
            return RestLi.BadRequest("ids are required");
        }
        if (ids.Count > simulation.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {simulation.Options.MaxBatchSize} keys per batch");
        }
        if (simulation.Throttle(ctx, caller, "simpleJobPostingTasks", simulation.Options.DailyRequestLimit) is { } throttled)
        {
            return throttled;
        }
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        var processingMs = (long)simulation.JobTaskProcessingTime.TotalMilliseconds;
        simulation.State.Read(state =>
        {
            foreach (var id in ids)
            {
                var task = state.Tasks.Get(id);
                if (task is null || task.ClientId != caller.App.ClientId || task.CreatedAt < simulation.NowMs - TaskLifetimeMs)
                {
                    errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"task {id} not found");
                    statuses[id] = 404;
                    continue;
                }
                var processing = simulation.NowMs - task.CreatedAt < processingMs;
                results[id] = new JsonObject
                {
                    ["id"] = task.Id,
                    ["externalJobPostingId"] = task.ExternalJobPostingId,
                    ["status"] = processing ? "IN_PROGRESS" : task.Status,
                    ["error"] = processing || task.Error is null ? null : RestLi.ErrorBody(404, "NOT_FOUND", task.Error),
                };
                statuses[id] = 200;
            }
        });
        return RestLi.Json(new JsonObject { ["results"] = results, ["statuses"] = statuses, ["errors"] = errors });
    }
}
