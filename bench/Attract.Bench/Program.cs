using System.Diagnostics;
using Attract.Core.Access;
using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.Web.Infrastructure;
using Attract.Web.Pages.Prospects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Seeds (once) a SQLite database with the demo company at benchmark size, then times the queries the busiest pages run.
//   dotnet run -c Release --project bench/Attract.Bench -- [candidates=100000] [database path]
var candidates = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"attract-bench-{candidates}.db");

var services = new ServiceCollection()
    .AddSingleton(TimeProvider.System)
    .AddDbContext<AttractDbContext>(o => o.UseSqlite($"Data Source={path}", x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly)))
    .BuildServiceProvider();

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
    await db.Database.MigrateAsync();
}
var seed = Stopwatch.StartNew();
await DemoCompanySeeder.SeedAsync(services, candidates);
Console.WriteLine($"Database {path}; seeding (skipped when already seeded) took {seed.Elapsed.TotalSeconds:F1} s");

var admin = Viewer.Of("bench-admin", Roles.Admin);
string sampleEmail;
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
    sampleEmail = await db.CandidateEmails.OrderBy(e => e.Id).Skip(candidates / 2).Select(e => e.Address).FirstAsync();
    // The search must drive from the term index (a range SEARCH on the (Term, CandidateId) key), not scan candidates.
    var search = db.Candidates.AsNoTracking().Matching(db.CandidateSearchTerms, "jan smi");
    Console.WriteLine($"Query plan, search 'jan smi' (matches): {await QueryPlanAsync(db, search.Select(c => c.Id))}");
    Console.WriteLine($"Query plan, search 'jan smi' (page 1): {await QueryPlanAsync(db, search.InListOrder().Take(25).Select(c => c.Id))}");
}
// Baseline measured in the same run: a query that must read every candidate row (no index can answer it).
// Each figure is reported as a ratio to it, because absolute times on shared machines are noisy.
var baseline = await TimeAsync("Baseline: full scan (count of candidates whose current title contains 'zzzz')", async db =>
    await db.Candidates.AsNoTracking().CountAsync(c => c.CurrentTitle!.Contains("zzzz")));
var results = new List<(string Name, double Median)>
{
    await TimeAsync("Candidate list: count + page 1", async db =>
    {
        var q = db.Candidates.AsNoTracking().VisibleTo(admin);
        await q.CountAsync();
        await q.InListOrder().Take(25).Select(c => new { c.Id, c.FirstName, c.LastName, Email = c.Emails.Select(e => e.Address).FirstOrDefault() }).ToListAsync();
    }),
    await TimeAsync("Candidate list: last page", async db =>
        await db.Candidates.AsNoTracking().InListOrder().Skip(candidates - 25).Take(25).Select(c => c.Id).ToListAsync()),
    await TimeAsync("Candidate search 'smith': count + page 1", async db => await SearchPageAsync(db, "smith")),
    await TimeAsync("Candidate search 'jan smi' (two words): count + page 1", async db => await SearchPageAsync(db, "jan smi")),
    await TimeAsync("Candidate search by whole email: count + page 1", async db => await SearchPageAsync(db, sampleEmail)),
    await TimeAsync("Candidate search 'zzzz' (no match): count + page 1", async db => await SearchPageAsync(db, "zzzz")),
    await TimeAsync("Candidate search 'com' (broad prefix, ~17,000 matches): count + page 1", async db => await SearchPageAsync(db, "com")),
    await TimeAsync("Duplicate check by email (indexed)", async db =>
        await db.CandidateEmails.AsNoTracking().Where(e => e.Normalized == "nobody@example.com").Select(e => e.CandidateId).ToListAsync()),
    await TimeAsync("Duplicate check by LinkedIn URL (indexed)", async db =>
        await db.Candidates.AsNoTracking().Where(c => c.LinkedInProfileKey == "in/nobody").Select(c => c.Id).ToListAsync()),
    await TimeAsync("Prospects waiting (admin)", async db => await db.WaitingProspects(admin).CountAsync()),
    await TimeAsync("Outbox: next 100 unprocessed", async db =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAtUtc == null).OrderBy(m => m.Id).Take(100).ToListAsync()),
};
Console.WriteLine($"{baseline.Item2,8:F1} ms  1.000 x  {baseline.Item1}");
foreach (var (name, median) in results)
{
    Console.WriteLine($"{median,8:F1} ms  {median / baseline.Item2,7:F3} x  {name}");
}

static async Task<string> QueryPlanAsync(AttractDbContext db, IQueryable query)
{
    await db.Database.OpenConnectionAsync();
    await using var command = query.CreateDbCommand();
    command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
    var details = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        details.Add(reader.GetString(3));
    }
    return string.Join("; ", details);
}

static async Task SearchPageAsync(AttractDbContext db, string text)
{
    var q = db.Candidates.AsNoTracking().Matching(db.CandidateSearchTerms, text);
    await q.CountAsync();
    await q.InListOrder().Take(25).Select(c => c.Id).ToListAsync();
}

async Task<(string, double)> TimeAsync(string name, Func<AttractDbContext, Task> query)
{
    var times = new List<double>();
    for (var i = 0; i < 12; i++)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var watch = Stopwatch.StartNew();
        await query(db);
        if (i >= 2)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    times.Sort();
    return (name, times[times.Count / 2]);
}
