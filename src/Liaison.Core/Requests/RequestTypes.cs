using static Liaison.Core.Requests.DataCategory;

namespace Liaison.Core.Requests;

/// <summary>Which data categories each request type may name, and which it must name.</summary>
public static class RequestTypes
{
    private const DataCategory Everything = SubscriberData | UserIdentificationData | TrafficData | ContentData | DomainRegistrationData | DataBehindHit | AgencyRecords;

    /// <summary>The categories a request of <paramref name="type"/> may name. A more intrusive type may include the less intrusive categories.</summary>
    public static DataCategory Allowed(RequestType type) => type switch
    {
        RequestType.Preservation => SubscriberData | UserIdentificationData | TrafficData | ContentData,
        RequestType.SubscriberData => SubscriberData | UserIdentificationData | DomainRegistrationData,
        RequestType.TrafficData => SubscriberData | UserIdentificationData | TrafficData,
        RequestType.ContentData => SubscriberData | UserIdentificationData | TrafficData | ContentData,
        RequestType.ContentTakedown => ContentData,
        RequestType.FollowUpAfterHit => DataBehindHit | AgencyRecords,
        _ => Everything,
    };

    /// <summary>At least one of these must be named: a traffic-data request that names no traffic data is mislabelled.</summary>
    public static DataCategory Principal(RequestType type) => type switch
    {
        RequestType.SubscriberData => SubscriberData | UserIdentificationData | DomainRegistrationData,
        RequestType.TrafficData => TrafficData,
        RequestType.ContentData or RequestType.ContentTakedown => ContentData,
        RequestType.FollowUpAfterHit => DataBehindHit,
        _ => Allowed(type),
    };
}
