using System.Security.Claims;
using Attract.Core.Common;

namespace Attract.Web.Infrastructure;

/// <summary>The user behind the current request, or the system when there is none (startup, background work).</summary>
public sealed class HttpContextActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? DisplayName => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.DisplayName() : "System";
}
