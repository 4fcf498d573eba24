using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// One question to the policy: may this caller do this action, in this case, for this purpose, on this
/// record, towards this recipient? The node builds one per record it reads or sends.
/// </summary>
public sealed record AccessRequest
{
    public required Caller Caller { get; init; }
    public required PolicyAction Action { get; init; }

    /// <summary>The case the caller is working under. Required for every action on case content.</summary>
    public string? CaseId { get; init; }

    /// <summary>The purpose of processing, one of the policy file's purposes. Required with <see cref="CaseId"/>.</summary>
    public string? Purpose { get; init; }

    /// <summary>The record read or sent, when the action concerns one.</summary>
    public EntityRecord? Record { get; init; }

    /// <summary>Where the data goes, for shares, exports and requests sent abroad.</summary>
    public Recipient? Recipient { get; init; }

    /// <summary>The legal instrument the caller invokes (e.g. a CLOUD Act order); when set, only rules under it apply.</summary>
    public string? Instrument { get; init; }

    /// <summary>The offence under investigation, one of the policy file's offences; instruments for serious crime need it.</summary>
    public string? Offence { get; init; }

    /// <summary>
    /// Data categories of a payload that is not a record (the identifiers in a drafted request, a match
    /// query); they add to the categories the policy finds in <see cref="Record"/>.
    /// </summary>
    public IReadOnlyCollection<string> Categories { get; init; } = [];
}
