namespace Liaison.Ledger.Custody;

/// <summary>
/// The custody steps of one item in ledger order, and the rules a sound chain follows: it starts with
/// <c>collected</c> or <c>received-from</c>; the item is examined or exported only while in our custody;
/// after <c>transferred-to</c> it is out of custody until <c>received-from</c>; it is not received while
/// already held; a transfer or receipt names the counterparty; time never runs backwards; a <c>purged</c>
/// step (retention deleted the file) ends custody like a transfer, and only an item in custody is purged.
/// </summary>
public sealed record CustodyTrail(string Item, IReadOnlyList<(long Index, CustodyEvent Step)> Steps)
{
    /// <summary>The step that purged the file, when the trail ends with one (the file is gone on purpose, not missing).</summary>
    public (long Index, CustodyEvent Step)? Purge => Steps.Count > 0 && Steps[^1].Step.Action == CustodyAction.Purged ? Steps[^1] : null;

    /// <summary>Problems with the chain, each naming the ledger index of the step; empty when sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Steps.Count == 0)
        {
            problems.Add("no custody step is journalled for this item");
            return problems;
        }
        var inCustody = false;
        DateTimeOffset? previous = null;
        for (var i = 0; i < Steps.Count; i++)
        {
            var (index, step) = Steps[i];
            var at = $"entry {index} ({step.Action.WireName()})";
            if (previous is { } p && step.Time < p)
            {
                problems.Add($"{at}: dated before the previous step");
            }
            previous = step.Time;
            if (step.Action is CustodyAction.ReceivedFrom or CustodyAction.TransferredTo && string.IsNullOrEmpty(step.Counterparty))
            {
                problems.Add($"{at}: names no counterparty");
            }
            switch (step.Action)
            {
                case CustodyAction.Collected when i > 0:
                    problems.Add($"{at}: collected again after the chain started");
                    break;
                case CustodyAction.Collected:
                case CustodyAction.ReceivedFrom when !inCustody:
                    inCustody = true;
                    break;
                case CustodyAction.ReceivedFrom:
                    problems.Add($"{at}: received while already in custody");
                    break;
                case CustodyAction.TransferredTo or CustodyAction.Purged when inCustody:
                    inCustody = false;
                    break;
                case CustodyAction.TransferredTo or CustodyAction.Purged:
                case CustodyAction.Accessed or CustodyAction.Exported when !inCustody:
                    problems.Add($"{at}: the item was not in custody");
                    break;
                default:
                    break;
            }
        }
        return problems;
    }
}
