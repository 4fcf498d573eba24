using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Storage;

/// <summary>
/// A log kept as plain files in one folder — the form of an audit export, readable without Liaison:
/// <list type="bullet">
/// <item><c>entries.log</c>: one entry per line (<see cref="EntryLine"/>), line k holding entry k;</item>
/// <item><c>checkpoints/NNNNNNNN.note</c>: each signed checkpoint, numbered in issue order;</item>
/// <item><c>cosignatures.jsonl</c>: witness cosignatures, one JSON object per line.</item>
/// </list>
/// Appends are flushed to disk before they return. Line offsets are indexed in memory on open.
/// </summary>
public sealed class FileLedgerStore : ILedgerStore
{
    /// <summary>File name of the entries inside the folder.</summary>
    public const string EntriesFile = "entries.log";
    /// <summary>Folder of signed checkpoints inside the folder.</summary>
    public const string CheckpointsFolder = "checkpoints";
    /// <summary>File name of the cosignatures inside the folder.</summary>
    public const string CosignaturesFile = "cosignatures.jsonl";

    private readonly string _folder;
    private readonly List<long> _lineStarts = [];
    private readonly Lock _lock = new();
    private long _length;

    private FileLedgerStore(string folder)
    {
        _folder = folder;
    }

    /// <summary>Opens (or, with <paramref name="create"/>, creates) a store folder.</summary>
    public static FileLedgerStore Open(string folder, bool create = false)
    {
        if (!Directory.Exists(folder))
        {
            if (!create)
            {
                throw new DirectoryNotFoundException($"no ledger folder at '{folder}'");
            }
            Directory.CreateDirectory(folder);
        }
        Directory.CreateDirectory(Path.Combine(folder, CheckpointsFolder));
        var store = new FileLedgerStore(folder);
        store.IndexLines();
        return store;
    }

    private string EntriesPath => Path.Combine(_folder, EntriesFile);

    private void IndexLines()
    {
        if (!File.Exists(EntriesPath))
        {
            File.WriteAllBytes(EntriesPath, []);
        }
        using var stream = new FileStream(EntriesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var buffer = new byte[1 << 16];
        long position = 0;
        var atLineStart = true;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (atLineStart)
                {
                    _lineStarts.Add(position + i);
                    atLineStart = false;
                }
                if (buffer[i] == (byte)'\n')
                {
                    atLineStart = true;
                }
            }
            position += read;
        }
        _length = position;
    }

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            if (_length > 0 && !EndsWithNewline())
            {
                throw new LedgerSequenceException("the last line of entries.log is incomplete; repair the file before appending");
            }
            for (var i = 0; i < entries.Count; i++)
            {
                var expected = _lineStarts.Count + (long)i;
                if (entries[i].Index != expected)
                {
                    throw new LedgerSequenceException(expected, entries[i].Index);
                }
            }
            using var stream = new FileStream(EntriesPath, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
            var position = _length;
            var starts = new List<long>(entries.Count);
            foreach (var entry in entries)
            {
                var line = EntryLine.Format(entry);
                stream.Write(line);
                starts.Add(position);
                position += line.Length;
            }
            stream.Flush(flushToDisk: true);
            _lineStarts.AddRange(starts);
            _length = position;
        }
        return Task.CompletedTask;
    }

    private bool EndsWithNewline()
    {
        using var stream = new FileStream(EntriesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    public Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_lineStarts.Count);
        }
    }

    public Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken)
    {
        long start;
        long end;
        lock (_lock)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lineStarts.Count);
            start = _lineStarts[(int)index];
            end = index + 1 < _lineStarts.Count ? _lineStarts[(int)index + 1] : _length;
        }
        using var stream = new FileStream(EntriesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(start, SeekOrigin.Begin);
        var line = new byte[end - start];
        stream.ReadExactly(line);
        return Task.FromResult(EntryLine.Parse(TrimNewline(line)));
    }

    public async IAsyncEnumerable<LedgerEntry> ReadRangeAsync(long start, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long offset;
        long end;
        lock (_lock)
        {
            if (start >= _lineStarts.Count)
            {
                yield break;
            }
            offset = _lineStarts[(int)start];
            var last = count > _lineStarts.Count - start ? _lineStarts.Count : start + count;
            end = last < _lineStarts.Count ? _lineStarts[(int)last] : _length;
        }
        await using var stream = new FileStream(EntriesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: false);
        stream.Seek(offset, SeekOrigin.Begin);
        var remaining = end - offset;
        var pending = new List<byte>(512);
        var buffer = new byte[1 << 16];
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                break;
            }
            remaining -= read;
            var lineStart = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                LedgerEntry entry;
                if (pending.Count > 0)
                {
                    pending.AddRange(buffer.AsSpan(lineStart, i - lineStart));
                    entry = EntryLine.Parse(pending.ToArray());
                    pending.Clear();
                }
                else
                {
                    entry = EntryLine.Parse(buffer.AsSpan(lineStart, i - lineStart));
                }
                lineStart = i + 1;
                yield return entry;
            }
            pending.AddRange(buffer.AsSpan(lineStart, read - lineStart));
        }
        if (pending.Count > 0)
        {
            // A last line without its newline: a torn write or an edit. Hand it over for the verifier to judge.
            yield return EntryLine.Parse(pending.ToArray());
        }
    }

    private static ReadOnlySpan<byte> TrimNewline(byte[] line) =>
        line.Length > 0 && line[^1] == (byte)'\n' ? line.AsSpan(0, line.Length - 1) : line;

    public Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_lock)
        {
            var folder = Path.Combine(_folder, CheckpointsFolder);
            var next = Directory.EnumerateFiles(folder, "*.note").Count() + 1;
            var path = Path.Combine(folder, next.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + ".note");
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Encoding.UTF8.GetBytes(checkpoint.SignedNote));
            stream.Flush(flushToDisk: true);
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_folder, CheckpointsFolder);
        foreach (var path in Directory.EnumerateFiles(folder, "*.note").Order(StringComparer.Ordinal))
        {
            var note = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
            yield return new StoredCheckpoint(Checkpoints.Checkpoint.PeekSize(note), note);
        }
    }

    public async Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken)
    {
        StoredCheckpoint? last = null;
        await foreach (var c in ReadCheckpointsAsync(cancellationToken))
        {
            last = c;
        }
        return last;
    }

    public Task AddCosignatureAsync(StoredCosignature cosignature, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var line = JsonSerializer.Serialize(cosignature, LedgerJson.Default.StoredCosignature) + "\n";
            using var stream = new FileStream(Path.Combine(_folder, CosignaturesFile), FileMode.Append, FileAccess.Write);
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredCosignature> ReadCosignaturesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder, CosignaturesFile);
        if (!File.Exists(path))
        {
            yield break;
        }
        foreach (var line in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken))
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, LedgerJson.Default.StoredCosignature)
                    ?? throw new JsonException("empty cosignature line");
            }
        }
    }
}
