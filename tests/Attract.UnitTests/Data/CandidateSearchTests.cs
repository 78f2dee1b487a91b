using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

/// <summary>The candidate search against a real database with the migrated schema: in-memory SQLite and PostgreSQL.</summary>
public abstract class CandidateSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDb _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(provider);
        await using var db = _db.NewContext();
        db.Candidates.AddRange(
            Candidate("Jane", "Smith", "Contoso", "jane.smith@fabrikam.example"),
            Candidate("Janet", "Smithers", "Northwind", "janet@northwind.example"),
            Candidate("John", "Smith", "Fabrikam", "john@contoso.com"),
            Candidate("Zoë", "Doe", "Tailspin", "zoe@tailspin.example"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Candidate Candidate(string first, string last, string company, string email)
    {
        var candidate = Build.Candidate(first, last, email);
        candidate.CurrentCompany = company;
        return candidate;
    }

    private async Task<List<string>> SearchAsync(string? text)
    {
        await using var db = _db.NewContext();
        return await db.Candidates.AsNoTracking().Matching(db.CandidateSearchTerms, text).InListOrder()
            .Select(c => c.FirstName + " " + c.LastName).ToListAsync();
    }

    [Theory]
    [InlineData("jan", new[] { "Jane Smith", "Janet Smithers" })]
    [InlineData("SMITH", new[] { "Jane Smith", "John Smith", "Janet Smithers" })]
    [InlineData("smithe", new[] { "Janet Smithers" })]
    [InlineData("zoe", new[] { "Zoë Doe" })]
    [InlineData("zoë", new[] { "Zoë Doe" })]
    public async Task Matching_NamePrefix_FindsCandidatesInListOrder(string text, string[] expected) =>
        Assert.Equal(expected, await SearchAsync(text));

    [Fact]
    public async Task Matching_Company_FindsEmployeesAndEmailDomain()
    {
        Assert.Equal(["Jane Smith", "John Smith"], await SearchAsync("contoso"));
        Assert.Equal(["Jane Smith", "John Smith"], await SearchAsync("Fabrikam"));
    }

    [Fact]
    public async Task Matching_EmailAddressOrItsStart_FindsOwner()
    {
        Assert.Equal(["Jane Smith"], await SearchAsync("Jane.Smith@Fabrikam.example"));
        Assert.Equal(["John Smith"], await SearchAsync("john@con"));
        Assert.Equal(["John Smith"], await SearchAsync("@contoso.com"));
    }

    [Fact]
    public async Task Matching_SeveralWords_EveryWordMustMatch()
    {
        Assert.Equal(["Jane Smith", "Janet Smithers"], await SearchAsync("jan smi"));
        Assert.Equal(["Jane Smith"], await SearchAsync("smith fabrikam jane"));
        Assert.Equal(["John Smith"], await SearchAsync("smith contoso com"));
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("john northwind")]
    [InlineData("mith")]
    [InlineData("!!")]
    public async Task Matching_NoCandidateHasEveryWord_FindsNothing(string text) =>
        Assert.Empty(await SearchAsync(text));

    [Fact]
    public async Task Matching_Blank_FindsEveryone() =>
        Assert.Equal(4, (await SearchAsync("  ")).Count);

    [Fact]
    public async Task Matching_Query_RangeScansTheTermIndex()
    {
        await using var db = _db.NewContext();
        if (provider == DatabaseProvider.PostgreSql)
        {
            await AddCandidatesAsync(2000); // PostgreSQL's planner is cost-based: on four rows a scan is cheaper than any index
        }
        await db.Database.OpenConnectionAsync();
        await using var command = db.Candidates.Matching(db.CandidateSearchTerms, "jan smi").InListOrder().Select(c => c.Id).CreateDbCommand();
        command.CommandText = (provider == DatabaseProvider.PostgreSql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(provider == DatabaseProvider.PostgreSql ? 0 : 3));
            }
        }
        Console.WriteLine($"{provider} plan for \"jan smi\":{Environment.NewLine}{string.Join(Environment.NewLine, plan)}");

        if (provider == DatabaseProvider.PostgreSql)
        {
            // Each word is a range on the C-collated key: Index Only Scan using "PK_CandidateSearchTerms" … Index Cond:
            // (("Term" >= 'jan'::text) AND ("Term" < 'jan\uffff'::text)), never a sequential scan of the terms.
            Assert.Equal(2, plan.Count(p => p.Contains("Scan using \"PK_CandidateSearchTerms\" on \"CandidateSearchTerms\"", StringComparison.Ordinal)));
            Assert.Equal(2, plan.Count(p => p.Contains("Index Cond: ((\"Term\" >= ", StringComparison.Ordinal) && p.Contains("AND (\"Term\" < ", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, p => p.Contains("Seq Scan on \"CandidateSearchTerms\"", StringComparison.Ordinal));
            var collation = await db.Database.SqlQueryRaw<string>(
                "SELECT collation_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'CandidateSearchTerms' AND column_name = 'Term'").SingleAsync();
            Assert.Equal(AttractDbContext.PostgreSqlBinaryCollation, collation);
        }
        else
        {
            Assert.Equal(2, plan.Count(p => p.Contains("USING COVERING INDEX sqlite_autoindex_CandidateSearchTerms_1 (Term>? AND Term<?)", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
        }
    }

    /// <summary>Bulk candidates (two made-up words each), so that the database has a realistic amount of terms to plan for.</summary>
    private async Task AddCandidatesAsync(int count)
    {
        await using var db = _db.NewContext();
        db.TrackChanges = false;
        for (var i = 0; i < count; i++)
        {
            db.Candidates.Add(Candidate($"F{i:x5}", $"L{i:x5}", $"Company{i % 50}", $"person{i}@example{i % 20}.test"));
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    [Fact]
    public async Task SaveChanges_NameEditedWithoutLoadingTerms_OldNameGoneNewNameFound()
    {
        await using (var db = _db.NewContext())
        {
            var janet = await db.Candidates.SingleAsync(c => c.FirstName == "Janet");
            janet.SetName("Janet", "Jones");
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync("smithers"));
        Assert.Equal(["Janet Jones"], await SearchAsync("jan jon"));
        Assert.Equal(["Janet Jones"], await SearchAsync("janet@northwind.example"));
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.CandidateSearchTerms.CountAsync(t => t.Term == "janet"));
    }

    [Fact]
    public async Task SaveChanges_SameNameSetAgainWithoutLoadingTerms_WritesNothing()
    {
        await using var db = _db.NewContext();
        var zoe = await db.Candidates.Include(c => c.Emails).SingleAsync(c => c.LastName == "Doe");
        var rowsBefore = await TermRowIdsAsync(db, zoe.Id);

        zoe.SetName("Zoë", "Doe");
        var written = await db.SaveChangesAsync();

        Assert.Equal(0, written);
        Assert.Equal(rowsBefore, await TermRowIdsAsync(db, zoe.Id));
    }

    [Fact]
    public async Task SaveChanges_EmailsAndCompanyEdited_TermsFollow()
    {
        await using (var db = _db.NewContext())
        {
            var john = await db.Candidates.Include(c => c.Emails).SingleAsync(c => c.FirstName == "John");
            john.SetEmails(["john@adventure-works.example"]);
            john.CurrentCompany = "Adventure Works";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Jane Smith"], await SearchAsync("contoso"));
        Assert.Equal(["John Smith"], await SearchAsync("adventure works"));
        Assert.Equal(["John Smith"], await SearchAsync("john@adventure-works.example"));
    }

    [Fact]
    public async Task SaveChanges_UnrelatedChange_LeavesTermRowsAlone()
    {
        await using var db = _db.NewContext();
        var zoe = await db.Candidates.SingleAsync(c => c.LastName == "Doe");
        var rowsBefore = await TermRowIdsAsync(db, zoe.Id);

        zoe.City = "Lisbon";
        zoe.SetName("Zoë", "Doe");
        await db.SaveChangesAsync();

        Assert.Equal(rowsBefore, await TermRowIdsAsync(db, zoe.Id));
        Assert.Equal(["doe", "example", "tailspin", "zoe", "zoe@tailspin.example"],
            await db.CandidateSearchTerms.Where(t => t.CandidateId == zoe.Id).Select(t => t.Term).OrderBy(t => t).ToListAsync());
    }

    /// <summary>
    /// What identifies each stored term row's version: SQLite's rowid (a delete and insert changes it); on PostgreSQL the
    /// row's physical location and the transaction that wrote it (any update, delete or insert changes them).
    /// </summary>
    private Task<List<string>> TermRowIdsAsync(AttractDbContext db, int candidateId) => provider == DatabaseProvider.PostgreSql
        ? db.Database.SqlQuery<string>($"SELECT ctid::text || '/' || xmin::text AS \"Value\" FROM \"CandidateSearchTerms\" WHERE \"CandidateId\" = {candidateId} ORDER BY ctid").ToListAsync()
        : db.Database.SqlQuery<string>($"SELECT CAST(rowid AS TEXT) AS Value FROM CandidateSearchTerms WHERE CandidateId = {candidateId} ORDER BY rowid").ToListAsync();

    [Fact]
    public async Task Erase_Candidate_LeavesNoSearchTerms()
    {
        int id;
        await using (var db = _db.NewContext())
        {
            id = await db.Candidates.Where(c => c.FirstName == "Jane").Select(c => c.Id).SingleAsync();
            await CandidateEraser.EraseAsync(db, id, Build.Hasher);
            await db.SaveChangesAsync();
        }

        await using var check = _db.NewContext();
        Assert.False(await check.CandidateSearchTerms.AnyAsync(t => t.CandidateId == id));
        Assert.False(await check.CandidateSearchTerms.AnyAsync(t => t.Term.StartsWith("jane.smith")));
        Assert.DoesNotContain("Jane Smith", await SearchAsync("jane smith"));
    }
}

public sealed class CandidateSearchSqliteTests() : CandidateSearchTests(DatabaseProvider.Sqlite);

public sealed class CandidateSearchPostgreSqlTests() : CandidateSearchTests(DatabaseProvider.PostgreSql);
