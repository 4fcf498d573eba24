namespace Liaison.Ledger.Entries;

/// <summary>What an auditable event records. The wire name (see <see cref="LedgerEventTypes"/>) is part of the signed log.</summary>
public enum LedgerEventType
{
    /// <summary>A record was read (opened, displayed, exported to the analyst).</summary>
    Read,
    /// <summary>A search or query ran.</summary>
    Query,
    /// <summary>Data was shared with a peer.</summary>
    Share,
    /// <summary>A peer acknowledged receipt of a message.</summary>
    Receipt,
    /// <summary>A hit/no-hit comparison ran against a peer.</summary>
    HitRun,
    /// <summary>A hit/no-hit comparison found a common subject.</summary>
    Hit,
    /// <summary>A data-access request moved between states.</summary>
    RequestTransition,
    /// <summary>The policy engine allowed or denied an action.</summary>
    PolicyDecision,
    /// <summary>A chain-of-custody step for an evidence item.</summary>
    Custody,
    /// <summary>An administrative action (users, keys, peers, configuration).</summary>
    Admin,
}

/// <summary>Stable wire names of <see cref="LedgerEventType"/>.</summary>
public static class LedgerEventTypes
{
    private static readonly string[] Names =
        ["read", "query", "share", "receipt", "hit-run", "hit", "request-transition", "policy-decision", "custody", "admin"];

    public static string WireName(this LedgerEventType type) => Names[(int)type];

    public static bool TryParse(string name, out LedgerEventType type)
    {
        var i = Array.IndexOf(Names, name);
        type = (LedgerEventType)Math.Max(i, 0);
        return i >= 0;
    }
}
