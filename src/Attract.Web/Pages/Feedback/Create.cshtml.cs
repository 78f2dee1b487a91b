using System.ComponentModel.DataAnnotations;
using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Web.Infrastructure;
using Attract.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Feedback;

/// <summary>An interviewer on the job's hiring team submits a scorecard for an application.</summary>
public class CreateModel(AttractDbContext db) : PageModel
{
    public class InputModel
    {
        [Display(Name = "Interview type")]
        public InterviewType InterviewType { get; set; }

        /// <summary>One rating (1–4) per attribute in <see cref="Scorecard.DefaultAttributes"/>, in order.</summary>
        public List<int?> Ratings { get; set; } = [];

        [Required(ErrorMessage = "Choose an overall recommendation."), Display(Name = "Overall recommendation")]
        public Recommendation? Recommendation { get; set; }

        [Required(ErrorMessage = "Add your comments."), StringLength(4000)]
        public string Comments { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CandidateName { get; private set; } = "";

    public string JobLabel { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int applicationId) => await CheckAsync(applicationId) ?? Page();

    public async Task<IActionResult> OnPostAsync(int applicationId)
    {
        if (await CheckAsync(applicationId) is { } denied)
        {
            return denied;
        }
        var ratings = new Dictionary<string, int>();
        for (var i = 0; i < Scorecard.DefaultAttributes.Count; i++)
        {
            var value = i < Input.Ratings.Count ? Input.Ratings[i] : null;
            if (value is not { } score || score < Scorecard.MinRating || score > Scorecard.MaxRating)
            {
                ModelState.AddModelError($"Input.Ratings[{i}]", $"Rate {Scorecard.DefaultAttributes[i]} from 1 to 4.");
                continue;
            }
            ratings[Scorecard.DefaultAttributes[i]] = score;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var application = (await db.FindVisibleApplicationAsync(User.ToViewer(), applicationId))!;
        try
        {
            db.Scorecards.Add(Scorecard.Submit(application, db.Actor, Input.InterviewType, ratings, Input.Recommendation!.Value, Input.Comments, db.UtcNow));
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        StatusMessage = "Scorecard submitted.";
        return RedirectToPage("/Applications/Details", new { id = applicationId });
    }

    private async Task<IActionResult?> CheckAsync(int applicationId)
    {
        var viewer = User.ToViewer();
        var application = await db.FindVisibleApplicationAsync(viewer, applicationId);
        if (application?.Candidate is null)
        {
            return NotFound();
        }
        if (!viewer.CanInterviewFor(application.Job))
        {
            return Forbid();
        }
        CandidateName = application.Candidate.FullName;
        JobLabel = $"{application.Job.Code} {application.Job.Title}";
        db.ChangeTracker.Clear();
        return null;
    }
}
