using System.Globalization;
using System.Text;
using System.Text.Json;
using Liaison.Scenarios;

namespace Liaison.Cli.Demo;

/// <summary>
/// What the US provider in the demo holds: the call-detail records of its subscribers, taken from the US
/// part of the scenario (its network carried the calls of the ring leader's phone), and the subscriber
/// record behind the target number. The evidence it hands over is cut from this, never made up for the
/// answer: the demo checks that what GB imports is exactly the target's calls in the requested period.
/// </summary>
internal sealed class ProviderHoldings(Scenario scenario)
{
    public const string NodeId = "us-telco";
    public const string Agency = "Example Wireless Inc. (law enforcement compliance)";
    public const string CaseId = "TELCO-RETAINED";

    /// <summary>The requested period: the first half of the month the scenario's calls fall in (the provider holds later calls too).</summary>
    public static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset To = new(2026, 3, 15, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The ring leader's phone (E.164), the target of GB's request: a Romanian number carried by the US provider.</summary>
    public string Target { get; } = scenario.SharedPhones[0];

    /// <summary>Every call the provider's network carried (the US agency's part of the scenario).</summary>
    public IReadOnlyList<(string Caller, string Callee, DateTime Start, int Duration, string Cell)> Calls => scenario.Nodes[2].Calls;

    /// <summary>The target's calls in the requested period: what a lawful answer contains.</summary>
    public IReadOnlyList<(string Caller, string Callee, DateTime Start, int Duration, string Cell)> TargetCalls =>
        Calls.Where(c => (c.Caller == Target || c.Callee == Target) && c.Start >= From.UtcDateTime && c.Start <= To.UtcDateTime).ToList();

    /// <summary>Numbers in the target's calls that GB's own call records never mention: what the answer adds to GB's network.</summary>
    public IReadOnlySet<string> NumbersNewToGb()
    {
        var known = scenario.Nodes[0].Calls.SelectMany(c => new[] { c.Caller, c.Callee }).ToHashSet(StringComparer.Ordinal);
        return TargetCalls.SelectMany(c => new[] { c.Caller, c.Callee }).Where(n => !known.Contains(n)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The provider's whole call store as a CDR CSV, imported into its node at set-up.</summary>
    public byte[] AllCallsCsv() => Csv(Calls);

    /// <summary>The evidence file of call-detail records: the target's calls in the period only.</summary>
    public byte[] TargetCallsCsv() => Csv(TargetCalls);

    /// <summary>The subscriber record behind the target number, as the provider's systems export it (kept by GB as evidence, not imported).</summary>
    public byte[] SubscriberJson() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        number = Target,
        accountOpened = "2025-11-03",
        subscriberName = "I. Popa",
        billingAddress = "prepaid, no address held",
        paymentMethod = "prepaid voucher",
        registrationIp = "203.0.113.77",
        status = "active",
    }, new JsonSerializerOptions { WriteIndented = true });

    private static byte[] Csv(IEnumerable<(string Caller, string Callee, DateTime Start, int Duration, string Cell)> calls)
    {
        var csv = new StringBuilder("caller,callee,start,duration,cell_id\r\n");
        foreach (var c in calls)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{c.Caller},{c.Callee},{c.Start:yyyy-MM-ddTHH:mm:ssZ},{c.Duration},{c.Cell}\r\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
