using System.Diagnostics;

namespace Liaison.Bench.Matching;

/// <summary>
/// Wall time and CPU time of a step. The build machine is shared (load averages far above its core
/// count), so wall time understates speed; CPU seconds used by this process give the per-core rate.
/// </summary>
internal readonly record struct Measured(double WallSeconds, double CpuSeconds)
{
    public static Measured Of(Action step)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        step();
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return new Measured(wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    public static Measured operator +(Measured x, Measured y) => new(x.WallSeconds + y.WallSeconds, x.CpuSeconds + y.CpuSeconds);

    public override string ToString() => $"{WallSeconds:N2} s ({CpuSeconds:N2} s CPU)";
}
