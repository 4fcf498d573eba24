using System.Text.RegularExpressions;

namespace Liaison.Cli.Tests;

/// <summary>
/// <c>liaison demo</c> end to end: four nodes on 127.0.0.1 through the whole case. Each step checks its
/// outcome against the scenario's ground truth and prints ✓ or ✗; the test holds the demo to every check
/// and makes sure the steps of case messaging and of the request to the provider actually ran.
/// </summary>
[Collection("console")]
public sealed partial class DemoTests
{
    [Fact]
    public async Task The_demo_passes_every_check_through_case_messaging_and_a_request_to_the_provider()
    {
        var (exit, output, err) = await CliRun.RunAsync("demo");

        Assert.True(exit == 0, output + err);
        // Spectre wraps lines at the console width; compare without whitespace.
        var flat = Flat(output);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.Contains(Flat("demo finished: every check passed"), flat, StringComparison.Ordinal);
        foreach (var check in new[]
                 {
                     // Case messaging (issue 3).
                     "✓ a TLP:RED victim record does not leave GB in a case message (named recipients only)",
                     "✓ only this message went out, and it is delivered to NL with a signed receipt",
                     "✓ NL holds a read-only copy of each of the three records, under GB's case reference",
                     "✓ each copy keeps its origin and is marked at least TLP:AMBER (markings never widen)",
                     "✓ NL's copy of the recruiter follows GB's update",
                     "✓ NL's copy of the withdrawn record is gone",
                     // The request to the provider (issue 7).
                     "✓ the request reaches the provider's inbox",
                     "✓ the screening finds the instrument accepted, GB a recognised authority whose key signed it, and the request valid",
                     "✓ GB verified the provider's signature on the manifest and each file's hash",
                     "✓ the request ends Fulfilled",
                     "calls joined GB's case",
                     "numbers GB had never seen appear in its network",
                     "✓ the approval is refused: not a serious crime under the agreement",
                     "✓ nothing was sent: GB's outbox holds no message for it and the provider's inbox holds only the first request",
                     "✓ us-telco's statistics carry no target, case or request id",
                     "✓ us-telco's ledger verifies",
                 })
        {
            Assert.Contains(Flat(check), flat, StringComparison.Ordinal);
        }
        Assert.Matches(DeliveryWithReceipt(), output);
    }

    private static string Flat(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A delivery line: type, recipient, queue time and receipt time.</summary>
    [GeneratedRegex(@"record\.withdraw\s+→\s+nl-politie\s+queued \d\d:\d\d:\d\d\.\d{3}\s+receipt \d\d:\d\d:\d\d\.\d{3}")]
    private static partial Regex DeliveryWithReceipt();
}
