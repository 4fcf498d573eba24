namespace Liaison.Analysis.Cdr;

/// <summary>
/// For each number, the rows it takes part in (as caller or callee), in time order: a CSR built by
/// one counting pass over the rows in time order, so per-number questions (timeline, top contacts, bursts) cost that number's rows.
/// </summary>
internal sealed class RowIndex
{
    public RowIndex(CallRecords cdr)
    {
        var n = cdr.NumberCount;
        var offsets = new int[n + 1];
        for (var r = 0; r < cdr.Count; r++)
        {
            offsets[cdr.Caller[r] + 1]++;
            if (cdr.Callee[r] != cdr.Caller[r])
            {
                offsets[cdr.Callee[r] + 1]++;
            }
        }
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var fill = offsets[..n];
        var rows = new int[offsets[n]];
        // Filling in global time order leaves every number's rows in time order.
        foreach (var r in cdr.TimeOrder)
        {
            rows[fill[cdr.Caller[r]]++] = r;
            if (cdr.Callee[r] != cdr.Caller[r])
            {
                rows[fill[cdr.Callee[r]]++] = r;
            }
        }
        Offsets = offsets;
        Rows = rows;
    }

    public int[] Offsets { get; }
    public int[] Rows { get; }

    public ReadOnlySpan<int> Of(int number) => Rows.AsSpan(Offsets[number], Offsets[number + 1] - Offsets[number]);
}
