using System.Globalization;
using System.Text;

namespace Attract.Soak;

/// <summary>One instance's share of the work: the outbox rows it processed (sent to LinkedIn, or found nothing to send).</summary>
public sealed record InstanceShare(string Instance, int OutboxRows);

/// <summary>The figures of one soak run.</summary>
public sealed class SoakReport
{
    /// <summary>ATS changes committed during the traffic phase (each create, update, stage move, note or feedback).</summary>
    public int ChangesMade { get; set; }

    /// <summary>Records Attract sent to LinkedIn (its own per-minute usage counters).</summary>
    public long RecordsSent { get; set; }

    /// <summary>Candidate and application upserts LinkedIn received (the simulator's count).</summary>
    public long UpsertsReceived { get; set; }

    /// <summary>Candidates and (non-prospect) applications whose latest state is not at LinkedIn, plus missing stage moves, notes and feedback.</summary>
    public int Lost { get; set; }

    /// <summary>More than one application at LinkedIn (or in Attract) for the same candidate and job.</summary>
    public int DuplicatedApplications { get; set; }

    /// <summary>Upserts at LinkedIn whose version was older than the one it already held.</summary>
    public long StaleOverwrites { get; set; }

    public TimeSpan DrainTime { get; set; }

    public TimeSpan TrafficDuration { get; set; }

    public TimeSpan TotalDuration { get; set; }

    public int CandidatesCompared { get; set; }

    public int ApplicationsCompared { get; set; }

    public int ExportsRequested { get; set; }

    public int ExportsTaken { get; set; }

    public int ExportPushesDropped { get; set; }

    public bool InstanceKilledAndRestarted { get; set; }

    public List<InstanceShare> Shares { get; } = [];

    public List<string> LostSamples { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>The share name of the process killed with SIGKILL (its restart is a separate share, "… (restarted)").</summary>
    public string? KilledProcess { get; set; }

    /// <summary>
    /// Outbox rows processed by every process but the killed one: the work that went on after the kill, on the other
    /// instances or the restarted one. (Which instance runs the drain is the clustered scheduler's choice, so the
    /// split between them varies from run to run.)
    /// </summary>
    public int RowsDoneByOthersThanTheKilledProcess => Shares.Where(s => s.Instance != KilledProcess).Sum(s => s.OutboxRows);

    /// <summary>Records sent per minute of the traffic and drain phases.</summary>
    public double Throughput
    {
        get
        {
            var minutes = (TrafficDuration + DrainTime).TotalMinutes;
            return minutes > 0 ? RecordsSent / minutes : 0;
        }
    }

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Row(string name, string value) => sb.Append(c, $"| {name,-44} | {value,18} |").AppendLine();
        sb.AppendLine("| figure                                       |              value |");
        sb.AppendLine("|----------------------------------------------|-------------------:|");
        Row("changes made (traffic phase)", ChangesMade.ToString("N0", c));
        Row("records sent (Attract's count)", RecordsSent.ToString("N0", c));
        Row("upserts received at LinkedIn", UpsertsReceived.ToString("N0", c));
        Row("candidates / applications compared", $"{CandidatesCompared.ToString("N0", c)} / {ApplicationsCompared.ToString("N0", c)}");
        Row("lost (must be 0)", Lost.ToString(c));
        Row("duplicated applications (must be 0)", DuplicatedApplications.ToString(c));
        Row("stale overwrites at LinkedIn (must be 0)", StaleOverwrites.ToString(c));
        Row("1-click exports requested / taken", $"{ExportsRequested} / {ExportsTaken}");
        Row("export pushes dropped by LinkedIn", ExportPushesDropped.ToString(c));
        Row("time to drain after faults clear", $"{DrainTime.TotalSeconds:F1} s");
        Row("throughput (records/min, traffic+drain)", Throughput.ToString("N0", c));
        Row("traffic phase / whole run", $"{TrafficDuration.TotalSeconds:F0} s / {TotalDuration.TotalSeconds:F0} s");
        Row("instance killed (-9) and restarted", InstanceKilledAndRestarted ? "yes" : "no");
        var rows = Math.Max(1, Shares.Sum(s => s.OutboxRows));
        foreach (var share in Shares)
        {
            Row($"share of {share.Instance}", $"{share.OutboxRows} rows ({100.0 * share.OutboxRows / rows:F0}%)");
        }
        foreach (var sample in LostSamples)
        {
            sb.Append("lost: ").AppendLine(sample);
        }
        foreach (var note in Notes)
        {
            sb.Append("note: ").AppendLine(note);
        }
        return sb.ToString();
    }
}
