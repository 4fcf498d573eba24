namespace Liaison.Core.Policy.Loading;

/// <summary>One thing wrong with a policy file: where (file, line, column), which field, and why.</summary>
public sealed record PolicyError(string File, long Line, long Column, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Reason}";
}
