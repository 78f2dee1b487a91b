namespace Attract.Web.Infrastructure;

/// <summary>Page arithmetic shared by the paged lists.</summary>
public static class Paging
{
    /// <summary>How many pages <paramref name="total"/> rows make, at least one (an empty list still shows its first page).</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
