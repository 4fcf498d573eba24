namespace Liaison.Exchange.Identity;

/// <summary>
/// The secret that encrypts the node's private keys at rest. Read from the environment variable
/// <c>LIAISON_KEY_PASSPHRASE</c>, or from the file named by <c>LIAISON_KEY_PASSPHRASE_FILE</c> (a
/// container or systemd secret; a trailing newline is ignored). Never logged, never in an error.
/// </summary>
public sealed class KeyPassphrase
{
    public const string VariableName = "LIAISON_KEY_PASSPHRASE";
    public const string FileVariableName = "LIAISON_KEY_PASSPHRASE_FILE";

    /// <summary>Shorter passphrases are refused when keys are created: PBKDF2 cannot make up for a guessable secret.</summary>
    public const int MinimumLength = 12;

    private readonly string _value;

    public KeyPassphrase(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    internal string Value => _value;

    internal bool IsLongEnough => _value.Length >= MinimumLength;

    /// <summary>The passphrase from <c>LIAISON_KEY_PASSPHRASE</c> or <c>LIAISON_KEY_PASSPHRASE_FILE</c> (the file wins if both are set).</summary>
    public static KeyPassphrase FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static KeyPassphrase FromEnvironment(Func<string, string?> variable)
    {
        var file = variable(FileVariableName);
        if (!string.IsNullOrEmpty(file))
        {
            if (!File.Exists(file))
            {
                throw new KeyStoreException($"{FileVariableName} names a file that does not exist");
            }
            var text = File.ReadAllText(file).TrimEnd('\r', '\n');
            return text.Length == 0
                ? throw new KeyStoreException($"the file named by {FileVariableName} is empty")
                : new KeyPassphrase(text);
        }
        var value = variable(VariableName);
        return string.IsNullOrEmpty(value)
            ? throw new KeyStoreException($"set {VariableName} or {FileVariableName} to the passphrase that protects the node keys")
            : new KeyPassphrase(value);
    }

    /// <summary>Hides the secret from debuggers, logs and string interpolation.</summary>
    public override string ToString() => "***";
}
