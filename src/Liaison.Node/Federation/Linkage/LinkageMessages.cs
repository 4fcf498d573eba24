using Liaison.Matching.Clk;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The messages of the CLK linkage hub, each the signed and encrypted payload of one envelope:
/// participant → hub <c>linkage.upload</c> (one envelope), <c>linkage.upload-part</c> (one of several) and <c>linkage.result-request</c>; hub → participant
/// <c>linkage.receipt</c>, <c>linkage.part-receipt</c> and <c>linkage.result</c>. CLKs travel only to the hub, results only back to
/// the participant they concern. Record ids are opaque references chosen by each participant.
/// </summary>
public static class LinkageMessages
{
    public const string UploadType = "linkage.upload";
    public const string UploadPartType = "linkage.upload-part";
    public const string PartReceiptType = "linkage.part-receipt";
    public const string ReceiptType = "linkage.receipt";
    public const string ResultRequestType = "linkage.result-request";
    public const string ResultType = "linkage.result";

    /// <summary>Where a hub listens, relative to the endpoint in its descriptor.</summary>
    public const string Path = "federation/linkage";
}

/// <summary>A participant's CLKs for a named run. The first upload fixes the run's participants; later ones must name the same.</summary>
/// <param name="Participants">Every node id taking part, the sender included (2 or more).</param>
public sealed record LinkageUpload(string Run, string[] Participants, string SchemaFingerprint, int FilterBits, ClkRecord[] Records);

/// <summary>The hub's acknowledgement: how many CLKs it holds from the sender, and who has not uploaded yet.</summary>
public sealed record LinkageReceipt(string Run, int Uploaded, string[] WaitingFor);

/// <summary>A participant asks for its share of a run's result.</summary>
public sealed record LinkageResultRequest(string Run);

/// <summary>
/// The sender's share of the result: pairs involving its own records only (never pairs between two other
/// participants), each with the peer and the peer's opaque reference. Empty while <see cref="WaitingFor"/> is not.
/// </summary>
public sealed record LinkageResultReply(string Run, bool Complete, string[] WaitingFor, double Threshold, LinkagePair[] Matches);

/// <summary>One link: this participant's opaque reference, the peer's node id and opaque reference, the Dice score.</summary>
public sealed record LinkagePair(string Mine, string Peer, string PeerRef, double Score);
