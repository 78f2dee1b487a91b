using System.ComponentModel.DataAnnotations;
using Attract.Core.Jobs;

namespace Attract.Web.Pages.Jobs;

/// <summary>The editable fields of a job, shared by Create and Edit.</summary>
public class JobInput
{
    [Required, StringLength(200)]
    public string Title { get; set; } = "";

    [Required, StringLength(8000)]
    public string Description { get; set; } = "";

    [Required, StringLength(100)]
    public string City { get; set; } = "";

    [StringLength(100)]
    public string? Region { get; set; }

    [Required, StringLength(100)]
    public string Country { get; set; } = "";

    [Required, StringLength(100)]
    public string Department { get; set; } = "";

    [Display(Name = "Employment type")]
    public EmploymentType EmploymentType { get; set; }

    public Guid Version { get; set; }

    public static JobInput From(Job job) => new()
    {
        Title = job.Title,
        Description = job.Description,
        City = job.City,
        Region = job.Region,
        Country = job.Country,
        Department = job.Department,
        EmploymentType = job.EmploymentType,
        Version = job.Version,
    };

    public void ApplyTo(Job job)
    {
        job.Title = Title.Trim();
        job.Description = Description.Trim();
        job.City = City.Trim();
        job.Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        job.Country = Country.Trim();
        job.Department = Department.Trim();
        job.EmploymentType = EmploymentType;
    }
}
