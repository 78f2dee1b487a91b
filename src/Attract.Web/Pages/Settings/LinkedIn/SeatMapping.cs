namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>Why a user has no usable Recruiter seat, in words for the settings page.</summary>
public static class SeatMapping
{
    public static string? Reason(IndexModel.CompanyView company, IndexModel.LinkView? link) =>
        !company.Connected ? "An administrator has not connected Attract to a LinkedIn Recruiter contract yet."
        : link is null ? "Connect your LinkedIn account to map your Recruiter seat."
        : link.ContractUrn != company.ContractUrn ? $"Reconnect your LinkedIn account to map your seat on \"{company.ContractName}\"."
        : link.SeatUrn is null ? link.SeatMessage ?? "No Recruiter seat found."
        : null;
}
