namespace Liaison.Analysis.Graphs.Import;

/// <summary>A network file that cannot be read: names the file, the line and what is wrong, never the values on it.</summary>
public sealed class NetworkFileException(string file, int line, string reason)
    : Exception($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
