using System.Diagnostics;
using Liaison.Bench.Policy;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;

// Policy benchmarks: decisions per second with 10,000 rules, and the overhead of need-to-know
// filtering on an in-memory search of 100,000 records. Stopwatch figures, median of 5 runs.
var rules = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var records = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var cases = new Register();

Console.WriteLine($"## policy bench: {rules} rules, {records} records, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
foreach (var sameRoute in new[] { false, true })
{
    var text = SyntheticPolicy.Build(rules, sameRoute);
    var load = Stopwatch.StartNew();
    var policy = PolicyLoader.Compile(text, "bench.yaml");
    load.Stop();
    var caller = new Caller("u", [Role.Supervisor], ["case-0"], "BKA", "node-de", "DE", "unit-0");
    var record = Person("rec-0", "case-0", SubjectCategories.Victim);
    var request = new AccessRequest
    {
        Caller = caller, Action = PolicyAction.Share, CaseId = "case-0", Purpose = "purpose-0", Record = record,
        Recipient = new Recipient("node-us", "FBI", "US"),
    };
    var first = policy.Decide(request, cases);
    if (!first.IsPermitted)
    {
        throw new InvalidOperationException($"bench request denied: {first.Rule} {first.Reason}");
    }
    var tried = policy.Rules.Count(r => r.From.Contains("DE") && r.To.Contains("US"));
    var n = sameRoute ? 2_000 : 200_000;
    var perSecond = Median(() =>
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            policy.Decide(request, cases);
        }
        return n / sw.Elapsed.TotalSeconds;
    });
    var read = request with { Action = PolicyAction.ReadRecord, Recipient = null };
    var readsPerSecond = Median(() =>
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 200_000; i++)
        {
            policy.Decide(read, cases);
        }
        return 200_000 / sw.Elapsed.TotalSeconds;
    });
    Console.WriteLine($"{(sameRoute ? "all rules on one route (worst case)" : "rules spread over 144 routes")}: load {load.ElapsedMilliseconds} ms; " +
        $"share decision (DE → US, decided by the last of the {tried} rules on that route): {perSecond:N0} decisions/s; read decision: {readsPerSecond:N0} decisions/s");
}

// Search overhead: the same scan with and without policy. Records belong to 1,000 cases; the caller
// is a member of 10 and supervises a unit owning 40 more.
var policyForSearch = PolicyLoader.Compile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default.yaml")), "default.yaml");
var engine = new PolicyEngine(new PolicyStore(policyForSearch), cases);
var rows = Enumerable.Range(0, records).Select(i => new Row($"case-{i % 1000}", $"name {i % 5000} person {i}")).ToArray();
var searcher = new Caller("u", [Role.Supervisor], Enumerable.Range(0, 10).Select(i => $"case-{i}"), "Met Police", "node-gb", "GB", "unit-0");
var search = new AccessRequest { Caller = searcher, Action = PolicyAction.Search, CaseId = "case-0", Purpose = "criminal-investigation" };
const string term = "name 42 ";
var baseline = Median(() =>
{
    var sw = Stopwatch.StartNew();
    var hits = 0;
    foreach (var row in rows)
    {
        if (row.Text.Contains(term, StringComparison.Ordinal))
        {
            hits++;
        }
    }
    GC.KeepAlive(hits);
    return sw.Elapsed.TotalMilliseconds;
});
int visibleHits = 0;
double Timed(Func<int> search) => Median(() =>
{
    var sw = Stopwatch.StartNew();
    visibleHits = search();
    return sw.Elapsed.TotalMilliseconds;
});
// (a) What a node does after its query: decide the search once, then drop matches of cases the caller may not see.
var filterMatches = Timed(() =>
{
    if (!engine.Decide(search).IsPermitted)
    {
        throw new InvalidOperationException("search denied");
    }
    var visibility = engine.VisibilityFor(searcher);
    var hits = 0;
    foreach (var row in rows)
    {
        if (row.Text.Contains(term, StringComparison.Ordinal) && visibility.MaySee(row.CaseId))
        {
            hits++;
        }
    }
    return hits;
});
// (b) The visible case set computed once and pushed into the scan (as a SQL WHERE case_id = ANY(...) would).
var pushedDown = Timed(() =>
{
    if (!engine.Decide(search).IsPermitted)
    {
        throw new InvalidOperationException("search denied");
    }
    var visible = engine.VisibleCases(searcher);
    var hits = 0;
    foreach (var row in rows)
    {
        if (visible.Contains(row.CaseId) && row.Text.Contains(term, StringComparison.Ordinal))
        {
            hits++;
        }
    }
    return hits;
});
// (c) Worst placement: a memoised need-to-know check on every scanned row before matching.
var everyRow = Timed(() =>
{
    if (!engine.Decide(search).IsPermitted)
    {
        throw new InvalidOperationException("search denied");
    }
    var visibility = engine.VisibilityFor(searcher);
    var hits = 0;
    foreach (var row in rows)
    {
        if (visibility.MaySee(row.CaseId) && row.Text.Contains(term, StringComparison.Ordinal))
        {
            hits++;
        }
    }
    return hits;
});
Console.WriteLine($"search of {records:N0} records ({visibleHits} visible hits): without policy {baseline:F2} ms; " +
    $"filter matches {filterMatches:F2} ms ({filterMatches / baseline:F2}×); visible set pushed into the scan {pushedDown:F2} ms ({pushedDown / baseline:F2}×); " +
    $"check every row {everyRow:F2} ms ({everyRow / baseline:F2}×)");

static double Median(Func<double> run)
{
    run();
    var results = Enumerable.Range(0, 5).Select(_ => run()).Order().ToArray();
    return results[2];
}

static EntityRecord Person(string id, string caseId, SubjectCategories subjects) =>
    new(id, "Person", new Dictionary<string, List<string>> { ["name"] = ["Jane Doe"], ["phone"] = ["+4915112345678"] }, new RecordEnvelope
    {
        OriginAgency = "BKA", OriginNode = "node-de", CaseId = caseId, Subjects = subjects, LegalBasis = "x",
        Provenance = new Provenance("file:x", DateTimeOffset.UnixEpoch, "u"),
    });

internal sealed record Row(string CaseId, string Text);

internal sealed class Register : ICaseRegister
{
    public CaseInfo? Find(string caseId)
    {
        var n = int.Parse(caseId.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
        return new CaseInfo(caseId, "Met Police", n < 50 ? "unit-0" : "unit-1");
    }

    public IEnumerable<CaseInfo> CasesOfAgency(string agency) => Enumerable.Range(0, 1000).Select(i => Find($"case-{i}")!);
}
