using System.Globalization;
using System.Text;

namespace Attract.Web.Pages.Reports;

/// <summary>
/// The report as CSV (RFC 4180): a header line, one line per row, a totals line; CRLF line ends, UTF-8 with a byte order
/// mark (so spreadsheets read accents right). Numbers use the invariant culture; shares are percentages of the exports.
/// A field holding a comma, quote or line break is quoted (quotes doubled), and a field that a spreadsheet would read as a
/// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with <c>'</c>.
/// </summary>
public static class SourcingCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Month", "Job", "Job title", "Recruiter", "Seat", "Exports", "Advanced past Prospect", "Advanced %", "Interviewed", "Interviewed %",
        "Hired", "Hired %", "InMail sent", "InMail replied", "InMail accepted", "Median days to first advance", "Mean days to first advance",
    ];

    public static byte[] Write(IEnumerable<SourcingRow> rows, SourcingFigures totals)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in rows)
        {
            Line(text, [r.Month, r.JobCode, r.JobTitle, r.Recruiter, r.SeatUrn, .. Figures(r.Figures)]);
        }
        Line(text, ["Total", "", "", "", "", .. Figures(totals)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One field, guarded against formula injection and quoted when needed.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static IEnumerable<string> Figures(SourcingFigures f) =>
    [
        Number(f.Exports), Number(f.Advanced), Number(SourcingFigures.Share(f.Advanced, f.Exports)), Number(f.Interviewed),
        Number(SourcingFigures.Share(f.Interviewed, f.Exports)), Number(f.Hired), Number(SourcingFigures.Share(f.Hired, f.Exports)),
        Number(f.InMailSent), Number(f.InMailReplied), Number(f.InMailAccepted), Days(f.MedianDaysToAdvance), Days(f.MeanDaysToAdvance),
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? share) => share?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    private static string Days(double? days) => days?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder text, IEnumerable<string> fields) => text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
