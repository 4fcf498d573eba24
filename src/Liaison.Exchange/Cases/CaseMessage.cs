namespace Liaison.Exchange.Cases;

/// <summary>One message in a case thread: who wrote it, when, the text, and the records attached (as they were sent, markings narrowed).</summary>
public sealed record CaseMessage(
    string MessageId, string ThreadId, string Author, DateTimeOffset SentAt, string Text, IReadOnlyList<SharedRecord> Records);
