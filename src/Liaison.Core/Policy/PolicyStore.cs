using Liaison.Core.Policy.Loading;

namespace Liaison.Core.Policy;

/// <summary>
/// Holds the policy in force and swaps it atomically on reload, so a new file takes effect without a
/// restart and no request is ever decided under half of one file and half of another. A file that
/// does not validate is refused and the policy in force stays.
/// </summary>
public sealed class PolicyStore
{
    private CompiledPolicy current;

    public PolicyStore(CompiledPolicy initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        current = initial;
    }

    /// <summary>The policy in force. Read it once per request and decide everything under that value.</summary>
    public CompiledPolicy Current => Volatile.Read(ref current);

    /// <summary>The errors of the last reload that was refused, or empty when the last reload succeeded.</summary>
    public IReadOnlyList<PolicyError> LastErrors { get; private set; } = [];

    /// <summary>Loads the policy a node starts with; throws <see cref="PolicyFileException"/> when it does not validate.</summary>
    public static PolicyStore Load(string text, string fileName) => new(PolicyLoader.Compile(text, fileName));

    /// <summary>
    /// Validates <paramref name="text"/> and, if it is a good policy, puts it in force. The node's file
    /// watcher calls this; a bad file is reported and changes nothing.
    /// </summary>
    public PolicyReloadResult Reload(string text, string fileName)
    {
        try
        {
            var next = PolicyLoader.Compile(text, fileName);
            var previous = Interlocked.Exchange(ref current, next);
            LastErrors = [];
            return new PolicyReloadResult(true, next.Label, previous.Label, []);
        }
        catch (PolicyFileException e)
        {
            LastErrors = e.Errors;
            return new PolicyReloadResult(false, Current.Label, Current.Label, e.Errors);
        }
    }
}

/// <summary>What a reload did: whether the new file is in force, the label in force now and before, and the errors if refused.</summary>
public sealed record PolicyReloadResult(bool Applied, string InForce, string Previous, IReadOnlyList<PolicyError> Errors);
