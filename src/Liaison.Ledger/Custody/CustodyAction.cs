namespace Liaison.Ledger.Custody;

/// <summary>
/// Steps of a chain of custody. Each is a CASE/UCO <c>uco-action:Action</c> on the evidence
/// <c>uco-observable:File</c> (see docs/ledger.md for the mapping).
/// </summary>
public enum CustodyAction
{
    /// <summary>Seized or collected by this agency (the trail starts here).</summary>
    Collected,
    /// <summary>Received from another agency, provider or person (the trail may start here).</summary>
    ReceivedFrom,
    /// <summary>Handed over to another agency or person: out of our custody until received back.</summary>
    TransferredTo,
    /// <summary>Opened or examined.</summary>
    Accessed,
    /// <summary>A copy left the node (package, disclosure); the original stays in custody.</summary>
    Exported,
    /// <summary>
    /// The stored file was deleted under the retention schedule (its review date had passed). Ends the
    /// custody; the trail before it stays in the ledger, so a verifier can tell a purged file from a missing one.
    /// </summary>
    Purged,
}

/// <summary>Wire names of <see cref="CustodyAction"/>.</summary>
public static class CustodyActions
{
    private static readonly string[] Names = ["collected", "received-from", "transferred-to", "accessed", "exported", "purged"];

    public static string WireName(this CustodyAction action) => Names[(int)action];

    public static bool TryParse(string? name, out CustodyAction action)
    {
        var i = name is null ? -1 : Array.IndexOf(Names, name);
        action = (CustodyAction)Math.Max(i, 0);
        return i >= 0;
    }
}
