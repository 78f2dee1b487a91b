using Attract.Core.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>A Recruiter contract the signed-in admin may connect, kept between the callback and the choice.</summary>
public sealed record PendingContract(string Id, string Name, string? Organization);

/// <summary>
/// What the admin's LinkedIn sign-in came to: a message for the page (null when there is nothing to say), and the
/// contracts to choose from when the admin holds seats on several and none is selected.
/// </summary>
public sealed record LinkedInAdminSignIn(string? StatusMessage, IReadOnlyList<PendingContract> ContractsToChoose);

public sealed partial class LinkedInConnector
{
    /// <summary>The app users sign in to: the company's Attract (child) application once provisioned, else the partner app.</summary>
    public async Task<LinkedInAppCredentials> UserSignInAppAsync(CancellationToken ct) =>
        ChildApp(await GetConnectionAsync(ct)) ?? ParentApp;

    /// <summary>
    /// The admin's OAuth callback: completes the sign-in, reads the member and their Recruiter contracts, then connects the
    /// one contract (provisioning the child application) or asks to choose. Failures are stored on the connection
    /// (<c>LastError</c>) and returned as an "Error: …" message.
    /// </summary>
    public async Task<LinkedInAdminSignIn> CompleteAdminSignInAsync(HttpContext http, string? userId, string? code, string? state,
        string? error, string? errorDescription, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct);
        try
        {
            var token = await CompleteSignInAsync(http, AdminFlow, ParentApp, code, state, error, errorDescription, ct);
            var me = await member.GetMeAsync(token.AccessToken, ct);
            var contracts = await member.GetRecruiterContractsAsync(token.AccessToken, ct);
            connection.AdminPersonUrn = me.PersonUrn;
            connection.ConnectedByUserId = userId;
            var selected = contracts.Where(c => c.Selected).ToList();
            var chosen = selected.Count == 1 ? selected[0] : contracts.Count == 1 ? contracts[0] : null;
            if (contracts.Count == 0)
            {
                throw new LinkedInSignInException($"{me.LocalizedFirstName} {me.LocalizedLastName} holds no LinkedIn Recruiter seat, so there is no contract to connect.");
            }
            if (chosen is null)
            {
                connection.LastOutcome = $"Signed in to LinkedIn as {me.LocalizedFirstName} {me.LocalizedLastName}; choose the Recruiter contract to connect.";
                connection.LastError = null;
                await SaveAsync(ct);
                return new(null, [.. contracts.Select(c => new PendingContract(c.Id, c.Name ?? c.Id, c.Organization))]);
            }
            await ConnectContractAsync(connection, chosen.Id, chosen.Name ?? chosen.Id, chosen.Organization, BaseUrl(http.Request), ct);
            return new(connection.LastOutcome, []);
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException)
        {
            connection.LastError = Describe(ex);
            await SaveAsync(ct);
            return new("Error: " + connection.LastError, []);
        }
    }

    /// <summary>
    /// A user's OAuth callback: completes the sign-in to their own LinkedIn account, stores the member and the tokens
    /// (encrypted) and maps their Recruiter seat on the connected contract. Returns the message for the page.
    /// </summary>
    public async Task<string> CompleteUserSignInAsync(HttpContext http, string userId, string? code, string? state,
        string? error, string? errorDescription, CancellationToken ct)
    {
        try
        {
            var app = await UserSignInAppAsync(ct);
            var token = await CompleteSignInAsync(http, UserFlow, app, code, state, error, errorDescription, ct);
            var me = await member.GetMeAsync(token.AccessToken, ct);
            var contracts = await member.GetRecruiterContractsAsync(token.AccessToken, ct);
            var link = await db.Set<LinkedInUserLink>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
            if (link is null)
            {
                link = new LinkedInUserLink { UserId = userId };
                db.Add(link);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            link.PersonUrn = me.PersonUrn;
            link.LinkedInName = $"{me.LocalizedFirstName} {me.LocalizedLastName}".Trim();
            link.AccessTokenProtected = secrets.Protect(token.AccessToken);
            link.RefreshTokenProtected = token.RefreshToken is null ? null : secrets.Protect(token.RefreshToken);
            link.ConnectedAtUtc = now;
            link.SeatCheckedAtUtc = now;
            MapSeat(link, await GetConnectionAsync(ct), contracts);
            await db.SaveChangesAsync(ct);
            return link.SeatUrn is null
                ? $"Connected your LinkedIn account ({link.LinkedInName}). {link.SeatMessage}"
                : $"Connected your LinkedIn account ({link.LinkedInName}) and mapped your Recruiter seat {link.SeatUrn}.";
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException)
        {
            return "Error: " + Describe(ex);
        }
    }

    /// <summary>Updates <paramref name="link"/> from the member's contracts (<c>recruiterContracts?q=viewer</c> lists their seat per contract).</summary>
    private static void MapSeat(LinkedInUserLink link, LinkedInConnection connection, IReadOnlyList<RecruiterContract> contracts)
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
}
