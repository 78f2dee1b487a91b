using System.Data.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// LinkedIn's pushes to <c>CALLBACK_URL</c> = <c>/integrations/linkedin/push/{tenantId}</c>: anonymous, but every
/// POST must carry a valid <c>X-LI-Signature</c> (HMAC of the raw body with the child app's secret). The notification
/// id is recorded first, so a retried push is acknowledged and ignored.
/// </summary>
/// <remarks>
/// Hardening (docs/security.md): the challenge answers only UUID codes, so it can never sign a push body
/// (<c>hmacsha256=…</c>); an unknown tenant and a bad signature get the same 401 problem; every error is an RFC 7807
/// problem; a transient database or network failure is 503 so LinkedIn retries; both routes are rate limited per tenant.
/// </remarks>
public static partial class LinkedInPushEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Signs nothing real: verified against when the tenant is unknown, so both cases do the same work.</summary>
    private const string UnknownTenantSecret = "attract-unknown-tenant";

    public static IEndpointRouteBuilder MapLinkedInPush(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integrations/linkedin/push").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(RateLimitSetup.PushPolicy)
            .AddEndpointFilter(TransientFailuresAs503);
        group.MapGet("/{tenantId}", ChallengeAsync);
        group.MapPost("/{tenantId}", ReceiveAsync).AddEndpointFilter(CountAsync);
        return app;
    }

    /// <summary>The <c>HttpContext.Items</c> key under which the handler leaves the push type for the metrics.</summary>
    private const string PushTypeItem = "Attract.LinkedIn.PushType";

    /// <summary>Counts each push by what it was answered: 2xx received (per type), anything else rejected (per reason).</summary>
    private static async ValueTask<object?> CountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var metrics = http.RequestServices.GetRequiredService<AttractMetrics>();
        if (status is >= 200 and < 300)
        {
            metrics.PushReceived(http.Items[PushTypeItem] as string ?? "unknown");
        }
        else
        {
            metrics.PushRejected(status switch
            {
                // A bad signature and an unknown tenant get the same answer from outside, so one reason covers both.
                StatusCodes.Status401Unauthorized => "unverified",
                StatusCodes.Status400BadRequest => "malformed",
                StatusCodes.Status413PayloadTooLarge => "too_large",
                StatusCodes.Status503ServiceUnavailable => "retry_later",
                _ => "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return result;
    }


    /// <summary>
    /// LinkedIn sends a UUID as the challenge code. Anything else is refused before a secret is read or an HMAC computed:
    /// answering arbitrary strings would sign <c>hmacsha256=&lt;body&gt;</c>, which is exactly a push signature.
    /// </summary>
    public static bool IsChallengeCodeShape(string? challengeCode) =>
        challengeCode is { Length: 36 } && Guid.TryParseExact(challengeCode, "D", out _);

    private static async Task<IResult> ChallengeAsync(string tenantId, string? challengeCode, AttractDbContext db, LinkedInSecrets secrets, CancellationToken ct)
    {
        if (!IsChallengeCodeShape(challengeCode))
        {
            return Results.Problem("challengeCode must be a UUID, as LinkedIn sends it.", statusCode: 400, title: "Invalid challenge");
        }
        var secret = await ChildSecretAsync(db, secrets, tenantId, ct);
        if (secret is null)
        {
            return Results.Problem("No LinkedIn connection uses this callback URL.", statusCode: 404, title: "Not found");
        }
        var answer = new LinkedInPushVerifier().CreateChallengeResponse(challengeCode!, secret);
        return Results.Text(LinkedInPushVerifier.SerializeChallengeResponse(answer), "application/json");
    }

    private static async Task<IResult> ReceiveAsync(string tenantId, HttpContext http, AttractDbContext db, LinkedInSecrets secrets,
        ILinkedInSignals signals, ILinkedInIntegrationsClient integrationsClient, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Attract.LinkedIn.Push");
        // The body is read (and its size checked) before the tenant is looked up, and an unknown tenant is verified
        // against a stand-in secret: from outside, an unknown tenant and a bad signature are the same 401.
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.Problem($"The push body is larger than {MaxBodyBytes / 1024} KB.", statusCode: 413, title: "Payload too large");
        }
        var (connection, secret) = await VerifyAsync(db, secrets, tenantId, body, http.Request.Headers[LinkedInPushVerifier.SignatureHeader], ct);
        if (connection is null || secret is null)
        {
            LogRejected(logger, tenantId);
            return NotVerified();
        }
        PushNotification push;
        try
        {
            push = new LinkedInPushVerifier().Parse(body);
        }
        catch (LinkedInPushException ex) when (ex.IsUnknownType && ReadId(body) is { } unknownId)
        {
            // A signed push of a type Attract does not handle yet (e.g. RESYNC_JOBS): record it and acknowledge, so LinkedIn does not retry.
            http.Items[PushTypeItem] = "unhandled";
            return await RecordUnhandledAsync(db, logger, unknownId, ex.RawType!, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (LinkedInPushException ex)
        {
            return Results.Problem(ex.Message, statusCode: 400, title: "Invalid push");
        }
        if (push.Id.Length > NotificationIdMaxLength(db))
        {
            // Stored, an over-long id would fail the insert (SQL Server) and be mistaken for a duplicate.
            return Results.Problem($"The push id is longer than {NotificationIdMaxLength(db)} characters.", statusCode: 400, title: "Invalid push");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = await db.Set<LinkedInNotification>().FirstOrDefaultAsync(n => n.NotificationId == push.Id, ct);
        var isStatusChange = push.Type == PushNotificationType.IntegrationStatusChange;
        http.Items[PushTypeItem] = isStatusChange ? "INTEGRATION_STATUS_CHANGE" : "EXPORT_CANDIDATE_PROFILE";
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
                return Unavailable("The push could not be recorded; retry it.");
            }
            signals.ExportReceived(); // process it in the background right away
            return Results.Ok();
        }
        return await ApplyStatusChangeAsync(db, logger, integrationsClient, connection, new LinkedInAppCredentials(connection.ChildClientId!, secret),
            notification, now, ct);
    }

    /// <summary>
    /// The tenant's connection and child secret when the body's signature verifies with that secret; nulls otherwise. An
    /// unknown tenant is verified against a stand-in secret, so both cases do the same work.
    /// </summary>
    private static async Task<(LinkedInConnection? Connection, string? Secret)> VerifyAsync(AttractDbContext db, LinkedInSecrets secrets,
        string tenantId, byte[] body, string? signature, CancellationToken ct)
    {
        var connection = await db.Set<LinkedInConnection>().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        var secret = connection is { ChildClientSecretProtected: { } protectedSecret, ChildClientId: not null } ? secrets.Unprotect(protectedSecret) : null;
        var valid = new LinkedInPushVerifier().IsValidSignature(body, signature, secret ?? UnknownTenantSecret);
        return valid ? (connection, secret) : (null, null);
    }

    /// <summary>Records a signed push of a type Attract does not handle (once per id) and acknowledges it.</summary>
    private static async Task<IResult> RecordUnhandledAsync(AttractDbContext db, ILogger logger, string id, string rawType, DateTime now, CancellationToken ct)
    {
        if (!await db.Set<LinkedInNotification>().AnyAsync(n => n.NotificationId == id, ct))
        {
            db.Add(new LinkedInNotification
            {
                NotificationId = id,
                Type = rawType.Length <= 100 ? rawType : rawType[..100],
                ReceivedAtUtc = now,
                Status = LinkedInNotificationStatus.Received,
                Outcome = "Push type not handled by Attract yet.",
            });
            if (!await SaveAsync(db, logger, id, ct))
            {
                return Unavailable("The push could not be recorded; retry it.");
            }
        }
        return Results.Ok();
    }

    /// <summary>
    /// An <c>INTEGRATION_STATUS_CHANGE</c>: reads the integrations of the request from LinkedIn and applies them to the
    /// connection; 503 when LinkedIn or the database fails, so LinkedIn retries the push.
    /// </summary>
    private static async Task<IResult> ApplyStatusChangeAsync(AttractDbContext db, ILogger logger, ILinkedInIntegrationsClient integrationsClient,
        LinkedInConnection connection, LinkedInAppCredentials app, LinkedInNotification notification, DateTime now, CancellationToken ct)
    {
        var pushId = notification.NotificationId;
        IReadOnlyList<AtsIntegration> integrations;
        notification.Attempts++;
        try
        {
            integrations = await integrationsClient.FindIntegrationsByRequestAsync(app, pushId, ct);
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var reason = ex is LinkedInApiException api ? LinkedInConnector.Describe(api) : "LinkedIn could not be reached (" + ex.GetType().Name + ").";
            notification.Status = LinkedInNotificationStatus.Failed;
            notification.Outcome = reason;
            connection.LastError = "Reading the integration status failed: " + reason;
            LogStatusFailed(logger, ex, pushId);
            await SaveAsync(db, logger, pushId, ct);
            // LinkedIn retries with the same id; a Failed notification is processed again.
            return Unavailable("Reading the integration status from LinkedIn failed; retry the push.");
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
                if (!await IsRecordedAsync(db, pushId, ct))
                {
                    return Unavailable("The push could not be recorded; retry it.");
                }
                LogDuplicate(logger, pushId);
                return Results.Ok(); // a concurrent delivery of the same push won the insert
            }
        }
        return Unavailable("The push could not be applied; retry it.");
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
            if (!await IsRecordedAsync(db, id, ct))
            {
                return false; // not a duplicate: a real failure, answered 503 so LinkedIn retries
            }
            LogDuplicate(logger, id);
            return true;
        }
    }

    /// <summary>Whether the notification id is stored, read on a fresh context (the caller's context is cleared of the failed insert first).</summary>
    private static async Task<bool> IsRecordedAsync(AttractDbContext db, string id, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // drop the failed insert; the query reads what is stored
        return await db.Set<LinkedInNotification>().AsNoTracking().AnyAsync(n => n.NotificationId == id, ct);
    }

    private static int NotificationIdMaxLength(AttractDbContext db) =>
        db.Model.FindEntityType(typeof(LinkedInNotification))?.FindProperty(nameof(LinkedInNotification.NotificationId))?.GetMaxLength() ?? 200;

    /// <summary>The one answer for an unknown tenant and for a missing or wrong signature.</summary>
    private static IResult NotVerified() =>
        Results.Problem("The push could not be verified.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    private static IResult Unavailable(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");

    /// <summary>A database or network failure is transient: 503 (LinkedIn retries the push), never a 500.</summary>
    private static async ValueTask<object?> TransientFailuresAs503(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !context.HttpContext.RequestAborted.IsCancellationRequested))
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Attract.LinkedIn.Push");
            LogTransient(logger, ex);
            return Unavailable("Attract could not process the request right now; retry it.");
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
        (false, true) => "Contract-level access enabled (it includes every Company-level feature)",
        _ => "no access enabled",
    };

    private static async Task<string?> ChildSecretAsync(AttractDbContext db, LinkedInSecrets secrets, string tenantId, CancellationToken ct)
    {
        var protectedSecret = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .Select(c => c.ChildClientSecretProtected)
            .FirstOrDefaultAsync(ct);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A LinkedIn push or challenge failed transiently; answered 503")]
    private static partial void LogTransient(ILogger logger, Exception ex);
}
