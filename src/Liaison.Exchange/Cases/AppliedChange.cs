namespace Liaison.Exchange.Cases;

/// <summary>
/// One change an incoming case message made at this node, for its journal: <see cref="Kind"/> is
/// <c>stored</c> (a copy of a shared record), <c>updated</c> (the originator's newer version),
/// <c>withdrawn</c> (the copy deleted) or <c>passed-on</c> (the withdrawal sent on to <see cref="To"/>,
/// a node this one had forwarded the record to). <see cref="CaseId"/> is the originator's case, when known.
/// </summary>
public sealed record AppliedChange(string Kind, string OriginNode, string RecordId, string? CaseId, int Version, string? To = null);
