namespace Liaison.Core.Requests.CallRecords;

/// <summary>Where a record of an evidence package came from: the request it answers, the file and line.</summary>
public sealed record EvidenceProvenance(string RequestId, string File, long Line);

/// <summary>One call from a provider's call-detail records, numbers in E.164.</summary>
/// <param name="Caller">Calling number, E.164.</param>
/// <param name="Callee">Called number, E.164.</param>
/// <param name="Start">When the call started (with its UTC offset as the provider gave it).</param>
/// <param name="Duration">How long it lasted.</param>
/// <param name="CellId">The serving cell, when the provider gives one.</param>
/// <param name="Provenance">Request, file and line it came from.</param>
public sealed record CallDetailRecord(string Caller, string Callee, DateTimeOffset Start, TimeSpan Duration, string? CellId, EvidenceProvenance Provenance);

/// <summary>A problem in a CDR file: file, line, field (column) and reason; never the value itself.</summary>
public sealed record CdrError(string File, long Line, string Field, string Reason)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}: field '{Field}': {Reason}");
}

/// <summary>The rows read from a CDR file and the problems found; import only when <see cref="IsClean"/>.</summary>
public sealed record CdrImport(IReadOnlyList<CallDetailRecord> Rows, IReadOnlyList<CdrError> Errors)
{
    public bool IsClean => Errors.Count == 0;

    /// <summary>Throws <see cref="Validation.InvalidRecordException"/> for the first problem, located by file and line.</summary>
    public void ThrowIfInvalid()
    {
        if (Errors.Count > 0)
        {
            var e = Errors[0];
            throw new Liaison.Core.Validation.InvalidRecordException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line-{e.Line}"), e.Field, e.Reason, e.File, e.Line);
        }
    }
}
