namespace Liaison.Cli;

/// <summary>A failure the user can act on: printed as one line on stderr, with a non-zero exit code.</summary>
internal sealed class CliFailure(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class CliRunner
{
    /// <summary>
    /// Runs a command body and turns every expected failure into one clear stderr line and an exit
    /// code (1 for bad input or state, 2 for a failed verification), never a stack trace.
    /// </summary>
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliFailure e)
        {
            await Console.Error.WriteLineAsync("liaison: " + e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is Liaison.Core.Validation.InvalidRecordException or Liaison.Interchange.Text.InputFormatException
                                      or Liaison.Ledger.Notes.NoteFormatException or Liaison.Ledger.Appending.LedgerIntegrityException or IOException or UnauthorizedAccessException
                                      or InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync("liaison: " + e.Message);
            return 1;
        }
    }

    public static int Run(Func<int> body) => Run(() => Task.FromResult(body())).GetAwaiter().GetResult();
}
