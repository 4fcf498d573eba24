using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Core.Model;
using Liaison.Exchange.Envelopes;
using Liaison.Matching.Psi;
using Liaison.Node.Federation;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation;

/// <summary>
/// Budgets and hit notices live in the node's database: a holder that restarts still remembers what each
/// peer has spent in the current period, and both ends keep a run history with counts only.
/// </summary>
public sealed class PersistedBudgetTests : IAsyncLifetime
{
    private const string NlCase = "NL-1";
    private const string GbCase = "GB-1";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private FederatedNode _nl = null!;
    private FederatedNode _gb = null!;

    public async Task InitializeAsync()
    {
        _nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", _clock);
        _gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", _clock);
        await _nl.ImportAsync(NlCase, "nl.jsonl", Enumerable.Range(0, 6).Select(i => Person($"n{i}", $"+31 6 3000 {i:0000}")).ToArray());
        await _gb.ImportAsync(GbCase, "gb.jsonl", Enumerable.Range(0, 6).Select(i => Person($"g{i}", $"+31 6 3000 {i * 2:0000}")).ToArray());
        await _gb.AddUserAsync("investigator", "investigator", GbCase);
        await _nl.TrustAsync(_gb);
        await _gb.TrustAsync(_nl);
        await StartNlAsync();
    }

    private Task StartNlAsync() => _nl.StartAsync(s => s.Configure<PsiBudgetOptions>(o =>
    {
        o.MaxIdentifiersPerSession = 10;
        o.MaxIdentifiersPerDay = 10;
    }));

    [Fact]
    public async Task A_restarted_holder_still_charges_the_identifiers_spent_before_the_restart()
    {
        var first = await _gb.MatchAsync("investigator", GbCase, "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");
        Assert.Equal(6, first.Asked);
        Assert.Equal(3, first.MatchCount);

        await _nl.StopAsync();
        await StartNlAsync();

        // 6 of the 10 allowed today are spent; a second run of 6 would exceed what is left.
        var refused = await Assert.ThrowsAsync<HitNoHitException>(() =>
            _gb.MatchAsync("investigator", GbCase, "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone"));
        Assert.Equal(HitNoHitFailure.PeerRefused, refused.Failure);
        Assert.Equal(429, refused.PeerStatus);
    }

    [Fact]
    public async Task Charges_older_than_the_budget_period_are_dropped_at_start_up_and_the_allowance_returns()
    {
        await _gb.MatchAsync("investigator", GbCase, "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");
        await _nl.StopAsync();
        _clock.Advance(PsiBudget.Period + TimeSpan.FromMinutes(1));
        await StartNlAsync();

        var again = await _gb.MatchAsync("investigator", GbCase, "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");

        Assert.Equal(3, again.MatchCount);
        await using var db = _nl.Db();
        var charges = await db.PsiBudgetCharges().AsNoTracking().ToListAsync();
        Assert.Equal([again.SessionId], charges.Select(c => c.SessionId));
    }

    [Fact]
    public async Task Both_ends_keep_a_run_history_with_counts_and_no_identifier()
    {
        var result = await _gb.MatchAsync("investigator", GbCase, "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");

        await using var gbDb = _gb.Db();
        var mine = Assert.Single(await gbDb.HitNotices().AsNoTracking().ToListAsync());
        Assert.Equal(("querier", GbCase, "nl-politie", result.SessionId, 6, (int?)3, 6), (mine.Role, mine.CaseId, mine.PeerId, mine.SessionId, mine.Asked, mine.MatchCount, mine.PeerSetSize));
        await using var nlDb = _nl.Db();
        var theirs = Assert.Single(await nlDb.HitNotices().AsNoTracking().ToListAsync());
        Assert.Equal(("holder", "gb-nca", result.SessionId, 6, (int?)null), (theirs.Role, theirs.PeerId, theirs.SessionId, theirs.Asked, theirs.MatchCount));
        var stored = string.Join('|', new[] { mine, theirs }.Select(n => $"{n.CaseId} {n.Kinds} {n.Purpose} {n.Actor} {n.Handling} {n.Tlp}"));
        Assert.DoesNotContain("3000", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("+31", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_captured_before_a_holder_restart_is_refused_after_it()
    {
        string envelope;
        using (var gb = _gb.OpenFederation())
        {
            var query = new PsiQuerier("nl-politie", [new Identifier(IdentifierKind.Phone, "+31630000000", "phone")], PsiMode.Intersection, _clock).CreateQuery();
            var payload = JsonSerializer.SerializeToUtf8Bytes(new PsiMatchRequest("criminal-investigation", ["phone"], query), FederationMessages.Json);
            envelope = gb.Sealer.Seal(new OutgoingMessage("nl-politie", FederationMessages.PsiQueryType, payload, GbCase,
                Lifetime: FederationMessages.QueryLifetime), await gb.PeerAsync("nl-politie", default)).Compact;
        }
        using var client = _nl.Anonymous();
        var first = await client.PostAsync("/federation/psi", Jose(envelope));

        await _nl.StopAsync();
        await StartNlAsync();
        using var afterRestart = _nl.Anonymous();
        var replay = await afterRestart.PostAsync("/federation/psi", Jose(envelope));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(nameof(EnvelopeRejection.Replayed), (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejection").GetString());
    }

    private static ByteArrayContent Jose(string envelope)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue(FederationMessages.JoseMediaType);
        return content;
    }

    private static string Person(string id, string phone) =>
        "{\"id\":\"" + id + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person " + id + "\"],\"phone\":[\"" + phone + "\"]}}";

    public async Task DisposeAsync()
    {
        await _nl.DisposeAsync();
        await _gb.DisposeAsync();
    }
}
