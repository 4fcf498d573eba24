namespace Liaison.Core.Requests;

/// <summary>The time range of the data requested, inclusive of both ends.</summary>
public sealed record RequestPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public bool IsInverted => From > To;

    public TimeSpan Length => To - From;
}
