namespace LinkedIn.Recruiter.Tests;

public class PkceTests
{
    [Fact]
    public void CreateCodeChallenge_Rfc7636Vector_MatchesAppendixB()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.CreateCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void CreateCodeVerifier_Twice_UrlSafeUniqueAndLongEnough()
    {
        var a = Pkce.CreateCodeVerifier();
        var b = Pkce.CreateCodeVerifier();

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
    }
}
