using System.Globalization;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInProspectInteractionsClient
{
    public IAsyncEnumerable<RecruiterSeat> GetSeatsAsync(LinkedInAppCredentials app, string contractUrn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractUrn);
        return PageAsync(app, $"v2/seatsV2?q=attributes&contracts={Q(contractUrn)}", Json.RecruiterSeat, null, cancellationToken);
    }

    public IAsyncEnumerable<RecruiterSeat> GetSeatsLegacyAsync(LinkedInAppCredentials app, string contractUrn, bool activeOnly = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractUrn);
        var active = activeOnly ? "&active=true" : "";
        return PageAsync(app, $"v2/seats?q=seatsByAttributes&contracts={Q(contractUrn)}{active}", Json.RecruiterSeat, null, cancellationToken);
    }

    public IAsyncEnumerable<ConversationEvent> GetConversationEventsAsync(LinkedInAppCredentials app, string viewerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewerSeatUrn);
        return PageWindowsAsync(app, from, to, (s, e) => $"v2/conversationEvents?q=criteria&viewer={Q(viewerSeatUrn)}&timeRange.start={N(s)}&timeRange.end={N(e)}", Json.ConversationEvent, cancellationToken);
    }

    public IAsyncEnumerable<MailStub> GetMailStubsAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractUrn);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerSeatUrn);
        return PageWindowsAsync(app, from, to, (s, e) => $"v2/mailStubs?q=contract&contract={Q(contractUrn)}&owners={Q(ownerSeatUrn)}&createdDateStart={N(s)}&createdDateEnd={N(e)}", Json.MailStub, cancellationToken);
    }

    public IAsyncEnumerable<ProspectNote> GetProspectNotesAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractUrn);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerSeatUrn);
        return PageWindowsAsync(app, from, to, (s, e) => $"v2/prospectNotes?q=criteria&contract={Q(contractUrn)}&owners={Q(ownerSeatUrn)}&beforeDate={N(e)}&cutoffDate={N(s)}", Json.ProspectNote, cancellationToken);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
