using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Witnessing;

/// <summary>The witness's answer to an <see cref="AddCheckpointRequest"/>.</summary>
public sealed record WitnessResponse(WitnessVerdict Verdict, string Reason)
{
    /// <summary>The cosignature, when <see cref="WitnessVerdict.Cosigned"/>.</summary>
    public NoteSignature? Cosignature { get; init; }

    /// <summary>The size the witness last cosigned, for a 409 on the old size (body of <c>text/x.tlog.size</c>).</summary>
    public long? LatestSize { get; init; }

    /// <summary>Set when the request proved the log equivocated.</summary>
    public SplitViewAlert? SplitView { get; init; }

    /// <summary>The HTTP response body per tlog-witness: signature lines on success, the latest size on a size conflict.</summary>
    public string Body => Verdict == WitnessVerdict.Cosigned && Cosignature is not null
        ? Cosignature.ToLine()
        : LatestSize is { } size ? size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" : Reason + "\n";
}
