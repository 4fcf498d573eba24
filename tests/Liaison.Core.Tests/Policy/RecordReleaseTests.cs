using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Release;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class RecordReleaseTests
{
    private static readonly PseudonymKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly Obligation[] PseudonymiseProtected = [new PseudonymiseSubjects(SubjectCategoriesExtensions.Protected)];

    [Fact]
    public void The_pseudonym_construction_matches_an_independent_computation()
    {
        // Computed with Python's hmac module: HMAC-SHA256(00..1f, be32(len(r)) || r || "name:doe jane")[:16], upper hex.
        Assert.Equal("PSN-E9B1010BBF509055DE6E8CA731823B0D", Key.Pseudonym("node-us-fbi", "name:doe jane"));
        Assert.Equal("PSN-A282697DD2149EA72C9867027F4E8208", Key.Pseudonym("node-de-bka", "name:doe jane"));
    }

    [Fact]
    public void A_victims_pseudonym_is_stable_for_one_recipient_and_different_for_another()
    {
        var fbi = Peer("US", "FBI");
        var bka = Peer("DE", "BKA");
        var first = Person("rec-1", subjects: SubjectCategories.Victim);
        var second = Person("rec-2", subjects: SubjectCategories.Victim);

        var toFbi1 = RecordRelease.Apply(first, PseudonymiseProtected, fbi, Key);
        var toFbi2 = RecordRelease.Apply(second, PseudonymiseProtected, fbi, Key);
        var toBka = RecordRelease.Apply(first, PseudonymiseProtected, bka, Key);

        Assert.StartsWith("PSN-", toFbi1.First("name"), StringComparison.Ordinal);
        Assert.Equal(toFbi1.First("name"), toFbi2.First("name"));
        Assert.Equal(toFbi1.First("phone"), toFbi2.First("phone"));
        Assert.NotEqual(toFbi1.First("name"), toBka.First("name"));
        Assert.NotEqual(toFbi1.First("phone"), toBka.First("phone"));
    }

    [Fact]
    public void The_same_identifier_written_differently_gets_one_pseudonym()
    {
        var fbi = Peer("US", "FBI");
        var a = Person("rec-a", subjects: SubjectCategories.Victim);
        var b = new EntityRecord("rec-b", "Person", new Dictionary<string, List<string>> { ["name"] = ["DOE, Jane"], ["phone"] = ["07700 900123"] }, a.Envelope);

        var outA = RecordRelease.Apply(a, PseudonymiseProtected, fbi, Key);
        var outB = RecordRelease.Apply(b, PseudonymiseProtected, fbi, Key);

        Assert.Equal(outA.First("name"), outB.First("name"));
        Assert.Equal(outA.First("phone"), outB.First("phone"));
    }

    [Fact]
    public void Nothing_that_identifies_a_victim_leaves_in_clear()
    {
        var victim = Person(subjects: SubjectCategories.Victim);

        var released = RecordRelease.Apply(victim, PseudonymiseProtected, Peer("US", "FBI"), Key);
        var json = JsonSerializer.Serialize(released.Properties);

        foreach (var secret in new[] { "Jane", "Doe", "7700", "1990", "Leeds", "bus station" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(["gb"], released.Values("nationality"));
        Assert.Equal(SubjectCategories.Victim, released.Envelope.Subjects);
    }

    [Fact]
    public void A_suspect_is_not_pseudonymised_by_an_obligation_for_protected_subjects()
    {
        var suspect = Person(subjects: SubjectCategories.Suspect);

        var released = RecordRelease.Apply(suspect, PseudonymiseProtected, Peer("US", "FBI"), Key);

        Assert.Equal("Jane Doe", released.First("name"));
    }

    [Fact]
    public void Links_to_a_victim_keep_their_entity_references_and_timing()
    {
        var call = new EntityRecord("call-1", "Call", new Dictionary<string, List<string>>
        {
            ["caller"] = ["rec-1"], ["receiver"] = ["rec-2"], ["callerNumber"] = ["+44 7700 900123"], ["date"] = ["2025-01-01"], ["duration"] = ["42"],
        }, Envelope("case-gb-1", SubjectCategories.Victim));

        var released = RecordRelease.Apply(call, PseudonymiseProtected, Peer("US", "FBI"), Key);

        Assert.Equal(["rec-1"], released.Values("caller"));
        Assert.Equal(["2025-01-01"], released.Values("date"));
        Assert.Equal(["42"], released.Values("duration"));
        Assert.StartsWith("PSN-", released.First("callerNumber"), StringComparison.Ordinal);
    }

    [Fact]
    public void Redaction_attachment_stripping_and_handling_are_applied_and_the_original_is_untouched()
    {
        var image = new EntityRecord("img-1", "Image", new Dictionary<string, List<string>>
        {
            ["sha256"] = ["ab12"], ["fileName"] = ["evidence.jpg"], ["mimeType"] = ["image/jpeg"], ["description"] = ["a photo"],
        }, Envelope("case-gb-1"));
        Obligation[] obligations =
        [
            new RedactProperties(["description"]),
            new StripAttachments(["fileName", "mimeType"]),
            new AddHandling(HandlingCodes.H1),
            new RaiseTlp(Tlp.AmberStrict),
        ];

        var released = RecordRelease.Apply(image, obligations, Peer("GB", "NCA"), Key);

        Assert.Equal(["sha256"], released.Properties.Keys);
        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H1, released.Envelope.Handling.Codes);
        Assert.Equal(Tlp.AmberStrict, released.Envelope.Tlp);
        Assert.Equal(4, image.Properties.Count);
        Assert.Equal(Tlp.Amber, image.Envelope.Tlp);
    }

    [Fact]
    public void The_decision_of_the_shipped_policy_releases_a_victim_pseudonymised()
    {
        var supervisor = Supervisor();
        var victim = Person(subjects: SubjectCategories.Victim);
        var nca = Peer("GB", "NCA");
        var decision = Decide(new AccessRequest { Caller = supervisor, Action = PolicyAction.Share, CaseId = "case-gb-1", Purpose = "criminal-investigation", Record = victim, Recipient = nca });

        var released = RecordRelease.Apply(victim, decision.Obligations, nca, Key);

        Assert.NotEqual("Jane Doe", released.First("name"));
    }

    [Fact]
    public void A_pseudonym_key_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PseudonymKey(new byte[16]));
    }

    [Fact]
    public void Generated_keys_differ()
    {
        Assert.NotEqual(PseudonymKey.Generate().Pseudonym("r", "k"), PseudonymKey.Generate().Pseudonym("r", "k"));
    }
}
