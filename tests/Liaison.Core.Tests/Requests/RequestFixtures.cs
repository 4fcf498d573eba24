using Liaison.Core.Identifiers;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Core.Tests.Requests;

/// <summary>A GB agency asking a US provider (CLOUD Act), a DE agency asking an IE provider (e-Evidence), a GB agency asking ES police (MLAT).</summary>
internal sealed class RequestFixtures
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public const string Statement =
        "The phone is used by the suspected courier of a heroin importation network; subscriber and call data for the period will show who directs the deliveries and is necessary because no less intrusive source exists.";

    public static readonly TargetNormaliser Targets = new(new PhoneNumberNormalizer("GB"));

    public FakeTimeProvider Clock { get; } = new(Start);

    public RequestRules Rules { get; init; } = RequestRules.Default;


    public RequestWorkflow Workflow => new(Rules, Clock);

    public static RequestActor Investigator { get; } = new("inv-ana", "gb-nca", RequestRole.Investigator);
    public static RequestActor OtherInvestigator { get; } = new("inv-raj", "gb-nca", RequestRole.Investigator);
    public static RequestActor Supervisor { get; } = new("sup-ben", "gb-nca", RequestRole.Supervisor);
    public static RequestActor HomeOffice { get; } = new("da-ho", "gb-home-office", RequestRole.DesignatedAuthority, AuthorityCapacity.DesignatedAuthority);
    public static RequestActor LiaisonOfficer { get; } = new("lo-cat", "gb-nca", RequestRole.LiaisonOfficer);
    public static RequestActor ProviderCompliance { get; } = new("pc-dan", "us-telco", RequestRole.ProviderCompliance);
    public static RequestActor System { get; } = new("system", "gb-nca", RequestRole.System);

    /// <summary>A valid CLOUD Act request: GB investigator to a US provider, subscriber and traffic data, drug trafficking (life).</summary>
    public static DataAccessRequest CloudAct(string id = "req-1") => new()
    {
        Id = id,
        Type = RequestType.TrafficData,
        Instrument = LegalInstrument.CloudActUsUk,
        OffenceCode = "drug-trafficking",
        MaximumPenaltyYears = 99,
        Targets = [Targets.Target(TargetKind.Phone, "07911 123456", believedLocation: "GB", believedNationality: "GB")],
        Period = new(Start.AddDays(-90), Start.AddDays(-1)),
        Categories = DataCategory.SubscriberData | DataCategory.TrafficData,
        NecessityStatement = Statement,
        DoNotNotifyUser = true,
        CaseId = "case-heroin-7",
        Requester = new("gb-nca", "GB", "node-gb"),
        Addressee = new(AddresseeKind.ServiceProvider, "us-telco", "US"),
        Issuer = new("Crown Court at Southwark", AuthorityCapacity.Judge),
    };

    /// <summary>A valid EPOC: German police to an Irish provider, subscriber data for a fraud.</summary>
    public static DataAccessRequest Epoc(string id = "epoc-1") => CloudAct(id) with
    {
        Type = RequestType.SubscriberData,
        Instrument = LegalInstrument.EEvidenceProductionOrder,
        OffenceCode = "fraud",
        MaximumPenaltyYears = 5,
        Targets = [Targets.Target(TargetKind.Email, "Max.Muster@example.com")],
        Categories = DataCategory.SubscriberData,
        CaseId = "case-de-1",
        Requester = new("de-bka", "DE", "node-de"),
        Addressee = new(AddresseeKind.ServiceProvider, "ie-mail", "IE"),
        Issuer = new("Staatsanwaltschaft Berlin", AuthorityCapacity.Prosecutor),
    };

    /// <summary>A valid MLAT request from GB to the Spanish police for their records.</summary>
    public static DataAccessRequest Mlat(string id = "mla-1") => CloudAct(id) with
    {
        Type = RequestType.MutualLegalAssistance,
        Instrument = LegalInstrument.MutualLegalAssistanceTreaty,
        Categories = DataCategory.AgencyRecords,
        Addressee = new(AddresseeKind.Agency, "es-policia", "ES"),
    };

    public static RequestActor German(string id, RequestRole role, AuthorityCapacity? capacity = null) => new(id, "de-bka", role, capacity);

    public static RequestActor IrishProvider { get; } = new("pc-ie", "ie-mail", RequestRole.ProviderCompliance);

    public static RequestActor SpanishLiaison { get; } = new("lo-es", "es-policia", RequestRole.LiaisonOfficer);

    /// <summary>Opens, approves, validates and sends a CLOUD Act request.</summary>
    public DataAccessRequest Sent(DataAccessRequest? request = null)
    {
        var w = Workflow;
        var r = w.Open(request ?? CloudAct(), Investigator).Request;
        r = w.Approve(r, Supervisor).Request;
        if (r.State == RequestState.AwaitingValidation)
        {
            r = w.Validate(r, HomeOffice).Request;
        }
        return w.Send(r, LiaisonOfficer).Request;
    }

    /// <summary>A CLOUD Act request brought into <paramref name="state"/> through legal steps only.</summary>
    public DataAccessRequest InState(RequestState state)
    {
        var w = Workflow;
        var draft = w.Open(CloudAct(), Investigator).Request;
        switch (state)
        {
            case RequestState.Draft:
                return draft;
            case RequestState.Withdrawn:
                return w.Withdraw(draft, Investigator, "no longer needed").Request;
            case RequestState.AwaitingValidation:
                return w.Approve(draft, Supervisor).Request;
            case RequestState.Approved:
                return w.Validate(w.Approve(draft, Supervisor).Request, HomeOffice).Request;
        }
        var sent = Sent();
        return state switch
        {
            RequestState.Sent => sent,
            RequestState.Acknowledged => w.Acknowledge(sent, ProviderCompliance).Request,
            RequestState.ClarificationRequested => w.AskClarification(sent, ProviderCompliance, "Which account type?").Request,
            RequestState.Fulfilled => w.Fulfil(sent, ProviderCompliance).Request,
            RequestState.PartlyFulfilled => w.FulfilPartly(sent, ProviderCompliance, "traffic data older than 60 days not retained").Request,
            RequestState.Refused => w.Refuse(sent, ProviderCompliance, RefusalReason.ConflictOfLaws, "blocked by a court order").Request,
            RequestState.Expired => ExpireNow(w, sent),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    private DataAccessRequest ExpireNow(RequestWorkflow w, DataAccessRequest sent)
    {
        Clock.Advance(TimeSpan.FromDays(60));
        return w.Expire(sent, System, "no answer within the period and grace").Request;
    }
}
