using Liaison.Core.Model;

namespace Liaison.Exchange.Cases;

/// <summary>
/// A record another agency shared with this node. Read-only: there is no way to change it here;
/// only its originator's updates replace it and a withdrawal (by the originator or the node that
/// shared it) removes it. <see cref="Record"/> hands out a fresh copy each time.
/// </summary>
public sealed record ReceivedCopy(SharedRecord Shared, string SharedBy, string ThreadId, DateTimeOffset ReceivedAt)
{
    public string RecordId => Shared.Id;
    public string OriginNode => Shared.OriginNode;
    public int Version => Shared.Version;

    /// <summary>The record with provenance saying it came from the peer that shared it.</summary>
    public EntityRecord Record
    {
        get
        {
            var record = Shared.ToEntityRecord();
            record.Envelope = record.Envelope with { Provenance = new Provenance($"peer:{SharedBy}", ReceivedAt, SharedBy, $"thread:{ThreadId}") };
            return record;
        }
    }
}
