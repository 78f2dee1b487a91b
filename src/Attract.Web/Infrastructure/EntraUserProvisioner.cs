using System.Security.Claims;
using Attract.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Gives every Entra ID sign-in an <see cref="AttractUser"/>, so Entra users can sit on hiring teams, author notes and
/// link a LinkedIn seat exactly like local accounts. The user is found by an external login keyed on the token's tenant
/// and object ids (never by email, which Entra does not guarantee to be verified), created on first sign-in, and kept in
/// step with Entra on every sign-in: display name, email and Attract roles. The principal's name identifier is then the
/// Attract user id, which is what the pages and the LinkedIn integration use.
/// </summary>
public sealed partial class EntraUserProvisioner(UserManager<AttractUser> users, ILogger<EntraUserProvisioner> logger)
{
    public const string LoginProvider = "EntraID";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string TenantIdClaim = "http://schemas.microsoft.com/identity/claims/tenantid";

    /// <summary>Creates or updates the user behind <paramref name="identity"/> and points its name identifier at them.</summary>
    public async Task<AttractUser> ProvisionAsync(ClaimsIdentity identity)
    {
        var objectId = First(identity, "oid", ObjectIdClaim)
            ?? throw new InvalidOperationException("The Entra ID token has no object id (oid) claim.");
        var tenantId = First(identity, "tid", TenantIdClaim) ?? "";
        var key = tenantId.Length == 0 ? objectId : $"{tenantId}.{objectId}";
        var email = First(identity, "email", ClaimTypes.Email, "preferred_username", ClaimTypes.Upn);
        var name = First(identity, "name", identity.NameClaimType) ?? email ?? objectId;

        var user = await users.FindByLoginAsync(LoginProvider, key);
        if (user is null)
        {
            user = new AttractUser
            {
                UserName = email is not null && await users.FindByNameAsync(email) is null ? email : "entra-" + objectId,
                Email = email,
                EmailConfirmed = email is not null,
                DisplayName = Trim(name),
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, key, "Microsoft Entra ID")));
            LogProvisioned(logger, user.Id);
        }
        else if (user.DisplayName != Trim(name) || (email is not null && user.Email != email))
        {
            user.DisplayName = Trim(name);
            user.Email = email ?? user.Email;
            Check(await users.UpdateAsync(user));
        }

        var granted = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).Where(r => Roles.All.Contains(r, StringComparer.Ordinal)).ToHashSet();
        var current = await users.GetRolesAsync(user);
        var stale = current.Where(r => !granted.Contains(r)).ToList();
        if (stale.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, stale));
        }
        var missing = granted.Where(r => !current.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missing));
        }

        foreach (var claim in identity.FindAll(ClaimTypes.NameIdentifier).ToList())
        {
            identity.RemoveClaim(claim);
        }
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        if (!identity.HasClaim(c => c.Type == AttractClaimsPrincipalFactory.DisplayNameClaim))
        {
            identity.AddClaim(new Claim(AttractClaimsPrincipalFactory.DisplayNameClaim, user.DisplayName));
        }
        return user;
    }

    private static string? First(ClaimsIdentity identity, params string[] types) =>
        types.Select(t => identity.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string Trim(string value) => value.Length <= 200 ? value : value[..200];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not provision the Entra ID user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned Attract user {UserId} on first Entra ID sign-in")]
    private static partial void LogProvisioned(ILogger logger, string userId);
}
