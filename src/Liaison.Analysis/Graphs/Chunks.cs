namespace Liaison.Analysis.Graphs;

/// <summary>
/// Splits work over a fixed number of chunks so that parallel sums add up in the same order on
/// every run: results are reproducible to the last bit on a given machine.
/// </summary>
internal static class Chunks
{
    /// <summary>Chunk count for <paramref name="items"/> items of which each chunk should hold at least <paramref name="minimum"/>.</summary>
    public static int For(int items, int minimum, int perCore = 4)
    {
        var byWork = Math.Max(1, items / Math.Max(1, minimum));
        return Math.Min(byWork, Environment.ProcessorCount * perCore);
    }

    public static (int Start, int End) Range(int chunk, int chunks, int items)
    {
        var size = items / chunks;
        var rest = items % chunks;
        var start = chunk * size + Math.Min(chunk, rest);
        return (start, start + size + (chunk < rest ? 1 : 0));
    }
}
