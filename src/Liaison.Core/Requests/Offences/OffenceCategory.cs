namespace Liaison.Core.Requests.Offences;

/// <summary>An offence category a request may name.</summary>
/// <param name="Code">Stable code used in requests and statistics (lower-case, hyphenated).</param>
/// <param name="Title">The category as the legal text names it.</param>
/// <param name="EEvidenceDirectiveOffence">
/// The category covers offences that Regulation (EU) 2023/1543 art. 5(4)(b) lists by directive (terrorism,
/// child sexual abuse, attacks on information systems, non-cash payment fraud): when committed by means of
/// an information system, traffic and content data may be ordered even below the 3-year threshold.
/// </param>
public sealed record OffenceCategory(string Code, string Title, bool EEvidenceDirectiveOffence = false);
