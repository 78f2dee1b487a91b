using Attract.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Seeds the four demo accounts once (Development and Testing only, through <c>Attract:SeedDemoData</c>).
/// Re-running is harmless: existing users and roles are left alone.
/// </summary>
public static class DemoSeeder
{
    public const string DemoPassword = "Passw0rd!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoUsers =
    [
        ("admin@contoso.test", "Avery Admin", Roles.Admin),
        ("recruiter@contoso.test", "Riley Recruiter", Roles.Recruiter),
        ("hiring.manager@contoso.test", "Harper Manager", Roles.HiringManager),
        ("interviewer@contoso.test", "Indigo Interviewer", Roles.Interviewer),
    ];

    public static async Task SeedRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public static async Task SeedDemoUsersAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttractUser>>();
        foreach (var (email, name, role) in DemoUsers)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new AttractUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            // The demo password is short and common, so it cannot pass the password policy: it is stored as a hash
            // directly. Demo accounts exist only in Development and Testing (ProductionGuard).
            user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoPassword);
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
