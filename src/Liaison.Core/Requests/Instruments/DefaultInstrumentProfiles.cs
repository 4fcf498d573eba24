using static Liaison.Core.Requests.AuthorityCapacity;
using D = Liaison.Core.Requests.DataCategory;
using T = Liaison.Core.Requests.RequestType;

namespace Liaison.Core.Requests.Instruments;

/// <summary>The default profile of each instrument. See docs/requests.md for the reading behind each rule.</summary>
internal static class DefaultInstrumentProfiles
{
    private static readonly HashSet<AuthorityCapacity> JudgeOrProsecutor = [Prosecutor, InvestigatingJudge, Judge, Court];
    private static readonly HashSet<AuthorityCapacity> JudgeOnly = [InvestigatingJudge, Judge, Court];

    public static IReadOnlyList<InstrumentProfile> All { get; } =
    [
        new()
        {
            Instrument = LegalInstrument.CloudActUsUk,
            Title = "US–UK Data Access Agreement (CLOUD Act)",
            Citation = "Agreement between the USA and the UK on Access to Electronic Data for the Purpose of Countering Serious Crime (2019), arts. 1, 4, 5",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.Preservation, T.SubscriberData, T.TrafficData, T.ContentData },
            Categories = D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData,
            // Art. 4(1): orders only for a Serious Crime; art. 1: punishable by a maximum of at least three years.
            SeriousCrimeRequiredFor = D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData,
            // Art. 5: the issuing Party's Designated Authority reviews each order for compliance before it is transmitted.
            Validations = [new(D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData, new HashSet<AuthorityCapacity> { DesignatedAuthority }, "US–UK Agreement art. 5")],
            IssuerJurisdictions = Jurisdictions.UsUk,
            AddresseeJurisdictions = Jurisdictions.UsUk,
            ProtectedPersons =
            [
                new("GB", "US", ProtectsNationals: true, ProtectsPersonsLocatedThere: true, "US–UK Agreement art. 4(3)"),
                new("US", "GB", ProtectsNationals: false, ProtectsPersonsLocatedThere: true, "US–UK Agreement art. 4"),
            ],
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(7),
                ExpiryGrace = TimeSpan.FromDays(30),
                Basis = "configurable default: the Agreement leaves the period to the domestic order (7 days is the usual UK overseas production order period)",
            },
        },
        new()
        {
            Instrument = LegalInstrument.EEvidenceProductionOrder,
            Title = "European Production Order (EPOC)",
            Citation = "Regulation (EU) 2023/1543 arts. 4, 5, 10",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.SubscriberData, T.TrafficData, T.ContentData },
            Categories = D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData,
            // Art. 5(3): subscriber and identification data for all criminal offences; art. 5(4): traffic and content data
            // only for offences with a maximum of at least 3 years, or the listed directive offences committed by an information system.
            SeriousCrimeRequiredFor = D.TrafficData | D.ContentData,
            DirectiveOffencesQualify = true,
            Validations =
            [
                new(D.SubscriberData | D.UserIdentificationData, JudgeOrProsecutor, "Regulation (EU) 2023/1543 art. 4(1)"),
                new(D.TrafficData | D.ContentData, JudgeOnly, "Regulation (EU) 2023/1543 art. 4(2)"),
            ],
            IssuerJurisdictions = Jurisdictions.EEvidenceParticipants,
            AddresseeJurisdictions = Jurisdictions.EEvidenceParticipants,
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(10),
                EmergencyResponse = TimeSpan.FromHours(8),
                ExpiryGrace = TimeSpan.FromDays(10),
                Basis = "Regulation (EU) 2023/1543 art. 10: 10 days from receipt, 8 hours in an emergency",
            },
        },
        new()
        {
            Instrument = LegalInstrument.EEvidencePreservationOrder,
            Title = "European Preservation Order (EPOC-PR)",
            Citation = "Regulation (EU) 2023/1543 arts. 4(3), 6, 11",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.Preservation },
            Categories = D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData,
            Validations = [new(D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData, JudgeOrProsecutor, "Regulation (EU) 2023/1543 art. 4(3)")],
            IssuerJurisdictions = Jurisdictions.EEvidenceParticipants,
            AddresseeJurisdictions = Jurisdictions.EEvidenceParticipants,
            Deadlines = new()
            {
                // Art. 11(1): preserve without undue delay; preservation ceases after 60 days unless a production request follows.
                Response = TimeSpan.FromDays(60),
                ExpiryGrace = TimeSpan.FromDays(1),
                PreservationPeriod = TimeSpan.FromDays(60),
                Basis = "Regulation (EU) 2023/1543 art. 11(1) (preservation for 60 days)",
            },
        },
        new()
        {
            Instrument = LegalInstrument.BudapestArticle6DomainRegistration,
            Title = "Budapest Second Protocol art. 6: domain name registration information",
            Citation = "Second Additional Protocol to the Convention on Cybercrime (CETS No. 224) art. 6",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.SubscriberData },
            Categories = D.DomainRegistrationData,
            TargetKinds = new HashSet<TargetKind> { TargetKind.Domain },
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(30),
                ExpiryGrace = TimeSpan.FromDays(30),
                Basis = "configurable default: art. 6 sets no period",
            },
        },
        new()
        {
            Instrument = LegalInstrument.BudapestArticle7SubscriberInformation,
            Title = "Budapest Second Protocol art. 7: subscriber information",
            Citation = "Second Additional Protocol to the Convention on Cybercrime (CETS No. 224) art. 7",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.SubscriberData },
            Categories = D.SubscriberData,
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(30),
                ExpiryGrace = TimeSpan.FromDays(30),
                Basis = "Second Protocol art. 7: 30 days from receipt, after which the issuing Party may turn to art. 8 or mutual assistance",
            },
        },
        new()
        {
            Instrument = LegalInstrument.MutualLegalAssistanceTreaty,
            Title = "Mutual legal assistance treaty request",
            Citation = "the bilateral or multilateral MLA treaty between the Parties",
            AddresseeKind = AddresseeKind.Agency,
            Types = new HashSet<RequestType>(Enum.GetValues<RequestType>()),
            Categories = D.SubscriberData | D.UserIdentificationData | D.TrafficData | D.ContentData | D.DomainRegistrationData | D.DataBehindHit | D.AgencyRecords,
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(90),
                EmergencyResponse = TimeSpan.FromDays(3),
                ExpiryGrace = TimeSpan.FromDays(90),
                Basis = "configurable default: MLA treaties set no binding period",
            },
        },
        new()
        {
            Instrument = LegalInstrument.PrumFollowUp,
            Title = "Prüm follow-up after a hit",
            Citation = "Council Decision 2008/615/JHA; Regulation (EU) 2024/982",
            AddresseeKind = AddresseeKind.Agency,
            Types = new HashSet<RequestType> { T.FollowUpAfterHit },
            Categories = D.DataBehindHit,
            RequiresHitReference = true,
            Deadlines = new()
            {
                Response = TimeSpan.FromDays(30),
                EmergencyResponse = TimeSpan.FromDays(1),
                ExpiryGrace = TimeSpan.FromDays(30),
                Basis = "configurable default",
            },
        },
        new()
        {
            Instrument = LegalInstrument.TerroristContentRemovalOrder,
            Title = "Removal order for terrorist content online",
            Citation = "Regulation (EU) 2021/784 arts. 3, 4",
            AddresseeKind = AddresseeKind.ServiceProvider,
            Types = new HashSet<RequestType> { T.ContentTakedown },
            Categories = D.ContentData,
            Offences = new HashSet<string>(StringComparer.Ordinal) { "terrorism" },
            IssuerJurisdictions = Jurisdictions.EuropeanUnion,
            CrossBorderOnly = false,
            Deadlines = new()
            {
                Response = TimeSpan.FromHours(1),
                ExpiryGrace = TimeSpan.FromHours(23),
                Basis = "Regulation (EU) 2021/784 art. 3(3): remove within one hour of receipt",
            },
        },
    ];
}
