using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Liaison.Core.Identifiers;
using Liaison.Core.Requests;
using Liaison.Core.Requests.CallRecords;
using Liaison.Core.Requests.Deadlines;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Statistics;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;

// Side-by-side figures for the request pillar. Usage: dotnet run -c Release -- [requests] [cdrRows] [hashMiB]
var requestCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var cdrRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
var hashMiB = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;

var start = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
var clock = new ManualClock(start);
var rules = RequestRules.Default;
var workflow = new RequestWorkflow(rules, clock);
var targets = new TargetNormaliser(new PhoneNumberNormalizer("GB"));
var investigator = new RequestActor("inv", "gb-nca", RequestRole.Investigator);
var supervisor = new RequestActor("sup", "gb-nca", RequestRole.Supervisor);
var authority = new RequestActor("da", "gb-ho", RequestRole.DesignatedAuthority, AuthorityCapacity.DesignatedAuthority);
var liaison = new RequestActor("lo", "gb-nca", RequestRole.LiaisonOfficer);
var provider = new RequestActor("pc", "us-telco", RequestRole.ProviderCompliance);
var template = new DataAccessRequest
{
    Id = "x",
    Type = RequestType.TrafficData,
    Instrument = LegalInstrument.CloudActUsUk,
    OffenceCode = "drug-trafficking",
    MaximumPenaltyYears = 14,
    Targets = [targets.Target(TargetKind.Phone, "07911 123456")],
    Period = new(start.AddDays(-30), start),
    Categories = DataCategory.SubscriberData | DataCategory.TrafficData,
    NecessityStatement = new string('n', 150),
    CaseId = "case-1",
    Requester = new("gb-nca", "GB", "node-gb"),
    Addressee = new(AddresseeKind.ServiceProvider, "us-telco", "US"),
    Issuer = new("Crown Court", AuthorityCapacity.Judge),
};

Console.WriteLine($"# Liaison.Bench.Requests  ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

// 1. Workflow: open, approve (full validation), validate, send (validation again), fulfil.
var sw = Stopwatch.StartNew();
var requests = new List<DataAccessRequest>(requestCount);
for (var i = 0; i < requestCount; i++)
{
    var r = workflow.Open(template with { Id = "req-" + i.ToString(CultureInfo.InvariantCulture) }, investigator).Request;
    r = workflow.Validate(workflow.Approve(r, supervisor).Request, authority).Request;
    r = workflow.Send(r, liaison).Request;
    if (i % 2 == 0)
    {
        r = workflow.Fulfil(r, provider).Request;
    }
    requests.Add(r);
}
Report("workflow: open+approve+validate+send(+fulfil)", requestCount, "requests", sw.Elapsed);

// 2. Deadline monitor over all of them, 5 days later.
clock.Now = start.AddDays(5);
sw.Restart();
var notices = new DeadlineMonitor(rules, clock).Due(requests);
Report($"deadline monitor ({notices.Count} notices)", requestCount, "requests", sw.Elapsed);

// 3. Transparency statistics and CSV.
sw.Restart();
var csv = TransparencyReport.Compile(requests).ToCsv();
Report($"statistics + CSV ({csv.Length} chars)", requestCount, "requests", sw.Elapsed);

// 4. CDR import: our reader (RFC 4180 + E.164 + checks) against CsvHelper, parse only and with the same phone normalisation.
var cdr = new StringBuilder("caller,callee,start,duration,cell_id\r\n");
for (var i = 0; i < cdrRows; i++)
{
    cdr.Append("+447911123456,+1202555").Append((i % 9000 + 1000).ToString(CultureInfo.InvariantCulture))
        .Append(",2025-02-01T14:03:00Z,").Append((i % 600).ToString(CultureInfo.InvariantCulture)).Append(",234-15-").Append(i % 97).Append("\r\n");
}
var cdrText = cdr.ToString();
var cdrRequest = template with { Id = "req-cdr", Period = new(start.AddDays(-60), start) };
sw.Restart();
var imported = new CallDetailRecordReader(new PhoneNumberNormalizer("US")).Read(cdrRequest, "cdr.csv", new StringReader(cdrText));
Report($"CDR reader, Liaison ({imported.Rows.Count} rows, {imported.Errors.Count} errors)", cdrRows, "rows", sw.Elapsed);

sw.Restart();
var parsed = CsvHelperPass(cdrText, null);
Report("CDR, CsvHelper parse only (peer)", parsed, "rows", sw.Elapsed);

sw.Restart();
parsed = CsvHelperPass(cdrText, new PhoneNumberNormalizer("US"));
Report("CDR, CsvHelper + same E.164 normalisation (peer)", parsed, "rows", sw.Elapsed);

// 5. Evidence hashing: EvidenceFile.Describe(stream) against coreutils sha256sum on the same file.
var path = Path.Combine(Path.GetTempPath(), $"liaison-bench-{Environment.ProcessId}.bin");
try
{
    var block = new byte[1 << 20];
    RandomNumberGenerator.Fill(block);
    using (var f = File.Create(path))
    {
        for (var i = 0; i < hashMiB; i++)
        {
            f.Write(block);
        }
    }
    sw.Restart();
    string ours;
    using (var f = File.OpenRead(path))
    {
        ours = EvidenceFile.Describe("x.bin", "application/octet-stream", f).Sha256;
    }
    Report("SHA-256 of a file, EvidenceFile.Describe", hashMiB, "MiB", sw.Elapsed);
    sw.Restart();
    var psi = new ProcessStartInfo("sha256sum", path) { RedirectStandardOutput = true };
    using var p = Process.Start(psi)!;
    var theirs = p.StandardOutput.ReadToEnd().Split(' ')[0];
    p.WaitForExit();
    Report("SHA-256 of a file, sha256sum (peer)", hashMiB, "MiB", sw.Elapsed);
    Console.WriteLine(ours == theirs ? "  hashes agree" : "  HASHES DIFFER");
}
finally
{
    File.Delete(path);
}

// The peer: CsvHelper 34 reading the same text, converting the same fields, optionally normalising the numbers as we do.
static int CsvHelperPass(string text, PhoneNumberNormalizer? phones)
{
    var rows = 0;
    using var csv = CsvReader.FromText(text, CsvReaderOptions.Default);
    while (csv.Read())
    {
        if (csv.GetString(0) == "caller")
        {
            continue;
        }
        var caller = csv.GetString(0);
        var callee = csv.GetString(1);
        if (phones is not null)
        {
            _ = phones.TryNormalize(caller, out _);
            _ = phones.TryNormalize(callee, out _);
        }
        _ = DateTimeOffset.Parse(csv.GetString(2), CultureInfo.InvariantCulture);
        _ = long.Parse(csv.GetString(3), CultureInfo.InvariantCulture);
        _ = csv.GetString(4);
        rows++;
    }
    return rows;
}

static void Report(string what, long count, string unit, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what,-62} {count,9} {unit,-8} {elapsed.TotalMilliseconds,9:0.0} ms  {count / elapsed.TotalSeconds,12:0} {unit}/s"));

/// <summary>A clock the benchmark sets by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
