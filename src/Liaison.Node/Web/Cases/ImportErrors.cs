using Liaison.Core.Validation;
using Liaison.Interchange.Text;

namespace Liaison.Node.Web.Cases;

/// <summary>
/// The import failures an investigator can fix (a bad row, an unknown format, a file imported twice).
/// Their messages name the file, line, field and record id, never the values, so they can be shown.
/// </summary>
internal static class ImportErrors
{
    public static bool IsInputError(Exception e) =>
        e is InvalidRecordException or InputFormatException or ArgumentException or FormatException or InvalidOperationException;
}
