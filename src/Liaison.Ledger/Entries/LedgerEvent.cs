namespace Liaison.Ledger.Entries;

/// <summary>
/// One auditable event, as journalled in the ledger: who did what, in which case, for which purpose,
/// to which records, what the policy decided and when. It carries record ids, never personal data.
/// Encoded canonically by <see cref="CanonicalEntryEncoding"/>.
/// </summary>
public sealed record LedgerEvent
{
    public required LedgerEventType Type { get; init; }

    /// <summary>The user or system principal that acted (e.g. <c>user:j.smith@nca</c>, <c>node:be.fedpol</c>).</summary>
    public required string Actor { get; init; }

    /// <summary>The case the action was done for, when there is one.</summary>
    public string? Case { get; init; }

    /// <summary>The stated purpose (legal basis or investigative purpose).</summary>
    public string? Purpose { get; init; }

    /// <summary>Ids of the records concerned. Order carries no meaning: the encoding sorts them.</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>The outcome: <c>allow</c>, <c>deny</c>, a new request state, <c>hit</c>/<c>no-hit</c>…</summary>
    public string? Decision { get; init; }

    /// <summary>The rule or article that produced the decision.</summary>
    public string? Rule { get; init; }

    /// <summary>When the event happened (stored in UTC, 100 ns precision).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Further named facts (peer, request id, custody action, hash…). Keys are sorted in the encoding.</summary>
    public IReadOnlyDictionary<string, string> Detail { get; init; } = new Dictionary<string, string>();

    public bool Equals(LedgerEvent? other) =>
        other is not null && CanonicalEntryEncoding.Encode(this).AsSpan().SequenceEqual(CanonicalEntryEncoding.Encode(other));

    public override int GetHashCode() => HashCode.Combine(Type, Actor, Time);
}
