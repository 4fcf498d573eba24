namespace Liaison.Ledger.Witnessing;

/// <summary>
/// A witness's memory: for each log origin, the signed checkpoint it last cosigned. The node's database
/// implements it; <see cref="TryAdvanceAsync"/> must be atomic (compare-and-swap on the stored size, e.g.
/// <c>UPDATE … WHERE origin = @o AND size = @expected</c>), or two concurrent requests could roll the
/// witness back (the race described in C2SP tlog-witness).
/// </summary>
public interface IWitnessStateStore
{
    /// <summary>The last cosigned signed-checkpoint note for <paramref name="origin"/>, or null if none.</summary>
    Task<string?> GetLatestAsync(string origin, CancellationToken cancellationToken);

    /// <summary>Replaces the state only if the stored size is still <paramref name="expectedSize"/> (0 when none); false otherwise.</summary>
    Task<bool> TryAdvanceAsync(string origin, long expectedSize, long newSize, string signedCheckpoint, CancellationToken cancellationToken);
}
