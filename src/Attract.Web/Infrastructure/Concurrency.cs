namespace Attract.Web.Infrastructure;

public static class Concurrency
{
    public const string Message =
        "Someone else changed this record while you were editing it. Your changes were not saved: the form shows your edit; "
        + "review the current version (reload in another tab) and save again to overwrite it.";
}
