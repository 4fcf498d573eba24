namespace Liaison.Analysis.Cdr;

/// <summary>For each location, the rows placed there, in time order (a CSR like <see cref="RowIndex"/>).</summary>
internal sealed class LocationIndex
{
    public LocationIndex(CallRecords cdr)
    {
        var n = cdr.Locations.Length;
        var offsets = new int[n + 1];
        foreach (var r in cdr.TimeOrder)
        {
            if (cdr.Location[r] >= 0)
            {
                offsets[cdr.Location[r] + 1]++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        var fill = offsets[..n];
        var rows = new int[offsets[n]];
        // Filling in global time order leaves every location's rows in time order.
        foreach (var r in cdr.TimeOrder)
        {
            if (cdr.Location[r] >= 0)
            {
                rows[fill[cdr.Location[r]]++] = r;
            }
        }
        Offsets = offsets;
        Rows = rows;
    }

    public int[] Offsets { get; }
    public int[] Rows { get; }

    public ReadOnlySpan<int> At(int location) => Rows.AsSpan(Offsets[location], Offsets[location + 1] - Offsets[location]);
}
