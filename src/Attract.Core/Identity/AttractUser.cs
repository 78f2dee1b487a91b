using Microsoft.AspNetCore.Identity;

namespace Attract.Core.Identity;

/// <summary>A person who signs in to Attract: a local account, or one provisioned on first Entra ID sign-in.</summary>
public class AttractUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
