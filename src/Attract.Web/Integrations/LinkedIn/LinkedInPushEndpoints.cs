using Attract.Core.Data;
using Attract.Core.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// LinkedIn's pushes to <c>CALLBACK_URL</c> = <c>/integrations/linkedin/push/{tenantId}</c>: anonymous, but every
/// POST must carry a valid <c>X-LI-Signature</c> (HMAC of the raw body with the child app's secret). The notification
/// id is recorded first, so a retried push is acknowledged and ignored.
/// </summary>
public static partial class LinkedInPushEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapLinkedInPush(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integrations/linkedin/push").AllowAnonymous().DisableAntiforgery();
        group.MapGet("/{tenantId}", ChallengeAsync);
        group.MapPost("/{tenantId}", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ChallengeAsync(string tenantId, string? challengeCode, AttractDbContext db, LinkedInSecrets secrets)
    {
        var secret = await ChildSecretAsync(db, secrets, tenantId);
        if (secret is null)
        {
            return Results.NotFound();
        }
        if (string.IsNullOrEmpty(challengeCode))
        {
            return Results.Problem("challengeCode is required.", statusCode: 400);
        }
        var answer = new LinkedInPushVerifier().CreateChallengeResponse(challengeCode, secret);
        return Results.Text(LinkedInPushVerifier.SerializeChallengeResponse(answer), "application/json");
    }

    private static async Task<IResult> ReceiveAsync(string tenantId, HttpContext http, AttractDbContext db, LinkedInSecrets secrets,
        ILinkedInSignals signals, ILinkedInIntegrationsClient integrationsClient, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Attract.LinkedIn.Push");
        var connection = await db.Set<LinkedInConnection>().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        if (connection?.ChildClientSecretProtected is null || connection.ChildClientId is null)
        {
            return Results.NotFound();
        }
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.Problem("The push body is too large.", statusCode: 413);
        }
        var secret = secrets.Unprotect(connection.ChildClientSecretProtected);
        var verifier = new LinkedInPushVerifier();
        if (!verifier.IsValidSignature(body, http.Request.Headers[LinkedInPushVerifier.SignatureHeader], secret))
        {
            LogRejected(logger, tenantId);
            return Results.Unauthorized();
        }
        PushNotification push;
        try
        {
            push = verifier.Parse(body);
        }
        catch (LinkedInPushException ex) when (ex.RawType is not null && ReadId(body) is { } unknownId)
        {
            // A signed push of a type Attract does not handle yet (e.g. RESYNC_JOBS): record it and acknowledge, so LinkedIn does not retry.
            if (!await db.Set<LinkedInNotification>().AnyAsync(n => n.NotificationId == unknownId, ct))
            {
                db.Add(new LinkedInNotification
                {
                    NotificationId = unknownId,
                    Type = ex.RawType.Length <= 100 ? ex.RawType : ex.RawType[..100],
                    ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
                    Status = LinkedInNotificationStatus.Received,
                    Outcome = "Push type not handled by Attract yet.",
                });
                await SaveAsync(db, logger, unknownId, ct);
            }
            return Results.Ok();
        }
        catch (LinkedInPushException ex)
        {
            return Results.Problem(ex.Message, statusCode: 400);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = await db.Set<LinkedInNotification>().FirstOrDefaultAsync(n => n.NotificationId == push.Id, ct);
        var isStatusChange = push.Type == PushNotificationType.IntegrationStatusChange;
        if (notification is not null && (notification.Status == LinkedInNotificationStatus.Processed || !isStatusChange))
        {
            LogDuplicate(logger, push.Id);
            return Results.Ok();
        }
        if (notification is null)
        {
            notification = new LinkedInNotification
            {
                NotificationId = push.Id,
                Type = isStatusChange ? "INTEGRATION_STATUS_CHANGE" : "EXPORT_CANDIDATE_PROFILE",
                ReceivedAtUtc = now,
                Status = LinkedInNotificationStatus.Received,
            };
            db.Add(notification);
        }
        if (!isStatusChange)
        {
            if (!await SaveAsync(db, logger, push.Id, ct))
            {
                return Results.StatusCode(503);
            }
            signals.ExportReceived(); // process it in the background right away
            return Results.Ok();
        }
        IReadOnlyList<AtsIntegration> integrations;
        notification.Attempts++;
        try
        {
            var app = new LinkedInAppCredentials(connection.ChildClientId, secret);
            integrations = await integrationsClient.FindIntegrationsByRequestAsync(app, push.Id, ct);
        }
        catch (LinkedInApiException ex)
        {
            notification.Status = LinkedInNotificationStatus.Failed;
            notification.Outcome = LinkedInConnector.Describe(ex);
            connection.LastError = "Reading the integration status failed: " + LinkedInConnector.Describe(ex);
            LogStatusFailed(logger, ex, push.Id);
            await SaveAsync(db, logger, push.Id, ct);
            return Results.StatusCode(503); // LinkedIn retries with the same id; a Failed notification is processed again
        }
        // Pushes can arrive concurrently: apply on the freshest row, retrying on a concurrency conflict.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            ApplyStatusChange(connection, notification, integrations, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return Results.Ok();
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Entry(connection).ReloadAsync(ct);
            }
            catch (DbUpdateException)
            {
                LogDuplicate(logger, push.Id);
                return Results.Ok(); // a concurrent delivery of the same push won the insert
            }
        }
        return Results.StatusCode(503);
    }

    private static async Task<bool> SaveAsync(AttractDbContext db, ILogger logger, string id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException)
        {
            LogDuplicate(logger, id);
            return true;
        }
    }

    private static void ApplyStatusChange(LinkedInConnection connection, LinkedInNotification notification, IReadOnlyList<AtsIntegration> integrations, DateTime now)
    {
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        if (connection.CompanyLevelEnabled)
        {
            enabled.UnionWith(LinkedInIntegrationTypes.CompanyLevel);
        }
        if (connection.ContractLevelEnabled)
        {
            enabled.Add(LinkedInIntegrationTypes.CsaApi);
        }
        foreach (var i in integrations.Where(i => Concerns(connection, i)))
        {
            if (i.Status == "ENABLED")
            {
                enabled.Add(i.IntegrationType);
            }
            else
            {
                enabled.Remove(i.IntegrationType);
            }
        }
        connection.ApplyStatus(enabled, now);
        connection.LastOutcome = $"LinkedIn changed the integration status: {Summary(connection)}.";
        connection.LastError = null;
        notification.Status = LinkedInNotificationStatus.Processed;
        notification.ProcessedAtUtc = now;
        notification.Outcome = string.Join(", ", integrations.Select(i => $"{i.IntegrationType}@{i.IntegrationContext}={i.Status}"));
    }

    /// <summary>Organization types for the connected organization; CSA_API only for the connected contract.</summary>
    private static bool Concerns(LinkedInConnection connection, AtsIntegration integration) =>
        integration.IntegrationType == LinkedInIntegrationTypes.CsaApi
            ? integration.IntegrationContext == connection.ContractUrn
            : LinkedInIntegrationTypes.CompanyLevel.Contains(integration.IntegrationType)
              && (connection.OrganizationUrn is null || integration.IntegrationContext == connection.OrganizationUrn);

    public static string Summary(LinkedInConnection connection) => (connection.CompanyLevelEnabled, connection.ContractLevelEnabled) switch
    {
        (true, true) => "Company-level and Contract-level access enabled",
        (true, false) => "Company-level access enabled",
        (false, true) => "Contract-level access enabled, waiting for Company-level access",
        _ => "no access enabled",
    };

    private static async Task<string?> ChildSecretAsync(AttractDbContext db, LinkedInSecrets secrets, string tenantId)
    {
        var protectedSecret = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .Select(c => c.ChildClientSecretProtected)
            .FirstOrDefaultAsync();
        return protectedSecret is null ? null : secrets.Unprotect(protectedSecret);
    }

    private static string? ReadId(byte[] body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 200 } value ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a LinkedIn push for tenant {TenantId}: missing or invalid signature")]
    private static partial void LogRejected(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored duplicate LinkedIn push {NotificationId}")]
    private static partial void LogDuplicate(ILogger logger, string notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the integration status for LinkedIn push {NotificationId} failed")]
    private static partial void LogStatusFailed(ILogger logger, Exception ex, string notificationId);
}
