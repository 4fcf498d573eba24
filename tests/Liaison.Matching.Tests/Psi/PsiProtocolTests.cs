using System.Text.Json;
using Liaison.Core.Model;
using Liaison.Matching.Psi;
using static Liaison.Matching.Tests.Psi.PsiFixtures;

namespace Liaison.Matching.Tests.Psi;

public sealed class PsiProtocolTests
{
    [Fact]
    public void Querier_learns_exactly_which_of_its_identifiers_the_holder_has()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001", "+447700900002", "+447700900003", "+33612345678"), time);

        var (result, _) = Run(Phones("+447700900002", "+447700900009", "+33612345678"), holder, time);

        Assert.Equal(["+447700900002", "+33612345678"], result.Matches!.Select(m => m.Value));
        Assert.Equal(2, result.MatchCount);
        Assert.Equal(4, result.HolderSetSize);
    }

    [Fact]
    public void Cardinality_only_session_reveals_the_count_but_not_which()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001", "+447700900002", "+447700900003"), time);

        var (result, reply) = Run(Phones("+447700900001", "+447700900003", "+447700900007", "+447700900008"), holder, time, PsiMode.CardinalityOnly);

        Assert.Equal(2, result.MatchCount);
        Assert.Null(result.Matches);
        Assert.Equal(PsiMode.CardinalityOnly, reply.Response.Mode);
    }

    [Fact]
    public void Holder_journals_how_many_were_asked_but_not_how_many_matched()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);

        var (result, reply) = Run(Phones("+447700900001", "+447700900002"), holder, time);

        Assert.Equal(new PsiAuditRecord(result.SessionId, PsiRole.Holder, "querier-node", PsiMode.Intersection, 2, 1, null, time.GetUtcNow()), reply.Audit);
        Assert.Equal(new PsiAuditRecord(result.SessionId, PsiRole.Querier, "holder-node", PsiMode.Intersection, 2, 1, 1, time.GetUtcNow()), result.Audit);
    }

    [Fact]
    public void Same_value_of_different_kinds_does_not_match()
    {
        var time = Clock();
        var holder = Holder([new Identifier(IdentifierKind.DocumentNumber, "123456789", "passport")], time);

        var (result, _) = Run([new Identifier(IdentifierKind.Phone, "123456789", "phone")], holder, time);

        Assert.Equal(0, result.MatchCount);
    }

    [Fact]
    public void Duplicate_identifiers_are_asked_once()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);

        var (result, reply) = Run(Phones("+447700900001", "+447700900001", "+447700900002"), holder, time);

        Assert.Equal(2, reply.Audit.IdentifiersAsked);
        Assert.Single(result.Matches!);
    }

    [Fact]
    public void Messages_carry_only_fixed_size_elements_and_tags()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001", "+447700900002", "+447700900003"), time);
        var querier = new PsiQuerier("holder-node", Phones("+447700900001", "+447700900004"), PsiMode.Intersection, time);

        var query = querier.CreateQuery();
        var response = holder.Respond("querier-node", query).Response;

        Assert.Equal(2 * 32, query.BlindedElements.Length);
        Assert.Equal(2 * 32, response.EvaluatedElements.Length);
        Assert.Equal(3 * 16, response.HolderTags.Length);
        Assert.Equal(["SessionId", "Suite", "Mode", "BlindedElements", "Count"], PropertyNames(query));
        Assert.Equal(["SessionId", "Suite", "Mode", "EvaluatedElements", "HolderTags", "EvaluatedCount", "HolderSetSize"], PropertyNames(response));
    }

    [Fact]
    public void Fresh_keys_make_every_session_look_different_for_the_same_identifiers()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001", "+447700900002"), time);
        var asked = Phones("+447700900001");

        var first = holder.Respond("querier-node", new PsiQuerier("holder-node", asked, PsiMode.Intersection, time).CreateQuery()).Response;
        var second = holder.Respond("querier-node", new PsiQuerier("holder-node", asked, PsiMode.Intersection, time).CreateQuery()).Response;

        Assert.NotEqual(first.EvaluatedElements, second.EvaluatedElements);
        Assert.Empty(TagsOf(first).Intersect(TagsOf(second)));
    }

    [Fact]
    public void Session_survives_a_json_round_trip_of_both_messages()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001", "+447700900002"), time);
        var querier = new PsiQuerier("holder-node", Phones("+447700900002", "+447700900003"), PsiMode.Intersection, time);

        var query = JsonSerializer.Deserialize<PsiQuery>(JsonSerializer.Serialize(querier.CreateQuery()))!;
        var response = JsonSerializer.Deserialize<PsiResponse>(JsonSerializer.Serialize(holder.Respond("querier-node", query).Response))!;
        var result = querier.Complete(response);

        Assert.Equal(["+447700900002"], result.Matches!.Select(m => m.Value));
    }

    [Fact]
    public void Holder_refuses_elements_that_are_not_in_the_group()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);
        var forged = new PsiQuery(Guid.NewGuid(), PsiSuite.Name, PsiMode.Intersection, Enumerable.Repeat((byte)0xff, 32).ToArray());

        var e = Assert.Throws<PsiProtocolException>(() => holder.Respond("querier-node", forged));

        Assert.Contains("not valid ristretto255", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holder_refuses_an_unknown_suite()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);
        var query = new PsiQuerier("holder-node", Phones("+447700900001"), PsiMode.Intersection, time).CreateQuery() with { Suite = "psi-v0" };

        Assert.Throws<PsiProtocolException>(() => holder.Respond("querier-node", query));
    }

    [Fact]
    public void Querier_refuses_a_response_for_another_session()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);
        var mine = new PsiQuerier("holder-node", Phones("+447700900001"), PsiMode.Intersection, time);
        var other = new PsiQuerier("holder-node", Phones("+447700900001"), PsiMode.Intersection, time);
        mine.CreateQuery();

        var otherResponse = holder.Respond("querier-node", other.CreateQuery()).Response;

        Assert.Throws<PsiProtocolException>(() => mine.Complete(otherResponse));
    }

    [Fact]
    public void Querier_cannot_complete_twice_or_query_twice()
    {
        var time = Clock();
        var holder = Holder(Phones("+447700900001"), time);
        var querier = new PsiQuerier("holder-node", Phones("+447700900001"), PsiMode.Intersection, time);
        var response = holder.Respond("querier-node", querier.CreateQuery()).Response;
        querier.Complete(response);

        Assert.Equal(PsiQuerierState.Completed, querier.State);
        Assert.Throws<PsiProtocolException>(() => querier.Complete(response));
        Assert.Throws<PsiProtocolException>(() => querier.CreateQuery());
    }

    private static string[] PropertyNames(object message) =>
        [.. JsonDocument.Parse(JsonSerializer.Serialize(message)).RootElement.EnumerateObject().Select(p => p.Name)];

    private static HashSet<string> TagsOf(PsiResponse response) =>
        [.. response.HolderTags.Chunk(16).Select(Convert.ToHexString)];
}
