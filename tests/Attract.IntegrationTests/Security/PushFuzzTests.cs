using System.Text;
using Attract.IntegrationTests.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Xunit.Abstractions;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// Random and oversize bodies (deterministic: a fixed seed) against the push endpoint, each sent signed and unsigned,
/// and random challenge codes against the challenge: no answer may be a server error.
/// </summary>
public sealed class PushFuzzTests(ITestOutputHelper output) : IDisposable
{
    public const int Seed = 20261204;
    public const int PushBodies = 250;
    public const int ChallengeCodes = 250;

    private readonly Mock<ILinkedInIntegrationsClient> _linkedIn = new();
    private AttractFactory? _factory;

    public void Dispose() => _factory?.Dispose();

    private AttractFactory Factory => _factory ??= new AttractFactory().WithServices(s =>
    {
        _linkedIn.Setup(c => c.FindIntegrationsByRequestAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        s.AddSingleton(_linkedIn.Object);
    });

    [Fact]
    public async Task Push_RandomAndOversizeBodies_NoServerErrors()
    {
        await Factory.SeedConnectionAsync();
        var client = Factory.CreateClient();
        var random = new Random(Seed);
        var failures = new List<string>();
        var cases = 0;
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < PushBodies; i++)
        {
            var body = RandomBody(random, i);
            foreach (var signed in new[] { true, false })
            {
                var tenant = i % 10 == 9 ? PercentEncode(RandomText(random, random.Next(1, 120)).Replace('\0', '0')) : TenantId;
                var signature = signed ? LinkedInPushVerifier.ComputeSignature(body, ChildSecret) : RandomAscii(random, random.Next(0, 80));
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/integrations/linkedin/push/{tenant}")
                {
                    Content = new ByteArrayContent(body),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                request.Headers.TryAddWithoutValidation(LinkedInPushVerifier.SignatureHeader, signature);
                using var response = await client.SendAsync(request);
                cases++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500 && status != 503)
                {
                    failures.Add($"case {i} signed={signed}: {status} for {Preview(body)}");
                }
            }
        }
        output.WriteLine($"push fuzz: {cases} cases, {failures.Count} server errors; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(cases >= 2 * PushBodies);
        Assert.Empty(failures);
        Assert.Contains(200, statuses.Keys); // some signed bodies were accepted, so the fuzz reached past the signature check
        Assert.Contains(400, statuses.Keys);
        Assert.Contains(401, statuses.Keys);
        Assert.Contains(413, statuses.Keys);
    }

    [Fact]
    public async Task Challenge_RandomCodes_NoServerErrorsAndOnlyUuidsAnswered()
    {
        await Factory.SeedConnectionAsync();
        var client = Factory.CreateClient();
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        var answered = 0;
        for (var i = 0; i < ChallengeCodes; i++)
        {
            var code = (i % 5) switch
            {
                0 => Guid.NewGuid().ToString(),
                1 => "hmacsha256=" + Encoding.UTF8.GetString(RandomBody(random, i)),
                _ => RandomText(random, random.Next(0, i % 7 == 0 ? 5000 : 60)),
            };
            using var response = await client.GetAsync($"/integrations/linkedin/push/{TenantId}?challengeCode={PercentEncode(code)}");
            var status = (int)response.StatusCode;
            var isUuid = Guid.TryParseExact(code, "D", out _);
            if (status >= 500 || (status == 200) != isUuid)
            {
                failures.Add($"code #{i} '{Preview(Encoding.UTF8.GetBytes(code))}': {status}");
            }
            answered += status == 200 ? 1 : 0;
        }
        output.WriteLine($"challenge fuzz: {ChallengeCodes} cases, {failures.Count} failures, {answered} UUIDs answered");
        Assert.Empty(failures);
        Assert.Equal(ChallengeCodes / 5, answered);
    }

    /// <summary>Pushes of many shapes: valid-looking JSON with hostile values, broken JSON, deep nesting, random bytes, oversize.</summary>
    public static byte[] RandomBody(Random random, int i)
    {
        string[] types = ["EXPORT_CANDIDATE_PROFILE", "INTEGRATION_STATUS_CHANGE", "RESYNC_JOBS", "", "export_candidate_profile"];
        string Value() => random.Next(12) switch
        {
            0 => "null",
            1 => "true",
            2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => "1e308",
            4 => "-0.5",
            5 => "[]",
            6 => "{}",
            7 => "\"" + new string('x', random.Next(150, 400)) + "\"",
            8 => "\"" + Escape(RandomText(random, random.Next(0, 40))) + "\"",
            9 => "\"" + types[random.Next(types.Length)] + "\"",
            10 => "\"fuzz-" + i + "\"",
            _ => "\"\\u0000\\ud800\"",
        };
        return (i % 9) switch
        {
            0 => RandomBytes(random, random.Next(0, 2048)),
            1 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 3000)) + new string(']', random.Next(0, 10))),
            2 => Encoding.UTF8.GetBytes($$"""{"id":"fuzz-{{i}}","type":"{{types[random.Next(2)]}}","expiresAt":{{Value()}}}"""),
            3 => Encoding.UTF8.GetBytes($$"""{"id":{{Value()}},"type":{{Value()}},"expiresAt":{{Value()}}}"""),
            4 => Truncated(Encoding.UTF8.GetBytes($$"""{"id":"fuzz-{{i}}","type":"{{types[random.Next(types.Length)]}}"}"""), random),
            5 => random.Next(3) == 0 ? new byte[random.Next(65 * 1024, 200 * 1024)] : Encoding.UTF8.GetBytes(new string(' ', random.Next(0, 60_000)) + "{}"),
            6 => Encoding.UTF8.GetBytes($$"""{"id":"fuzz-{{i}}","type":"{{types[random.Next(types.Length)]}}","expiresAt":1900000000000,"extra":{{Value()}}}"""),
            7 => Encoding.UTF8.GetBytes($$"""{"id":"{{Escape(RandomText(random, random.Next(1, 260)))}}","type":"EXPORT_CANDIDATE_PROFILE"}"""),
            _ => Encoding.UTF8.GetBytes($$"""{"id":"fuzz-{{i}}","type":"INTEGRATION_STATUS_CHANGE","expiresAt":{{random.NextInt64(-10_000_000_000_000, 10_000_000_000_000)}}}"""),
        };
    }

    private static byte[] Truncated(byte[] json, Random random) => json[..random.Next(1, json.Length)];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random text from ASCII, controls, quotes, Unicode (accents, CJK, emoji) and lone surrogates.</summary>
    public static string RandomText(Random random, int length)
    {
        const string pool = "abcXYZ0189 -_./\\\"'<>&%{}[]:;,=+?#\t\r\nédßø中文🙂\u0000\u202e";
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(20) == 0 ? (char)random.Next(0xD800, 0xDFFF) : pool[random.Next(pool.Length)]);
        }
        return sb.ToString();
    }

    /// <summary>JSON string content with every character but ASCII letters and digits as a \u escape (lone surrogates included).</summary>
    private static string Escape(string s) => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:x4}"));

    /// <summary>Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD).</summary>
    private static string PercentEncode(string s) => string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:X2}"));

    private static string RandomAscii(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x21, 0x7f)).ToArray());

    private static string Preview(byte[] body) => Convert.ToBase64String(body[..Math.Min(body.Length, 60)]);
}
