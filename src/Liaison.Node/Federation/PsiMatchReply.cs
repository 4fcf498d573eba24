using Liaison.Matching.Psi;

namespace Liaison.Node.Federation;

/// <summary>The signed payload of a <c>psi.response</c>: the holder's answer to one query message.</summary>
/// <param name="InReplyTo">The message id of the <c>psi.query</c> answered.</param>
/// <param name="Response">Evaluated elements and the holder's tags.</param>
public sealed record PsiMatchReply(string InReplyTo, PsiResponse Response);
