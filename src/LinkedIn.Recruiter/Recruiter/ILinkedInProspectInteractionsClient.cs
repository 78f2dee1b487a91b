namespace LinkedIn.Recruiter;

/// <summary>
/// Prospect interactions of a Recruiter contract (contract-scoped, paged): seats, InMail events, stub profiles and
/// prospect notes. Time ranges are fetched in windows of at most <c>MaxTimeWindow</c> (12 h).
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// </summary>
public interface ILinkedInProspectInteractionsClient
{
    /// <summary>Seat holders of a contract (<c>seatsV2?q=attributes</c>).</summary>
    IAsyncEnumerable<RecruiterSeat> GetSeatsAsync(LinkedInAppCredentials app, string contractUrn, CancellationToken cancellationToken = default);

    /// <summary>Seat holders via the legacy finder (<c>seats?q=seatsByAttributes</c>).</summary>
    IAsyncEnumerable<RecruiterSeat> GetSeatsLegacyAsync(LinkedInAppCredentials app, string contractUrn, bool activeOnly = true, CancellationToken cancellationToken = default);

    /// <summary>InMail events of a seat in [from, to), fetched in windows of at most 12 h.</summary>
    IAsyncEnumerable<ConversationEvent> GetConversationEventsAsync(LinkedInAppCredentials app, string viewerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Stub profiles owned by a seat created in [from, to), windows of at most 12 h.</summary>
    IAsyncEnumerable<MailStub> GetMailStubsAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Prospect notes of a seat last modified in [from (cutoffDate), to (beforeDate)), windows of at most 12 h.</summary>
    IAsyncEnumerable<ProspectNote> GetProspectNotesAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
