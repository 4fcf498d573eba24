namespace Liaison.Node.Web.Cases;

/// <summary>The latest (bytes read, total bytes) an import reported, read by the progress stream.</summary>
internal sealed class ImportProgress
{
    private long _read;
    private long _total;

    public long Read => Interlocked.Read(ref _read);
    public long Total => Interlocked.Read(ref _total);

    public void Report(long read, long total)
    {
        Interlocked.Exchange(ref _read, read);
        Interlocked.Exchange(ref _total, total);
    }
}
