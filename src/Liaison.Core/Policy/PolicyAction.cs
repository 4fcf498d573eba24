namespace Liaison.Core.Policy;

/// <summary>Everything a caller can ask the node to do that the policy decides on.</summary>
public enum PolicyAction
{
    ReadRecord,
    Search,
    Import,
    Export,
    Share,
    RunMatch,
    DraftRequest,
    ApproveRequest,
    RespondRequest,
    ReadLedger,
    VerifyLedger,
    ReadStatistics,
    ManageUsers,
    ManagePeers,
    ManagePolicy,
    /// <summary>See the records past their review date (ids and envelopes, never content) and extend a review.</summary>
    ReviewRetention,
    /// <summary>Purge the records overdue beyond the grace period now, rather than at the next scheduled run.</summary>
    PurgeRecords,
    /// <summary>Ask how the policy in force decides a read or a share of a stored record (the decision, never the content).</summary>
    CheckPolicy,
}

/// <summary>What an action implies for the checks the policy runs.</summary>
public static class PolicyActionExtensions
{
    /// <summary>
    /// Actions that read or write personal data of a case. They need a case and a purpose, pass
    /// need-to-know, and are never open to the data protection officer.
    /// </summary>
    public static bool TouchesCaseContent(this PolicyAction action) => action is PolicyAction.ReadRecord or PolicyAction.Search
        or PolicyAction.Import or PolicyAction.Export or PolicyAction.Share or PolicyAction.RunMatch or PolicyAction.DraftRequest
        or PolicyAction.ApproveRequest or PolicyAction.RespondRequest;

    /// <summary>Actions whose data leaves this node's control (to a peer, or to a file), so markings and legal basis apply.</summary>
    public static bool IsOutbound(this PolicyAction action) => action is PolicyAction.Export or PolicyAction.Share;
}
