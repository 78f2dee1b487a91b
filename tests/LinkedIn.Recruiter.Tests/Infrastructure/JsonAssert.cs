using System.Text.Json.Nodes;

namespace LinkedIn.Recruiter.Tests.Infrastructure;

public static class JsonAssert
{
    /// <summary>Asserts two JSON documents are equal (property order ignored).</summary>
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual!);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
    }
}
