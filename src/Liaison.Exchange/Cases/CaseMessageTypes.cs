namespace Liaison.Exchange.Cases;

/// <summary>The envelope types of case messaging and their payloads (JSON, camelCase).</summary>
public static class CaseMessageTypes
{
    /// <summary>A message in a thread, with text and attached records (<see cref="CasePost"/>).</summary>
    public const string Post = "case.message";
    /// <summary>The originator's new version of a shared record (<see cref="RecordUpdate"/>).</summary>
    public const string RecordUpdate = "record.update";
    /// <summary>A shared record withdrawn: receivers delete their copy (<see cref="RecordWithdrawal"/>).</summary>
    public const string RecordWithdrawal = "record.withdraw";
}

/// <summary>Payload of <see cref="CaseMessageTypes.Post"/>.</summary>
public sealed record CasePost(string ThreadId, string CaseReference, string Subject, List<string> Participants, string Text, List<SharedRecord> Records);

/// <summary>Payload of <see cref="CaseMessageTypes.RecordUpdate"/>.</summary>
public sealed record RecordUpdate(string ThreadId, SharedRecord Record);

/// <summary>Payload of <see cref="CaseMessageTypes.RecordWithdrawal"/>: which record, and its latest version at withdrawal.</summary>
public sealed record RecordWithdrawal(string ThreadId, string OriginNode, string RecordId, int Version);
