namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// One numbered part of a participant's CLKs for a run, each the payload of its own envelope so that an
/// upload of any size fits <c>Exchange:MaxEnvelopeBytes</c>. Every part repeats the run's header (so the
/// first part can open the run) and what the whole upload is — <see cref="Parts"/>, <see cref="TotalClks"/>
/// and <see cref="SetDigest"/> — which the hub checks against the first part and, at the last part,
/// against the CLKs it has joined. Parts are sent in order, 1 to <see cref="Parts"/>.
/// </summary>
/// <param name="Clks">
/// Base64url (unpadded, RFC 4648 §5) of this part's CLKs in the hub's binary form (<see cref="HubBlobs"/>: version byte, count,
/// words; per CLK its length-prefixed UTF-8 id, the filter's 64-bit words little-endian, its block keys):
/// about 4/3 × 150 bytes a CLK where a JSON array of words takes about 580.
/// </param>
/// <param name="SetDigest">Lower-case hex SHA-256 of the whole upload in the same binary form, all parts' CLKs in order.</param>
public sealed record LinkageUploadPart(string Run, string[] Participants, string SchemaFingerprint, int FilterBits,
    int Part, int Parts, int TotalClks, string SetDigest, string Clks);

/// <summary>The hub's acknowledgement of one part: CLKs held so far from the sender and, once the last part is in, who has not uploaded yet.</summary>
public sealed record LinkagePartReceipt(string Run, int Part, int Parts, int ReceivedClks, bool Complete, string[] WaitingFor);
