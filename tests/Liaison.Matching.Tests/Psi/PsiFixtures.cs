using Liaison.Core.Model;
using Liaison.Matching.Psi;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Matching.Tests.Psi;

internal static class PsiFixtures
{
    public static Identifier Phone(string e164) => new(IdentifierKind.Phone, e164, "phone");

    public static Identifier[] Phones(params string[] numbers) => [.. numbers.Select(Phone)];

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public static PsiHolder Holder(IEnumerable<Identifier> held, TimeProvider time, PsiBudgetOptions? budget = null) =>
        new(PsiHolderSet.Prepare(held), new PsiBudget(budget ?? new PsiBudgetOptions(), time), time);

    /// <summary>Runs a whole session: query, answer, completion, as two nodes would over the wire.</summary>
    public static (PsiQuerierResult Querier, PsiHolderReply Holder) Run(IEnumerable<Identifier> asked, PsiHolder holder, TimeProvider time, PsiMode mode = PsiMode.Intersection)
    {
        var querier = new PsiQuerier("holder-node", asked, mode, time);
        var reply = holder.Respond("querier-node", querier.CreateQuery());
        return (querier.Complete(reply.Response), reply);
    }
}
