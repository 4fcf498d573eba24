namespace Liaison.Core.Requests;

/// <summary>
/// The categories of data a request names. The split of subscriber, identification, traffic and content
/// data follows Regulation (EU) 2023/1543 art. 3(9)–(12), because the rules on who must authorise and for
/// which offences differ between them.
/// </summary>
[Flags]
public enum DataCategory
{
    None = 0,

    /// <summary>Name, address, contact details, payment details and service details of a subscriber.</summary>
    SubscriberData = 1,

    /// <summary>IP address, source port and time stamp requested only to identify the user.</summary>
    UserIdentificationData = 2,

    /// <summary>Metadata of communications other than identification data: source, destination, time, location.</summary>
    TrafficData = 4,

    /// <summary>The content of communications or stored material.</summary>
    ContentData = 8,

    /// <summary>Registration details of a domain name (Budapest Second Protocol art. 6).</summary>
    DomainRegistrationData = 16,

    /// <summary>Personal and case data an agency holds behind a hit/no-hit match.</summary>
    DataBehindHit = 32,

    /// <summary>Records held by a foreign agency (criminal records, case files, statements).</summary>
    AgencyRecords = 64,
}

/// <summary>Helpers over <see cref="DataCategory"/> sets.</summary>
public static class DataCategories
{
    /// <summary>Each single category present in <paramref name="set"/>, in a stable order.</summary>
    public static IEnumerable<DataCategory> Each(this DataCategory set) =>
        Enum.GetValues<DataCategory>().Where(c => c != DataCategory.None && set.HasFlag(c));

    /// <summary>True when <paramref name="set"/> holds any of <paramref name="categories"/>.</summary>
    public static bool HasAny(this DataCategory set, DataCategory categories) => (set & categories) != 0;
}
