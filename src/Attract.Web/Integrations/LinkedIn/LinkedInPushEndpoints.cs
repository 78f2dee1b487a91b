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
        IServiceProvider services, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
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
        catch (LinkedInPushException ex)
        {
            return Results.Problem(ex.Message, statusCode: 400);
        }
        // The notification row and its effect commit in one SaveChanges: if anything fails, nothing is stored and
        // LinkedIn's retry (same id) is processed afresh. Two pushes racing on the connection row retry on conflict.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordAndApplyAsync(connection, push, db, services, secret, clock.GetUtcNow().UtcDateTime, logger, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                connection = await db.Set<LinkedInConnection>().FirstAsync(c => c.TenantId == tenantId, ct);
            }
        }
    }

    private static async Task<IResult> RecordAndApplyAsync(LinkedInConnection connection, PushNotification push, AttractDbContext db,
        IServiceProvider services, string secret, DateTime now, ILogger logger, CancellationToken ct)
    {
        var notification = await db.Set<LinkedInNotification>().FirstOrDefaultAsync(n => n.NotificationId == push.Id, ct);
        if (notification is not null && notification.Status != LinkedInNotificationStatus.Failed)
        {
            LogDuplicate(logger, push.Id);
            return Results.Ok();
        }
        if (notification is null)
        {
            notification = new LinkedInNotification
            {
                NotificationId = push.Id,
                Type = push.Type == PushNotificationType.ExportCandidateProfile ? "EXPORT_CANDIDATE_PROFILE" : "INTEGRATION_STATUS_CHANGE",
                ReceivedAtUtc = now,
                Status = LinkedInNotificationStatus.Received,
            };
            db.Add(notification);
        }
        if (push.Type == PushNotificationType.IntegrationStatusChange)
        {
            await ApplyStatusChangeAsync(connection, notification, services, secret, now, logger, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<LinkedInNotification>().AnyAsync(n => n.NotificationId == push.Id, ct))
            {
                LogDuplicate(logger, push.Id);
                return Results.Ok(); // a concurrent delivery of the same push won the insert
            }
            throw;
        }
        if (push.Type == PushNotificationType.ExportCandidateProfile)
        {
            services.GetService<Jobs.ILinkedInSyncSignal>()?.ExportReceived(); // process it in the background right away
        }
        return Results.Ok();
    }

    private static async Task ApplyStatusChangeAsync(LinkedInConnection connection, LinkedInNotification notification,
        IServiceProvider services, string secret, DateTime now, ILogger logger, CancellationToken ct)
    {
        notification.Attempts++;
        try
        {
            var app = new LinkedInAppCredentials(connection.ChildClientId!, secret);
            var integrations = await services.GetRequiredService<ILinkedInRecruiterClient>().FindIntegrationsByRequestAsync(app, notification.NotificationId, ct);
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
            connection.LastOutcome = $"LinkedIn changed the integration status: {Summary(connection.AccessLevel)}.";
            connection.LastError = null;
            notification.Status = LinkedInNotificationStatus.Processed;
            notification.ProcessedAtUtc = now;
            notification.Outcome = string.Join(", ", integrations.Select(i => $"{i.IntegrationType}@{i.IntegrationContext}={i.Status}"));
        }
        catch (LinkedInApiException ex)
        {
            notification.Status = LinkedInNotificationStatus.Failed;
            notification.Outcome = LinkedInConnector.Describe(ex);
            connection.LastError = "Reading the integration status failed: " + LinkedInConnector.Describe(ex);
            LogStatusFailed(logger, ex, notification.NotificationId);
        }
    }

    /// <summary>Organization types for the connected organization; CSA_API only for the connected contract.</summary>
    private static bool Concerns(LinkedInConnection connection, AtsIntegration integration) =>
        integration.IntegrationType == LinkedInIntegrationTypes.CsaApi
            ? integration.IntegrationContext == connection.ContractUrn
            : LinkedInIntegrationTypes.CompanyLevel.Contains(integration.IntegrationType)
              && (connection.OrganizationUrn is null || integration.IntegrationContext == connection.OrganizationUrn);

    public static string Summary(LinkedInAccessLevel level) => level switch
    {
        LinkedInAccessLevel.ContractLevel => "Company-level and Contract-level access enabled",
        LinkedInAccessLevel.CompanyLevel => "Company-level access enabled",
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
