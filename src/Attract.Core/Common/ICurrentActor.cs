namespace Attract.Core.Common;

/// <summary>Who is making the current change; written to the audit trail and the outbox.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string? DisplayName { get; }
}

/// <summary>An actor with fixed values: the system (seeding, jobs) or a test.</summary>
public sealed record FixedActor(string? UserId, string? DisplayName) : ICurrentActor
{
    public static readonly FixedActor System = new(null, "System");
}
