using FsCheck.Xunit;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Release;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class MarkingPropagationTests
{
    private static readonly PseudonymKey Key = new(new byte[32]);

    private static Tlp TlpOf(int value) => (Tlp)(Math.Abs(value % 5));

    private static HandlingCodes CodesOf(int value) => (HandlingCodes)(Math.Abs(value % 16));

    [Property(MaxTest = 300)]
    public bool Along_any_chain_of_shares_TLP_never_widens_and_no_handling_code_is_lost(int startTlp, int startCodes, int[] hopTlps, int[] hopCodes)
    {
        var record = Person(subjects: SubjectCategories.Victim, tlp: TlpOf(startTlp)) is var p
            ? new EntityRecord(p.Id, p.Schema, p.Properties, p.Envelope with { Handling = new Handling(CodesOf(startCodes), "original restriction") })
            : null!;
        var hops = Math.Min(hopTlps.Length, hopCodes.Length);
        for (var i = 0; i < hops; i++)
        {
            // Each hop imposes something random, including "wider" markings that must not take effect.
            var obligations = new List<Obligation>
            {
                new RaiseTlp(TlpOf(hopTlps[i])),
                new AddHandling(CodesOf(hopCodes[i]), i % 3 == 0 ? $"restriction {i}" : null),
                new PseudonymiseSubjects(SubjectCategoriesExtensions.Protected),
            };
            var next = RecordRelease.Apply(record, obligations, Peer(i % 2 == 0 ? "DE" : "GB", $"agency {i}"), Key);
            var before = Marking.Of(record.Envelope);
            var after = Marking.Of(next.Envelope);
            if (!after.IsAtLeastAsNarrowAs(before) || !(after.Handling.Restriction ?? "").Contains("original restriction", StringComparison.Ordinal))
            {
                return false;
            }
            record = next;
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Receiving_a_copy_never_widens_what_is_held(int heldTlp, int heldCodes, int declaredTlp, int declaredCodes)
    {
        var held = new Marking(TlpOf(heldTlp), new Handling(CodesOf(heldCodes)));

        var kept = MarkingPropagation.OnReceipt(held, new Marking(TlpOf(declaredTlp), new Handling(CodesOf(declaredCodes))));

        return kept.IsAtLeastAsNarrowAs(held);
    }

    [Fact]
    public void A_share_that_imposes_a_wider_TLP_keeps_the_narrower_one()
    {
        var marking = MarkingPropagation.OnShare(new Marking(Tlp.AmberStrict, Handling.LawEnforcementOnly), [new RaiseTlp(Tlp.Green)]);

        Assert.Equal(Tlp.AmberStrict, marking.Tlp);
    }

    [Fact]
    public void Handling_codes_accumulate_and_keep_both_restriction_texts()
    {
        var marking = MarkingPropagation.OnShare(new Marking(Tlp.Amber, new Handling(HandlingCodes.H0 | HandlingCodes.H3, "no publication")),
            [new AddHandling(HandlingCodes.H1 | HandlingCodes.H3, "court only with consent")]);

        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H1 | HandlingCodes.H3, marking.Handling.Codes);
        Assert.Equal("no publication; court only with consent", marking.Handling.Restriction);
    }
}
