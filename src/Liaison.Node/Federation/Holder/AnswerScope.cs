using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Exchange.Peers;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Federation;

/// <summary>
/// How the holder frames an incoming query for its policy engine, and which of its records may answer.
/// <para>
/// A hit tells the querier that this node holds one of its identifiers: data about a person goes from
/// this node's jurisdiction to the peer's. So the decision is the one a liaison officer here would
/// need to <b>share</b> with that peer: the caller is this node's liaison desk acting for the peer
/// (user <c>peer:&lt;node-id&gt;</c>, role liaison-officer, this node's agency and jurisdiction — the
/// policy's "from"), the recipient is the peer (its agency and jurisdiction from its descriptor — the
/// policy's "to"), the data categories are those of the kinds asked (phone/e-mail → contact,
/// IBAN/wallet → financial, document → identity, plate → vehicle), the purpose and offence are the
/// querier's. The querier's case reference becomes an incoming case <c>&lt;peer&gt;:&lt;case&gt;</c> that
/// the desk works under, as SIENA opens a case for an incoming request; a query without one is
/// refused (case-required), like any request without a case.
/// </para>
/// <para>
/// Which records answer: those of every case the desk may see (the default policy's
/// <c>liaison-desk-sees-agency</c> rule gives it every case of the agency — all cases of the node),
/// except copies received from other agencies (a hit on them would pass on another agency's data:
/// ask the originator), records marked narrower than the permitting rule lets out (and TLP:RED always:
/// it leaves only to a named person), and records about protected subjects (minors, victims,
/// witnesses, informants) whose data category the rule does not cover for this peer.
/// </para>
/// </summary>
internal static class AnswerScope
{
    public static string? IncomingCase(string peer, string? caseReference) => caseReference is null ? null : $"{peer}:{caseReference}";

    public static Caller DeskFor(Peer peer, NodeConfig node, string? incomingCase) =>
        new("peer:" + peer.NodeId, [Role.LiaisonOfficer], incomingCase is null ? [] : [incomingCase], node.Agency, node.NodeId, node.Jurisdiction);

    public static AccessRequest Request(Caller desk, Peer peer, string? incomingCase, PsiMatchRequest query, IReadOnlyCollection<string> categories) => new()
    {
        Caller = desk,
        Action = PolicyAction.Share,
        CaseId = incomingCase,
        Purpose = query.Purpose,
        Offence = string.IsNullOrWhiteSpace(query.Offence) ? null : query.Offence,
        Recipient = new Recipient(peer.NodeId, peer.Descriptor.Agency, peer.Descriptor.Jurisdiction),
        Categories = categories,
    };

    /// <summary>Subjects whose records stay out of the answer: those whose policy category the rules do not let go to this peer.</summary>
    public static SubjectCategories ExcludedSubjects(PolicyEngine engine, AccessRequest permitted)
    {
        var excluded = SubjectCategories.None;
        foreach (var category in engine.Store.Current.DataCategories.Where(c => c.Subjects != SubjectCategories.None))
        {
            var decision = engine.Decide(permitted with { Categories = [.. permitted.Categories, category.Id] });
            if (!decision.IsPermitted)
            {
                excluded |= category.Subjects;
            }
        }
        return excluded;
    }

    /// <summary>The widest-to-narrowest limit of the permitting rule, never beyond AMBER+STRICT.</summary>
    public static Tlp MaxTlp(PolicyEngine engine, PolicyDecision permitted)
    {
        var rule = engine.Store.Current.Rules.FirstOrDefault(r => string.Equals(r.Id, permitted.Rule, StringComparison.Ordinal));
        var max = rule?.MaxTlp ?? Tlp.AmberStrict;
        return max > Tlp.AmberStrict ? Tlp.AmberStrict : max;
    }

    /// <summary>The markings the answer travels with: H0 and TLP:AMBER, narrowed by the rule's obligations.</summary>
    public static (HandlingCodes Handling, Tlp Tlp) Markings(PolicyDecision permitted)
    {
        var handling = HandlingCodes.H0;
        var tlp = Tlp.Amber;
        foreach (var obligation in permitted.Obligations)
        {
            switch (obligation)
            {
                case AddHandling add:
                    handling |= add.Codes;
                    break;
                case RaiseTlp raise:
                    tlp = TlpExtensions.Narrowest(tlp, raise.AtLeast);
                    break;
            }
        }
        return (handling, tlp);
    }
}
