using Attract.Core.LinkedIn;

namespace Attract.UnitTests.LinkedIn;

/// <summary>The access-level rule: Contract-level access includes every Company-level feature.</summary>
public class LinkedInConnectionTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ApplyStatus_OnlyContractLevel_EnablesCompanyFeaturesWithoutSettingCompanyLevel()
    {
        var connection = new LinkedInConnection();

        connection.ApplyStatus([LinkedInIntegrationTypes.CsaApi], Now);

        Assert.Equal(LinkedInAccessLevel.ContractLevel, connection.AccessLevel);
        Assert.True(connection.CompanyFeaturesEnabled);
        Assert.False(connection.CompanyLevelEnabled);
        Assert.Equal([.. LinkedInIntegrationTypes.CompanyLevel, LinkedInIntegrationTypes.CsaApi], connection.EffectiveIntegrationTypes());
        Assert.Equal(Now, connection.CompanyFeaturesChangedAtUtc);
    }

    [Theory]
    [InlineData(false, LinkedInAccessLevel.None)]
    [InlineData(true, LinkedInAccessLevel.CompanyLevel)]
    public void ApplyStatus_ContractLevelTurnedOff_LeavesCompanyLevelAsSet(bool companyLevel, LinkedInAccessLevel expected)
    {
        var connection = new LinkedInConnection { CompanyLevelEnabled = companyLevel };
        string[] company = companyLevel ? [.. LinkedInIntegrationTypes.CompanyLevel] : [];
        connection.ApplyStatus([.. company, LinkedInIntegrationTypes.CsaApi], Now);

        connection.ApplyStatus(company, Now.AddHours(1));

        Assert.Equal(companyLevel, connection.CompanyLevelEnabled);
        Assert.Equal(companyLevel, connection.CompanyFeaturesEnabled);
        Assert.Equal(expected, connection.AccessLevel);
        Assert.Equal(Now.AddHours(1), connection.CompanyFeaturesChangedAtUtc);
    }

    [Theory]
    [InlineData(false, false, LinkedInAccessLevel.None)]
    [InlineData(true, false, LinkedInAccessLevel.CompanyLevel)]
    [InlineData(false, true, LinkedInAccessLevel.ContractLevel)]
    [InlineData(true, true, LinkedInAccessLevel.ContractLevel)]
    public void LevelOf_EachCombination_ContractLevelIncludesCompanyLevel(bool company, bool contract, LinkedInAccessLevel expected) =>
        Assert.Equal(expected, LinkedInConnection.LevelOf(company, contract));

    [Fact]
    public void HasCompanyFeatures_Expression_MatchesTheProperty()
    {
        var predicate = LinkedInConnection.HasCompanyFeatures.Compile();
        LinkedInConnection[] connections = [new(), new() { CompanyLevelEnabled = true }, new() { ContractLevelEnabled = true }];

        Assert.Equal(connections.Select(c => c.CompanyFeaturesEnabled), connections.Select(predicate));
    }
}
