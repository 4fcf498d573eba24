using Liaison.Interchange.Csv;

namespace Liaison.Storage.Import;

/// <summary>How to import a file: into which case, by whom, and what to do with bad rows.</summary>
public sealed record ImportOptions
{
    public const string DefaultCase = "default";

    public string CaseId { get; init; } = DefaultCase;
    public required string ImportedBy { get; init; }
    /// <summary>Keep going past bad rows and write a rejects report; default is all-or-nothing.</summary>
    public bool SkipInvalid { get; init; }
    /// <summary>Re-import a file whose SHA-256 this case has already imported.</summary>
    public bool Force { get; init; }
    /// <summary>ftm, stix, csv, edges or cdr; detected from the name and header when null.</summary>
    public string? Format { get; init; }
    /// <summary>Column mapping for entity CSV files.</summary>
    public ColumnMapping? Mapping { get; init; }
    /// <summary>
    /// Let records keep the case their file names (an FtM "liaison" block). Only the node operator's
    /// CLI import without --case does; an upload into a case may write into that case only.
    /// </summary>
    public bool AllowFileCases { get; init; }
    /// <summary>Called now and then with (bytes read, total bytes).</summary>
    public Action<long, long>? Progress { get; init; }
}

/// <summary>The outcome of one file's import.</summary>
public sealed record ImportResult(string File, string Format, long ImportId, long Accepted, long Rejected, string? RejectsReport);

/// <summary>A row refused under --skip-invalid.</summary>
public sealed record RejectedRow(long Line, string RecordId, string Field, string Reason);
