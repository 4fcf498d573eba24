using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Core.Model;
using Liaison.Exchange.Envelopes;
using Liaison.Matching.Psi;
using Liaison.Node.Federation;

namespace Liaison.Node.Tests.Federation;

/// <summary>What the holder refuses, how it answers, and that it journals every refusal.</summary>
[Collection(FederationCollection.Name)]
public sealed class RefusalTests(FederationFixture nodes)
{
    [Fact]
    public async Task A_query_from_a_node_that_is_not_a_peer_is_refused_and_journalled()
    {
        var e = await Assert.ThrowsAsync<HitNoHitException>(() =>
            nodes.Stranger.MatchAsync(FederationFixture.Investigator, "X-1", "nl-politie", "criminal-investigation"));

        Assert.Equal(HitNoHitFailure.PeerRefused, e.Failure);
        Assert.Equal(403, e.PeerStatus);
        Assert.Equal(nameof(EnvelopeRejection.UnknownSender), e.PeerRule);
        Assert.EndsWith("/envelope-unknown-sender", e.PeerProblemType, StringComparison.Ordinal);
        var audit = await nodes.Nl.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "unverified:zz-stranger" && a.Decision == "deny" && a.Rule == "envelope-unknown-sender");
    }

    [Fact]
    public async Task A_peer_in_a_jurisdiction_no_rule_covers_is_refused_naming_the_rule()
    {
        var e = await Assert.ThrowsAsync<HitNoHitException>(() =>
            nodes.Ch.MatchAsync(FederationFixture.Investigator, "CH-1", "nl-politie", "criminal-investigation"));

        Assert.Equal(403, e.PeerStatus);
        Assert.Equal("no-legal-basis", e.PeerRule);
        Assert.Contains("NL → CH", e.Message, StringComparison.Ordinal);
        var audit = await nodes.Nl.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "peer:ch-fedpol" && a.Action == "share" && a.Decision == "deny" && a.Rule == "no-legal-basis");
        var querierLedger = await nodes.Ch.LedgerAsync();
        Assert.Contains(querierLedger, x => x.Event.Type == Ledger.Entries.LedgerEventType.HitRun && x.Event.Decision == "refused-by-peer"
                                            && x.Event.Rule == "no-legal-basis");
    }

    [Fact]
    public async Task A_purpose_the_agreement_does_not_cover_is_refused_by_the_peer_naming_the_rule()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);

        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "intelligence-analysis" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/peer-refused", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-legal-basis", problem.GetProperty("peerRule").GetString());
        Assert.Equal(403, problem.GetProperty("peerStatus").GetInt32());
    }

    [Fact]
    public async Task A_peer_over_its_daily_budget_is_answered_429_with_retry_after()
    {
        var first = await nodes.De.MatchAsync(FederationFixture.Investigator, "DE-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone");
        Assert.Equal(60, first.Asked);

        var e = await Assert.ThrowsAsync<HitNoHitException>(() =>
            nodes.De.MatchAsync(FederationFixture.Investigator, "DE-1", "nl-politie", "criminal-investigation", PsiMode.Intersection, "phone"));

        Assert.Equal(429, e.PeerStatus);
        Assert.NotNull(e.RetryAfter);
        Assert.True(e.RetryAfter > TimeSpan.FromHours(23));
        var audit = await nodes.Nl.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "peer:de-bka" && a.Decision == "deny" && a.Rule == "psi-budget");
    }

    [Fact]
    public async Task A_tampered_envelope_is_refused_and_journalled()
    {
        var envelope = await QueryFromGbAsync();
        var parts = envelope.Split('.');
        var ciphertext = parts[3].ToCharArray();
        ciphertext[5] = ciphertext[5] == 'A' ? 'B' : 'A';
        parts[3] = new string(ciphertext);

        var response = await PostAsync(string.Join('.', parts));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(nameof(EnvelopeRejection.DecryptionFailed), problem.GetProperty("rejection").GetString());
        var audit = await nodes.Nl.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "unverified:gb-nca" && a.Rule == "envelope-decryption-failed");
    }

    [Fact]
    public async Task A_replayed_query_is_refused()
    {
        var envelope = await QueryFromGbAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(envelope)).StatusCode);

        var replay = await PostAsync(envelope);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(nameof(EnvelopeRejection.Replayed), (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejection").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_a_jose_envelope_is_refused_with_415()
    {
        using var client = nodes.Nl.Anonymous();

        var response = await client.PostAsync("/federation/psi", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_node_without_an_exchange_identity_answers_503_saying_how_to_make_one()
    {
        await using var bare = await FederatedNode.CreateAsync("be-police", "Police fédérale", "BE", nodes.Clock, withIdentity: false);
        await bare.StartAsync();
        using var client = bare.Anonymous();

        var response = await client.PostAsync("/federation/psi", Jose("eyJ.a.b.c.d"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("liaison keys init", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A well-formed psi.query from GB to NL, sealed with GB's keys as its service would.</summary>
    private async Task<string> QueryFromGbAsync()
    {
        using var gb = nodes.Gb.OpenFederation();
        var nl = await gb.PeerAsync("nl-politie", default);
        var query = new PsiQuerier("nl-politie", [new Identifier(IdentifierKind.Phone, "+31612345678", "phone")], PsiMode.Intersection, nodes.Clock).CreateQuery();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new PsiMatchRequest("criminal-investigation", ["phone"], query), FederationMessages.Json);
        return gb.Sealer.Seal(new OutgoingMessage("nl-politie", FederationMessages.PsiQueryType, payload, FederationFixture.GbCase,
            Lifetime: FederationMessages.QueryLifetime), nl).Compact;
    }

    private async Task<HttpResponseMessage> PostAsync(string envelope)
    {
        using var client = nodes.Nl.Anonymous();
        return await client.PostAsync("/federation/psi", Jose(envelope));
    }

    private static ByteArrayContent Jose(string envelope)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue(FederationMessages.JoseMediaType);
        return content;
    }
}
