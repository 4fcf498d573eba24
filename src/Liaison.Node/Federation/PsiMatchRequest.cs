using Liaison.Matching.Psi;

namespace Liaison.Node.Federation;

/// <summary>
/// The signed payload of a <c>psi.query</c>. The envelope header carries the querier's case reference;
/// the purpose travels here because the exchange header has no field for it. The holder builds its set
/// from the declared <see cref="Kinds"/> only, so a querier that lies about them only loses hits: the
/// PSI input is prefixed by the kind, and identifiers of other kinds can never match.
/// </summary>
/// <param name="Purpose">The purpose of processing, one of the holder's policy purposes.</param>
/// <param name="Kinds">The identifier kinds asked ("phone", "email", "document", "iban", "wallet", "plate").</param>
/// <param name="Query">The blinded identifiers.</param>
/// <param name="Offence">The offence under investigation, when the querier names one (instruments for serious crime need it).</param>
public sealed record PsiMatchRequest(string Purpose, IReadOnlyList<string> Kinds, PsiQuery Query, string? Offence = null);
