using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary><c>/login</c> and <c>/logout</c>: LinkedIn's sign-in screen (every account's password is the seeded one).</summary>
internal static class LoginScreen
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/login", (string? returnUrl, string? error) => Render(returnUrl, error));
        app.MapPost("/login", (Delegate)((HttpContext ctx) => SignInAsync(ctx, simulation)));
        app.MapPost("/logout", (HttpContext ctx) => SignOut(ctx, simulation));
        app.MapGet("/logout", (HttpContext ctx) => SignOut(ctx, simulation));
    }

    private static async Task<IResult> SignInAsync(HttpContext ctx, Simulation simulation)
    {
        var form = await ctx.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        var member = simulation.World.FindByEmail(form["email"].ToString());
        if (member is null || form["password"].ToString() != SeededWorld.Password)
        {
            return Render(returnUrl, "Wrong email or password.");
        }
        simulation.SignIn(ctx, member);
        return Results.Redirect(Local(returnUrl));
    }

    private static IResult SignOut(HttpContext ctx, Simulation simulation)
    {
        simulation.SignOut(ctx);
        return Results.Redirect("/login");
    }

    private static IResult Render(string? returnUrl, string? error)
    {
        var body = $"""
            <h1>Sign in</h1>
            <p class="muted">Stay updated on your professional world. (Simulated LinkedIn: every account's password is <code>{E(SeededWorld.Password)}</code>.)</p>
            {(error is null ? "" : $"<p class=\"err\" id=\"login-error\">{E(error)}</p>")}
            <form method="post" action="/login">
              {Hidden("returnUrl", returnUrl)}
              <p><label>Email<br><input type="email" name="email" id="email" autocomplete="username"></label></p>
              <p><label>Password<br><input type="password" name="password" id="password" autocomplete="current-password"></label></p>
              <p><button type="submit" id="sign-in">Sign in</button></p>
            </form>
            <p class="muted">Accounts: admin@linkedin.test, recruiter@linkedin.test, hiring.manager@linkedin.test, casey.colleague@linkedin.test, jordan.sourcer@linkedin.test; any member can sign in with their email.</p>
            """;
        return Page("Sign in", body, chrome: false);
    }
}
