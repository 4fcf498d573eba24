namespace Liaison.Interchange.Csv;

/// <summary>One call-detail row, phones already in E.164, time in UTC.</summary>
public readonly record struct CallDetailRecord(string Caller, string Callee, DateTime StartedAt, int DurationSeconds, string? CellId, double? Latitude, double? Longitude);
