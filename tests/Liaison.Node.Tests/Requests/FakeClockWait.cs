using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Requests;

/// <summary>Waiting for the exchange under a fake clock the delivery worker and the aftercare sleep on.</summary>
internal static class FakeClockWait
{
    /// <summary>Moves <paramref name="clock"/> on in half-second steps until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(FakeTimeProvider clock, Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await condition())
            {
                return;
            }
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(25);
        }
        Assert.Fail("timed out waiting until " + what);
    }
}
