using System.Text.Json;
using LinkedIn.Recruiter.Http;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInJobPostingsClient
{
    private const string JobPostingsPath = "v2/simpleJobPostings";
    private const string JobPostingTasksPath = "v2/simpleJobPostingTasks";

    public async Task<IReadOnlyList<JobPostingCreateResult>> SubmitJobPostingsAsync(LinkedInAppCredentials app, IEnumerable<SimpleJobPosting> postings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(postings);
        var results = new List<JobPostingCreateResult>();
        foreach (var chunk in postings.Chunk(_options.MaxBatchSize))
        {
            using var request = RestLiHttp.Create(HttpMethod.Post, JobPostingsPath, app, "batch_create", chunk.Length);
            RestLiHttp.SetJsonContent(request, RestLiHttp.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("elements");
                foreach (var posting in chunk)
                {
                    JsonSerializer.Serialize(w, posting, Json.SimpleJobPosting);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            using var response = await RestLiHttp.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
            var body = await RestLiHttp.ReadJsonAsync(response, Json.BatchCreateResponse, cancellationToken).ConfigureAwait(false);
            var elements = body.Elements ?? [];
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = i < elements.Count ? elements[i] : null;
                results.Add(new JobPostingCreateResult
                {
                    ExternalJobPostingId = chunk[i].ExternalJobPostingId,
                    Status = e?.Status ?? 0,
                    TaskId = e?.Id,
                    Error = e is null
                        ? new RestLiError { Code = "MISSING_RESULT", Message = "LinkedIn reported no outcome for this element." }
                        : e.Error,
                });
            }
        }

        return results;
    }

    public Task<BatchGetResult<string, JobPostingTask>> GetJobPostingTasksAsync(LinkedInAppCredentials app, IEnumerable<string> taskIds, CancellationToken cancellationToken = default) =>
        BatchGetAsync(app, JobPostingTasksPath, SimpleKeyScheme.Instance, taskIds, Json.JobPostingTask, cancellationToken);
}
