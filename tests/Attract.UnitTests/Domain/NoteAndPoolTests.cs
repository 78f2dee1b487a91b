using Attract.Core.Common;
using Attract.Core.Notes;
using Attract.Core.Pools;
using Attract.UnitTests.Builders;

namespace Attract.UnitTests.Domain;

public class NoteAndPoolTests
{
    [Fact]
    public void Edit_ByAnotherUser_ThrowsAndKeepsBody()
    {
        var candidate = Build.Candidate();
        candidate.Id = 7;
        var note = Note.Write(candidate, null, TestDb.Recruiter, "Call back Monday", Build.Now);

        Assert.Throws<DomainException>(() => note.Edit(TestDb.Manager.UserId, "Hijacked", Build.Now));
        note.Edit(TestDb.Recruiter.UserId, "Call back Tuesday", Build.Now);

        Assert.Equal("Call back Tuesday", note.Body);
    }

    [Fact]
    public void Write_Empty_Throws() =>
        Assert.Throws<DomainException>(() => Note.Write(Build.Candidate(), null, TestDb.Recruiter, "  ", Build.Now));

    [Fact]
    public void Rename_UserPool_Renames_Add_IgnoresDuplicates()
    {
        var pool = TalentPool.Create("Silver", null, "u", Build.Now);

        pool.Rename("Silver medalists");
        var added = pool.Add([1, 2, 2, 3], "u", Build.Now);
        var again = pool.Add([3, 4], "u", Build.Now);

        Assert.Equal("Silver medalists", pool.Name);
        Assert.Equal(3, added);
        Assert.Equal(1, again);
        Assert.Equal(2, pool.Remove([1, 2]));
    }
}
