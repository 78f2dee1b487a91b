namespace LinkedIn.Recruiter;

/// <summary>Splits a time range into consecutive windows no longer than a maximum.</summary>
public static class TimeWindows
{
    /// <summary>Windows covering [from, to): each ≤ <paramref name="maxWindow"/>; the next starts where the previous ended.</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Split(DateTimeOffset from, DateTimeOffset to, TimeSpan maxWindow)
    {
        if (maxWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWindow), "The window must be positive.");
        }

        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        return Iterate(from, to, maxWindow);

        static IEnumerable<(DateTimeOffset, DateTimeOffset)> Iterate(DateTimeOffset from, DateTimeOffset to, TimeSpan maxWindow)
        {
            for (var start = from; start < to; start += maxWindow)
            {
                var end = to - start > maxWindow ? start + maxWindow : to;
                yield return (start, end);
            }
        }
    }
}
