using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Testing;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Export;

/// <summary>A factory with a mocked LinkedIn client (more in <c>more</c>) and no background jobs; the tests drive the processors directly.</summary>
public static class ExportTestData
{
    public const string SeatOfRecruiter = "urn:li:seat:9002";
    public const string SeatOfOther = "urn:li:seat:9003";

    public static AttractFactory CreateFactory<TClient>(TClient client, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? more = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, PostgresTestDatabase? database = null)
        where TClient : class =>
        new AttractFactory(provider, database)
            .WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
            .WithServices(s =>
            {
                Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(s, client);
                more?.Invoke(s);
            });

    public static async Task LinkSeatAsync(this AttractFactory factory, string email, string seat)
    {
        var userId = await factory.UserIdAsync(email);
        await factory.WithDbAsync(async db =>
        {
            db.Add(new LinkedInUserLink
            {
                UserId = userId,
                PersonUrn = "urn:li:person:" + seat[(seat.LastIndexOf(':') + 1)..],
                SeatUrn = seat,
                ContractUrn = LinkedInTestData.Contract,
                ConnectedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
    }

    public static Task<int> RecordExportAsync(this AttractFactory factory, string requestId) =>
        factory.WithDbAsync(async db =>
        {
            var n = new LinkedInNotification
            {
                NotificationId = requestId,
                Type = "EXPORT_CANDIDATE_PROFILE",
                ReceivedAtUtc = DateTime.UtcNow,
                Status = LinkedInNotificationStatus.Received,
            };
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    public static Task<LinkedInNotification> NotificationAsync(this AttractFactory factory, string requestId) =>
        factory.WithDbAsync(db => db.Set<LinkedInNotification>().AsNoTracking().SingleAsync(n => n.NotificationId == requestId));

    public static ExportedCandidate Exported(string requestId, string jobCode, string member = "urn:li:person:m1", string? email = null,
        string? profileUrl = "https://www.linkedin.com/in/grace-hopper", string seat = SeatOfRecruiter) => new()
        {
            Id = "exp-" + requestId,
            RequestId = requestId,
            Member = member,
            FirstName = "Grace",
            LastName = "Hopper",
            Headline = "Compiler pioneer",
            Location = new ExportedLocation { City = "Arlington", Region = "Virginia", CountryCode = "us" },
            PublicProfileUrl = profileUrl,
            EmailAddress = email,
            CurrentCompanyName = "US Navy",
            CurrentTitle = "Rear Admiral",
            ExternalJobPostingId = jobCode,
            IntegrationContext = LinkedInTestData.Organization,
            Exporter = new Exporter { Seat = seat, Contract = LinkedInTestData.Contract },
            ExportedAt = 1_780_000_000_000,
        };

    public static Task<string> JobCodeAsync(this AttractFactory factory, int jobId) =>
        factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.Code).SingleAsync());

    public static Task<int> CountAsync<T>(this AttractFactory factory, System.Linq.Expressions.Expression<Func<T, bool>> where) where T : class =>
        factory.WithDbAsync(db => db.Set<T>().CountAsync(where));
}

/// <summary>
/// Once armed, fails the SaveChanges that marks an export Processed (after the candidate and application were saved in
/// the same transaction): to prove the intake's transaction leaves nothing behind.
/// </summary>
public sealed class FailOnProcessedInterceptor : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context is AttractDbContext db
            && db.ChangeTracker.Entries<LinkedInNotification>().Any(e => e.State == EntityState.Modified && e.Entity.Status == LinkedInNotificationStatus.Processed))
        {
            throw new DbUpdateException("Simulated database failure while saving the export.");
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
