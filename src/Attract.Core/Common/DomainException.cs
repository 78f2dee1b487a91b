namespace Attract.Core.Common;

/// <summary>A domain rule was broken. Pages show <see cref="Exception.Message"/> to the user.</summary>
public sealed class DomainException(string message) : Exception(message);
