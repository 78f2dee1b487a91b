using System.IO.Compression;
using Attract.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Attract.Web.Infrastructure.Passwords;

/// <summary>
/// The password rules (OWASP ASVS 4, V2.1): at least <c>Auth:Password:RequiredLength</c> (12) characters, no composition
/// rules (no required digits, cases or symbols), and not one of the 100,000 most common passwords
/// (<see cref="CommonPasswordValidator"/>). Identity applies them wherever a password is set (the change-password page);
/// the demo accounts are seeded with a hash directly, and only in Development and Testing.
/// </summary>
public static class PasswordPolicy
{
    public const int DefaultRequiredLength = 12;

    public static void Apply(PasswordOptions options, IConfiguration config)
    {
        options.RequiredLength = Math.Max(DefaultRequiredLength, config.GetValue("Auth:Password:RequiredLength", DefaultRequiredLength));
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}

/// <summary>
/// Refuses a password found (ignoring case) in the bundled list of the 100,000 most common passwords:
/// <c>common-passwords.txt.gz</c>, an embedded resource (source and licence in docs/security.md).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AttractUser>
{
    public const string ErrorCode = "CommonPassword";
    private const string ResourceName = "Attract.Web.Infrastructure.Passwords.common-passwords.txt.gz";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the bundled list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<AttractUser> manager, AttractUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the most commonly used passwords. Choose one that is harder to guess, such as a few unrelated words.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var resource = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
