using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Liaison.Matching.Psi;
using static Liaison.Matching.Tests.Psi.PsiFixtures;

namespace Liaison.Matching.Tests.Psi;

public sealed class PsiPropertyTests
{
    private static readonly Gen<string[]> SmallPhoneSet =
        Gen.ArrayOf(Gen.Choose(0, 40).Select(i => $"+4477009000{i:D2}")).Select(a => a.Take(12).ToArray());

    [Property(MaxTest = 30)]
    public Property Intersection_equals_the_plain_set_intersection() =>
        Prop.ForAll(SmallPhoneSet.ToArbitrary(), SmallPhoneSet.ToArbitrary(), (asked, held) =>
        {
            if (asked.Length == 0)
            {
                return true;
            }
            var time = Clock();
            var (result, _) = Run(Phones(asked), Holder(Phones(held), time), time);
            var expected = asked.Distinct().Intersect(held).Order(StringComparer.Ordinal);
            return result.Matches!.Select(m => m.Value).Order(StringComparer.Ordinal).SequenceEqual(expected);
        });

    [Property(MaxTest = 30)]
    public Property Cardinality_equals_the_plain_intersection_size() =>
        Prop.ForAll(SmallPhoneSet.ToArbitrary(), SmallPhoneSet.ToArbitrary(), (asked, held) =>
        {
            if (asked.Length == 0)
            {
                return true;
            }
            var time = Clock();
            var (result, _) = Run(Phones(asked), Holder(Phones(held), time), time, PsiMode.CardinalityOnly);
            return result.MatchCount == asked.Distinct().Intersect(held).Count() && result.Matches is null;
        });

    [Property(MaxTest = 20)]
    public Property Result_does_not_depend_on_which_side_asks() =>
        Prop.ForAll(SmallPhoneSet.ToArbitrary(), SmallPhoneSet.ToArbitrary(), (x, y) =>
        {
            if (x.Length == 0 || y.Length == 0)
            {
                return true;
            }
            var time = Clock();
            var (xy, _) = Run(Phones(x), Holder(Phones(y), time), time);
            var (yx, _) = Run(Phones(y), Holder(Phones(x), time), time);
            return xy.Matches!.Select(m => m.Value).Order(StringComparer.Ordinal)
                .SequenceEqual(yx.Matches!.Select(m => m.Value).Order(StringComparer.Ordinal));
        });
}
