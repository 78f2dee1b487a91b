using Attract.Core.Candidates;

namespace Attract.UnitTests.Domain;

public class CandidateSearchTokenizerTests
{
    [Fact]
    public void Terms_NamesCompanyAndEmail_SplitsLowerCasesAndKeepsWholeEmail()
    {
        var terms = CandidateSearchTokenizer.Terms("Mary-Ann", "O'Brien", "Contoso Ltd.", ["Mary.OBrien@Contoso.com"]);

        Assert.Equal(["mary", "ann", "o", "brien", "contoso", "ltd", "obrien", "com", "mary.obrien@contoso.com"], terms);
    }

    [Fact]
    public void Terms_RepeatedWords_AreDistinct()
    {
        var terms = CandidateSearchTokenizer.Terms("Jane", "Jane", "jane", ["jane@jane.example", "JANE@jane.example"]);

        Assert.Equal(["jane", "example", "jane@jane.example"], terms);
    }

    [Fact]
    public void Terms_Diacritics_AreRemoved()
    {
        var terms = CandidateSearchTokenizer.Terms("Zoë", "Łukasiewicz-Søgaard", "Straße AG", []);

        Assert.Equal(["zoe", "lukasiewicz", "sogaard", "strasse", "ag"], terms);
    }

    [Fact]
    public void Terms_EmptyAndPunctuationOnly_GiveNoTerms()
    {
        Assert.Empty(CandidateSearchTokenizer.Terms("", "  ", null, ["", " - "]));
        Assert.Empty(CandidateSearchTokenizer.Terms("--", "!!", "…", []));
    }

    [Fact]
    public void Terms_LongWordsAndEmails_AreCappedAtMaxLength()
    {
        var longWord = new string('a', 150);

        var terms = CandidateSearchTokenizer.Terms(longWord, "", null, [$"{longWord}@x.example"]);

        Assert.All(terms, t => Assert.True(t.Length <= CandidateSearchTerm.MaxLength));
        Assert.Equal([new string('a', CandidateSearchTerm.MaxLength), "x", "example"], terms);
    }

    [Fact]
    public void Terms_CharactersOutsideTheBasicPlane_AreSeparators()
    {
        var terms = CandidateSearchTokenizer.Terms("Ann😀Lee", "", null, ["a😀b@x.example"]);

        Assert.Equal(["ann", "lee", "a", "b", "x", "example", "ab@x.example"], terms);
        Assert.DoesNotContain(terms, t => t.Any(char.IsSurrogate));
    }

    [Fact]
    public void QueryWords_MixedCaseAndPunctuation_SplitLikeTerms()
    {
        Assert.Equal(["jan", "smi"], CandidateSearchTokenizer.QueryWords("  Jan   SMI "));
        Assert.Equal(["o", "brien"], CandidateSearchTokenizer.QueryWords("O'Brien"));
        Assert.Equal(["navy", "example"], CandidateSearchTokenizer.QueryWords("NAVY.example"));
        Assert.Equal(["zoe"], CandidateSearchTokenizer.QueryWords("Zoë"));
    }

    [Fact]
    public void QueryWords_EmailAddress_StaysOneWord()
    {
        Assert.Equal(["grace@navy.example"], CandidateSearchTokenizer.QueryWords("Grace@Navy.example"));
        Assert.Equal(["grace", "grace@na"], CandidateSearchTokenizer.QueryWords("grace grace@na"));
    }

    [Fact]
    public void QueryWords_DomainWithLeadingAt_SplitsIntoWords()
    {
        Assert.Equal(["contoso", "com"], CandidateSearchTokenizer.QueryWords("@contoso.com"));
    }

    [Fact]
    public void QueryWords_BlankOrPunctuation_GiveNoWords()
    {
        Assert.Empty(CandidateSearchTokenizer.QueryWords(null));
        Assert.Empty(CandidateSearchTokenizer.QueryWords("   "));
        Assert.Empty(CandidateSearchTokenizer.QueryWords("!! --"));
    }

    [Fact]
    public void QueryWords_ManyWords_AreCappedAndDistinct()
    {
        var words = CandidateSearchTokenizer.QueryWords("a b a c d e f g h i j k");

        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], words);
        Assert.Equal(CandidateSearchTokenizer.MaxQueryWords, words.Count);
    }

    [Fact]
    public void RefreshSearchTerms_NameChanged_ReplacesOnlyTheTermsThatChanged()
    {
        var candidate = new Candidate { CurrentCompany = "Contoso" };
        candidate.SetName("Jane", "Smith");
        var contoso = candidate.SearchTerms.Single(t => t.Term == "contoso");

        candidate.SetName("Jane", "Doe");

        Assert.Equal(["contoso", "doe", "jane"], candidate.SearchTerms.Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Same(contoso, candidate.SearchTerms.Single(t => t.Term == "contoso"));
    }
}
