using Xunit.Abstractions;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>Two real nodes made and served by the CLI, shared by the drills of <see cref="CrashSafetyTests"/>.</summary>
public sealed class ServedPair : IAsyncLifetime
{
    public NodePair Pair { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pair = await NodePair.CreateAsync();
        await Pair.StartAsync(TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync() => await Pair.DisposeAsync();
}

/// <summary>
/// Crash safety of the exchange with real processes: <c>liaison serve</c> killed with SIGKILL in the
/// middle of a burst of case messages and started again. Whatever the kill interrupted — a POST, the
/// sender's transaction, an envelope half processed by the receiver, a receipt on its way back — every
/// message the sender committed arrives exactly once, counted by the tag its text carries.
/// </summary>
[Trait("Category", "CrashSafety")]
public sealed class CrashSafetyTests(ServedPair served, ITestOutputHelper output) : IClassFixture<ServedPair>
{
    [Fact]
    public async Task Every_message_arrives_exactly_once_when_the_receiver_is_killed_mid_burst()
    {
        var result = await new CrashDrill(served.Pair, new DrillPlan(30, [KillSide.Receiver, KillSide.Receiver], Seed: 3)).RunAsync("r");

        Report(result);
        Assert.Empty(result.Refusals);
        Assert.Empty(result.Tally.Violations);
        Assert.Equal(30, result.Tally.Accepted);
        Assert.Equal(30, result.Tally.Received);
        Assert.Equal(30, result.Tally.Distinct);
        Assert.Equal(2, result.ReceiverKills);
    }

    [Fact]
    public async Task Every_message_the_sender_committed_arrives_exactly_once_when_the_sender_is_killed_mid_burst()
    {
        var result = await new CrashDrill(served.Pair, new DrillPlan(30, [KillSide.Sender, KillSide.Sender], Seed: 5)).RunAsync("s");

        Report(result);
        Assert.Empty(result.Refusals);
        Assert.Empty(result.Tally.Violations);
        // Every 2xx, and every cut POST that had committed, arrived once; a cut POST that had not committed is nowhere.
        Assert.Equal(result.Tally.Accepted + result.Tally.CutButCommitted, result.Tally.Committed);
        Assert.Equal(result.Tally.Committed, result.Tally.Received);
        Assert.Equal(result.Tally.Committed, result.Tally.Distinct);
        Assert.Equal(30, result.Tally.Accepted + result.Tally.Cut);
        Assert.Equal(2, result.SenderKills);
    }

    private void Report(DrillResult result)
    {
        foreach (var line in result.Log)
        {
            output.WriteLine(line);
        }
        output.WriteLine(result.Tally.ToString());
        foreach (var v in result.Tally.Violations)
        {
            output.WriteLine("VIOLATION " + v);
        }
        foreach (var r in result.Refusals)
        {
            output.WriteLine("REFUSED " + r);
        }
    }
}
