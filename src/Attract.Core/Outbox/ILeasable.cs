namespace Attract.Core.Outbox;

/// <summary>A row that workers lease before working on it (<see cref="Leases"/>): an outbox row, a received LinkedIn push.</summary>
public interface ILeasable
{
    /// <summary>The owner token of the worker holding the lease; null when nobody does.</summary>
    string? ClaimedBy { get; set; }

    /// <summary>Until when the lease holds, or (with no owner) the earliest time of the next attempt.</summary>
    DateTime? ClaimedUntilUtc { get; set; }
}
