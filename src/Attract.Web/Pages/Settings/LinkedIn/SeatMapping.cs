using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;

namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>Maps a user's LinkedIn account to their Recruiter seat on the connected contract.</summary>
public static class SeatMapping
{
    /// <summary>The app users sign in to: the company's Attract (child) application once provisioned, else the partner app.</summary>
    public static async Task<LinkedInAppCredentials> SignInAppAsync(LinkedInConnector connector, CancellationToken ct) =>
        connector.ChildApp(await connector.GetConnectionAsync(ct)) ?? connector.ParentApp;

    /// <summary>Updates <paramref name="link"/> from the member's contracts (<c>recruiterContracts?q=viewer</c> lists their seat per contract).</summary>
    public static void Apply(LinkedInUserLink link, LinkedInConnection connection, IReadOnlyList<RecruiterContract> contracts)
    {
        if (!connection.IsProvisioned || connection.ContractUrn is null)
        {
            link.ContractUrn = null;
            link.SeatUrn = null;
            link.SeatMessage = "An administrator has not connected Attract to a LinkedIn Recruiter contract yet.";
            return;
        }
        link.ContractUrn = connection.ContractUrn;
        var seat = contracts.FirstOrDefault(c => c.Id == connection.ContractUrn)?.Seat;
        link.SeatUrn = seat;
        link.SeatMessage = seat is null
            ? $"Your LinkedIn account holds no Recruiter seat on the contract \"{connection.ContractName}\"."
            : null;
    }

    public static string? Reason(IndexModel.CompanyView company, IndexModel.LinkView? link) =>
        !company.Connected ? "An administrator has not connected Attract to a LinkedIn Recruiter contract yet."
        : link is null ? "Connect your LinkedIn account to map your Recruiter seat."
        : link.ContractUrn != company.ContractUrn ? $"Reconnect your LinkedIn account to map your seat on \"{company.ContractName}\"."
        : link.SeatUrn is null ? link.SeatMessage ?? "No Recruiter seat found."
        : null;
}
