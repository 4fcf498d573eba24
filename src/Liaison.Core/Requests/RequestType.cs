namespace Liaison.Core.Requests;

/// <summary>What an investigator asks for. The type decides which data categories a request may name.</summary>
public enum RequestType
{
    /// <summary>Keep data that exists now so that a later production request can obtain it.</summary>
    Preservation,

    /// <summary>Who holds an account, number, IP address at a time, or domain name.</summary>
    SubscriberData,

    /// <summary>Who communicated with whom, when, where and how (not what was said).</summary>
    TrafficData,

    /// <summary>What was said, stored or posted.</summary>
    ContentData,

    /// <summary>Remove or disable access to content.</summary>
    ContentTakedown,

    /// <summary>Ask the agency that owns a matching record for the data behind a hit (Prüm-style second step).</summary>
    FollowUpAfterHit,

    /// <summary>Classic mutual legal assistance to a foreign agency or central authority.</summary>
    MutualLegalAssistance,
}
