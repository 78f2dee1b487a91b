using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Data;

/// <summary>The generic lease (<see cref="Leases"/>) on a row that is not an outbox row: a received LinkedIn push.</summary>
public sealed class LeasesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<int> AddNotificationAsync() => _factory.WithDbAsync(async db =>
    {
        var n = new LinkedInNotification { NotificationId = Guid.NewGuid().ToString("N"), Type = "EXPORT_CANDIDATE_PROFILE", ReceivedAtUtc = Now };
        db.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    private Task<int> ClaimAsync(int id, string owner, DateTime now) =>
        _factory.WithDbAsync(db => db.Set<LinkedInNotification>().Where(n => n.Id == id).ClaimAsync(owner, now, Lease));

    private Task<LinkedInNotification> ReadAsync(int id) =>
        _factory.WithDbAsync(db => db.Set<LinkedInNotification>().AsNoTracking().SingleAsync(n => n.Id == id));

    [Fact]
    public async Task ClaimAsync_SeveralOwnersAtOnce_ExactlyOneHoldsTheRow()
    {
        var id = await AddNotificationAsync();
        var owners = Enumerable.Range(0, 4).Select(_ => Leases.NewOwner("test")).ToList();

        var claimed = await Task.WhenAll(owners.Select(owner => ClaimAsync(id, owner, Now)));

        Assert.Equal(1, claimed.Sum());
        var row = await ReadAsync(id);
        Assert.Equal(owners[Array.IndexOf(claimed, 1)], row.ClaimedBy);
        Assert.Equal(Now + Lease, row.ClaimedUntilUtc);
    }

    [Fact]
    public async Task ReleaseAsync_LeaseRanOutAndWasTakenOver_ChangesNothing()
    {
        var id = await AddNotificationAsync();
        var (first, second) = (Leases.NewOwner("test"), Leases.NewOwner("test"));
        await ClaimAsync(id, first, Now);
        Assert.Equal(1, await ClaimAsync(id, second, Now + Lease + TimeSpan.FromSeconds(1)));

        var released = await _factory.WithDbAsync(db => db.Set<LinkedInNotification>().Where(n => n.Id == id)
            .ReleaseAsync(first, null, s => s.SetProperty(n => n.Outcome, "stale outcome")));

        Assert.Equal(0, released);
        var row = await ReadAsync(id);
        Assert.Equal(second, row.ClaimedBy);
        Assert.Null(row.Outcome);
    }

    [Fact]
    public async Task ReleaseAsync_WithNotBefore_RowIsNotClaimedAgainUntilThen()
    {
        var id = await AddNotificationAsync();
        var owner = Leases.NewOwner("test");
        await ClaimAsync(id, owner, Now);

        var released = await _factory.WithDbAsync(db => db.Set<LinkedInNotification>().Where(n => n.Id == id)
            .ReleaseAsync(owner, Now.AddMinutes(1), s => s.SetProperty(n => n.Outcome, "will retry")));
        var early = await ClaimAsync(id, Leases.NewOwner("test"), Now.AddSeconds(30));
        var late = await ClaimAsync(id, Leases.NewOwner("test"), Now.AddMinutes(1).AddSeconds(1));

        Assert.Equal((1, 0, 1), (released, early, late));
        Assert.Equal("will retry", (await ReadAsync(id)).Outcome);
    }
}
