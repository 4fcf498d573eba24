using System.Security.Cryptography;

namespace Liaison.Matching.Psi;

/// <summary>What the holder sends back, and what it journals.</summary>
public sealed record PsiHolderReply(PsiResponse Response, PsiAuditRecord Audit);

/// <summary>
/// The holder's side: answers one <see cref="PsiQuery"/> per session with a fresh random key <c>b</c>, after
/// validating the message and charging the peer's <see cref="PsiBudget"/>. The key is never stored, so
/// answers from different sessions cannot be combined. The holder learns the peer, the mode and how many
/// identifiers were asked — not which, and not how many matched.
/// </summary>
public sealed class PsiHolder
{
    private readonly PsiHolderSet _set;
    private readonly PsiBudget _budget;
    private readonly TimeProvider _time;
    private readonly PsiOptions _options;

    public PsiHolder(PsiHolderSet set, PsiBudget budget, TimeProvider time, PsiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(time);
        _set = set;
        _budget = budget;
        _time = time;
        _options = options ?? PsiOptions.Default;
    }

    public PsiHolderReply Respond(string peerId, PsiQuery query)
    {
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var count = query.Count;
        _budget.Charge(peerId, query.SessionId, count);

        var key = Ristretto255.RandomScalar();
        try
        {
            var evaluated = Evaluate(query, key);
            var tags = HolderTags(query.Mode, key);
            var response = new PsiResponse(query.SessionId, PsiSuite.Name, query.Mode, evaluated, tags);
            var audit = new PsiAuditRecord(query.SessionId, PsiRole.Holder, peerId, query.Mode, count, _set.Count, null, _time.GetUtcNow());
            return new PsiHolderReply(response, audit);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void Validate(PsiQuery query)
    {
        if (!string.Equals(query.Suite, PsiSuite.Name, StringComparison.Ordinal))
        {
            throw new PsiProtocolException(query.SessionId, "unsupported suite");
        }
        if (!Enum.IsDefined(query.Mode))
        {
            throw new PsiProtocolException(query.SessionId, "unknown mode");
        }
        if (query.BlindedElements is null || query.BlindedElements.Length == 0 || query.BlindedElements.Length % PsiSuite.ElementBytes != 0)
        {
            throw new PsiProtocolException(query.SessionId, "blinded elements must be a non-empty multiple of 32 bytes");
        }
    }

    private byte[] Evaluate(PsiQuery query, byte[] key)
    {
        var count = query.Count;
        var evaluated = new byte[query.BlindedElements.Length];
        // Query order in intersection mode; a secret permutation in cardinality-only mode, so the querier
        // cannot tell which of its identifiers produced a match.
        var position = Enumerable.Range(0, count).ToArray();
        if (query.Mode == PsiMode.CardinalityOnly)
        {
            RandomNumberGenerator.Shuffle(position.AsSpan());
        }
        var invalid = 0;
        _options.For(count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var source = query.BlindedElements.AsSpan(i * PsiSuite.ElementBytes, PsiSuite.ElementBytes);
                var target = evaluated.AsSpan(position[i] * PsiSuite.ElementBytes, PsiSuite.ElementBytes);
                if (!OprfRistretto255Sha512.TryBlindEvaluate(key, source, target))
                {
                    Interlocked.Increment(ref invalid);
                }
            }
        });
        if (invalid > 0)
        {
            throw new PsiProtocolException(query.SessionId, $"{invalid} blinded elements are not valid ristretto255 elements");
        }
        return evaluated;
    }

    private byte[] HolderTags(PsiMode mode, byte[] key)
    {
        var count = _set.Count;
        var tags = new UInt128[count];
        _options.For(count, (from, to) =>
        {
            Span<byte> element = stackalloc byte[PsiSuite.ElementBytes];
            for (var i = from; i < to; i++)
            {
                if (!Ristretto255.TryMultiply(key, _set.HashedElements.AsSpan(i * PsiSuite.ElementBytes, PsiSuite.ElementBytes), element))
                {
                    throw new CryptographicException("holder element evaluated to the identity");
                }
                tags[i] = mode == PsiMode.Intersection ? PsiTags.Intersection(_set.Inputs[i], element) : PsiTags.Cardinality(element);
            }
        });
        // Shuffled so that the order of the holder's records says nothing (e.g. insertion time).
        RandomNumberGenerator.Shuffle(tags.AsSpan());
        var bytes = new byte[count * PsiSuite.TagBytes];
        for (var i = 0; i < count; i++)
        {
            PsiTags.Write(bytes, i, tags[i]);
        }
        return bytes;
    }
}
