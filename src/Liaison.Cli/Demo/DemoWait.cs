namespace Liaison.Cli.Demo;

/// <summary>
/// Waiting for what happens between nodes (deliveries, answers, imports) the way a user would: asking the
/// node's API again until it shows the outcome, up to a limit, so a demo that goes wrong says so instead of hanging.
/// </summary>
internal static class DemoWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>True once <paramref name="condition"/> holds; false when <see cref="Limit"/> passed first.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                return false;
            }
            await Task.Delay(100, ct);
        }
        return true;
    }
}
