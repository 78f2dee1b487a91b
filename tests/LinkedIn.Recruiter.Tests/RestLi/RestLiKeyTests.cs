namespace LinkedIn.Recruiter.Tests;

public class RestLiKeyTests
{
    private static readonly RestLiKey Candidate = RestLiKey.Of(
        ("atsCandidateId", "42"),
        ("dataProvider", "ATS"),
        ("integrationContext", "urn:li:organization:1001"));

    [Fact]
    public void ToString_UrnValue_PercentEncodesColonsInFieldOrder()
    {
        Assert.Equal("atsCandidateId=42&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001", Candidate.ToString());
    }

    [Fact]
    public void ToQueryString_Index_PrefixesEveryField()
    {
        Assert.Equal(
            "ids[3].atsCandidateId=42&ids[3].dataProvider=ATS&ids[3].integrationContext=urn%3Ali%3Aorganization%3A1001",
            Candidate.ToQueryString(3));
    }

    [Fact]
    public void ToBatchQueryString_TwoKeys_NumbersFromZero()
    {
        var a = RestLiKey.Of(("x", "1"));
        var b = RestLiKey.Of(("x", "2"));

        Assert.Equal("ids[0].x=1&ids[1].x=2", RestLiKey.ToBatchQueryString([a, b]));
    }

    [Theory]
    [InlineData("a&b", "a%26b")]
    [InlineData("a=b", "a%3Db")]
    [InlineData("a b", "a%20b")]
    [InlineData("50%", "50%25")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a/b?c#d", "a%2Fb%3Fc%23d")]
    [InlineData("(x,y)", "%28x%2Cy%29")]
    [InlineData("Zoë", "Zo%C3%AB")]
    [InlineData("A-z_0.9~", "A-z_0.9~")]
    public void Encode_ReservedOrNonAscii_PercentEncodesOnlyNonUnreserved(string value, string expected)
    {
        Assert.Equal(expected, RestLiKey.Encode(value));
        Assert.Equal($"id={expected}", RestLiKey.Of(("id", value)).ToString());
    }

    [Theory]
    [InlineData("a&b=c")]
    [InlineData("urn:li:organization:1001")]
    [InlineData("50% off / now?")]
    [InlineData("Zoë (née Smith)")]
    public void Parse_RoundTrip_RestoresDecodedValue(string value)
    {
        var key = RestLiKey.Of(("atsCandidateId", value), ("dataProvider", "ATS"));

        var parsed = RestLiKey.Parse(key.ToString());

        Assert.Equal(value, parsed["atsCandidateId"]);
        Assert.Equal(key, parsed);
    }

    [Fact]
    public void Equals_SameFieldsDifferentOrder_EqualWithSameHashCode()
    {
        var reordered = RestLiKey.Parse("integrationContext=urn%3Ali%3Aorganization%3A1001&atsCandidateId=42&dataProvider=ATS");

        Assert.Equal(Candidate, reordered);
        Assert.Equal(Candidate.GetHashCode(), reordered.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentValue_NotEqual()
    {
        Assert.NotEqual(Candidate, RestLiKey.Of(("atsCandidateId", "43"), ("dataProvider", "ATS"), ("integrationContext", "urn:li:organization:1001")));
        Assert.NotEqual(Candidate, RestLiKey.Of(("atsCandidateId", "42"), ("dataProvider", "ATS")));
    }

    [Fact]
    public void Parse_RestLi2ObjectNotation_EqualsSameKey()
    {
        var parsed = RestLiKey.Parse("(atsCandidateId:42,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1001)");

        Assert.Equal(Candidate, parsed);
        Assert.Equal("urn:li:organization:1001", parsed["integrationContext"]);
    }

    [Fact]
    public void ToCanonicalString_UnsortedFields_SortsByName()
    {
        var key = RestLiKey.Of(("tenantType", "RECRUITER"), ("integrationContext", "urn:li:organization:1"), ("dataProvider", "ATS"));

        Assert.Equal("dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1&tenantType=RECRUITER", key.ToCanonicalString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("a=1&a=2")]
    public void TryParse_Malformed_ReturnsFalse(string input)
    {
        Assert.False(RestLiKey.TryParse(input, out _));
        Assert.Throws<FormatException>(() => RestLiKey.Parse(input));
    }

    [Fact]
    public void Constructor_DuplicateField_Throws()
    {
        Assert.Throws<ArgumentException>(() => RestLiKey.Of(("a", "1"), ("a", "2")));
    }

    [Fact]
    public void AtsIntegrationKey_ToRestLiKey_UsesContractFieldOrder()
    {
        var key = new AtsIntegrationKey("urn:li:contract:7001", AtsIntegrationTypes.CsaApi);

        Assert.Equal(
            "integrationContext=urn%3Ali%3Acontract%3A7001&integrationType=CSA_API&tenantType=RECRUITER&dataProvider=ATS",
            key.ToRestLiKey().ToString());
    }
}
