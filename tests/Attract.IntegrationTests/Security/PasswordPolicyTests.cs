using System.Net;
using Attract.Core.Identity;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Attract.Web.Infrastructure.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>Passwords per OWASP ASVS V2.1: 12 characters or more, no composition rules, not a common password.</summary>
public sealed class PasswordPolicyTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("Sh0rt!pass", "Passwords must be at least 12 characters.")]
    [InlineData("qwerty123456", "one of the most commonly used passwords")]
    [InlineData("1qaz2wsx3edc", "one of the most commonly used passwords")]
    [InlineData("QAZWSXEDCRFV", "one of the most commonly used passwords")]
    [InlineData("Passw0rd!", "Passwords must be at least 12 characters.")]
    public async Task ChangePassword_WeakNewPassword_ShowsTheReasonOnThePage(string newPassword, string message)
    {
        var client = await _factory.SignedInClientAsync("recruiter@contoso.test");

        var response = await ChangeAsync(client, DemoSeeder.DemoPassword, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-testid=new-password-error]")!.TextContent, StringComparison.Ordinal);
        await _factory.SignedInClientAsync("recruiter@contoso.test"); // the old password still works
    }

    [Fact]
    public async Task ChangePassword_LongPassphraseWithoutDigitsOrSymbols_IsAcceptedAndSignsIn()
    {
        var client = await _factory.SignedInClientAsync("hiring.manager@contoso.test");

        var response = await ChangeAsync(client, DemoSeeder.DemoPassword, "correct horse battery staple");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Your password has been changed.", await (await client.GetAsync("/Settings/Password")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await _factory.SignedInClientAsync("hiring.manager@contoso.test", "correct horse battery staple");
        var old = await _factory.CreateClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "hiring.manager@contoso.test",
            ["Input.Password"] = DemoSeeder.DemoPassword,
        });
        Assert.Contains("Invalid email or password.", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsItOnThePage()
    {
        var client = await _factory.SignedInClientAsync("interviewer@contoso.test");

        var response = await ChangeAsync(client, "not-my-password", "correct horse battery staple");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("The current password is not correct.", page.QuerySelector("[data-testid=current-password-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validators_DemoOrListedPassword_IsRefusedForANewAccount()
    {
        _factory.CreateClient().Dispose();
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttractUser>>();

        var result = await users.CreateAsync(new AttractUser { UserName = "new@contoso.test", Email = "new@contoso.test" }, DemoSeeder.DemoPassword);

        var common = await users.CreateAsync(new AttractUser { UserName = "new2@contoso.test", Email = "new2@contoso.test" }, "PasswordPassword");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.Equal([CommonPasswordValidator.ErrorCode], common.Errors.Select(e => e.Code));
    }

    [Fact]
    public void CommonPasswordList_IsBundledWithTheTopHundredThousand()
    {
        Assert.True(CommonPasswordValidator.Count > 90_000, $"only {CommonPasswordValidator.Count} passwords");
        Assert.True(CommonPasswordValidator.IsCommon("123456"));
        Assert.True(CommonPasswordValidator.IsCommon("QWERTYQWERTY"));
        Assert.False(CommonPasswordValidator.IsCommon("correct horse battery staple"));
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        await client.PostFormAsync("/Settings/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
}
