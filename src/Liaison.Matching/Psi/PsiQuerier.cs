using System.Security.Cryptography;
using Liaison.Core.Model;

namespace Liaison.Matching.Psi;

/// <summary>
/// The querier's side of one PSI session, a two-step state machine: <see cref="CreateQuery"/> blinds each
/// identifier with a fresh session scalar <c>a</c>; <see cref="Complete"/> unblinds the holder's answer with
/// <c>a⁻¹</c>, compares tags and forgets <c>a</c>. A querier object serves exactly one session.
/// </summary>
public sealed class PsiQuerier
{
    private readonly (Identifier Identifier, byte[] Input)[] _items;
    private readonly string _peerId;
    private readonly TimeProvider _time;
    private readonly PsiOptions _options;
    private byte[]? _scalar;

    public PsiQuerier(string peerId, IEnumerable<Identifier> identifiers, PsiMode mode, TimeProvider time, PsiOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(time);
        _peerId = peerId;
        // Duplicates would show the holder that two blinded values are equal; they are asked once.
        _items = PsiInput.Distinct(identifiers);
        if (_items.Length == 0)
        {
            throw new ArgumentException("a PSI session needs at least one identifier", nameof(identifiers));
        }
        Mode = mode;
        _time = time;
        _options = options ?? PsiOptions.Default;
        SessionId = Guid.NewGuid();
    }

    public Guid SessionId { get; }

    public PsiMode Mode { get; }

    public PsiQuerierState State { get; private set; } = PsiQuerierState.Ready;

    /// <summary>Distinct identifiers that will be asked (what the holder's budget is charged).</summary>
    public int Count => _items.Length;

    public PsiQuery CreateQuery()
    {
        if (State != PsiQuerierState.Ready)
        {
            throw new PsiProtocolException(SessionId, $"query already created (state {State})");
        }
        var scalar = Ristretto255.RandomScalar();
        var blinded = new byte[_items.Length * PsiSuite.ElementBytes];
        _options.For(_items.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                OprfRistretto255Sha512.Base.Blind(_items[i].Input, scalar, blinded.AsSpan(i * PsiSuite.ElementBytes, PsiSuite.ElementBytes));
            }
        });
        _scalar = scalar;
        State = PsiQuerierState.AwaitingResponse;
        return new PsiQuery(SessionId, PsiSuite.Name, Mode, blinded);
    }

    public PsiQuerierResult Complete(PsiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (State != PsiQuerierState.AwaitingResponse || _scalar is null)
        {
            throw new PsiProtocolException(SessionId, $"no response expected (state {State})");
        }
        Validate(response);
        var inverse = Ristretto255.Invert(_scalar);
        try
        {
            var holderTags = new HashSet<UInt128>(response.HolderSetSize);
            for (var i = 0; i < response.HolderSetSize; i++)
            {
                holderTags.Add(PsiTags.Read(response.HolderTags, i));
            }
            var matched = new bool[_items.Length];
            var invalid = 0;
            _options.For(_items.Length, (from, to) =>
            {
                Span<byte> unblinded = stackalloc byte[PsiSuite.ElementBytes];
                for (var i = from; i < to; i++)
                {
                    if (!Ristretto255.TryMultiply(inverse, response.EvaluatedElements.AsSpan(i * PsiSuite.ElementBytes, PsiSuite.ElementBytes), unblinded))
                    {
                        Interlocked.Increment(ref invalid);
                        continue;
                    }
                    // In cardinality-only mode position i is not identifier i (the holder shuffled), so only the count is meaningful.
                    var tag = Mode == PsiMode.Intersection ? PsiTags.Intersection(_items[i].Input, unblinded) : PsiTags.Cardinality(unblinded);
                    matched[i] = holderTags.Contains(tag);
                }
            });
            if (invalid > 0)
            {
                throw new PsiProtocolException(SessionId, $"{invalid} evaluated elements are not valid ristretto255 elements");
            }
            var matchCount = matched.Count(m => m);
            IReadOnlyList<Identifier>? matches = Mode == PsiMode.Intersection
                ? _items.Where((_, i) => matched[i]).Select(item => item.Identifier).ToArray()
                : null;
            var audit = new PsiAuditRecord(SessionId, PsiRole.Querier, _peerId, Mode, _items.Length, response.HolderSetSize, matchCount, _time.GetUtcNow());
            return new PsiQuerierResult(SessionId, Mode, _items.Length, response.HolderSetSize, matchCount, matches, audit);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inverse);
            CryptographicOperations.ZeroMemory(_scalar);
            _scalar = null;
            State = PsiQuerierState.Completed;
        }
    }

    private void Validate(PsiResponse response)
    {
        if (response.SessionId != SessionId)
        {
            throw new PsiProtocolException(SessionId, "response belongs to another session");
        }
        if (!string.Equals(response.Suite, PsiSuite.Name, StringComparison.Ordinal) || response.Mode != Mode)
        {
            throw new PsiProtocolException(SessionId, "response suite or mode differs from the query");
        }
        if (response.EvaluatedElements is null || response.EvaluatedElements.Length != _items.Length * PsiSuite.ElementBytes)
        {
            throw new PsiProtocolException(SessionId, "response must evaluate every asked identifier exactly once");
        }
        if (response.HolderTags is null || response.HolderTags.Length % PsiSuite.TagBytes != 0)
        {
            throw new PsiProtocolException(SessionId, "holder tags must be a multiple of 16 bytes");
        }
    }
}

/// <summary>Where a <see cref="PsiQuerier"/> is in its session.</summary>
public enum PsiQuerierState
{
    Ready,
    AwaitingResponse,
    Completed,
}
