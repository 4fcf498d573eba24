namespace Liaison.Analysis.Cdr;

/// <summary>
/// One call-detail record: who called whom, when, for how long, where the caller was (serving cell,
/// or coordinates) and, when the operator gave it, the caller's handset (IMEI).
/// </summary>
public readonly record struct CallRecord(
    string Caller,
    string Callee,
    DateTimeOffset Start,
    TimeSpan Duration,
    string? Cell = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Imei = null);
