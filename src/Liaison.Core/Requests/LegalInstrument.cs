namespace Liaison.Core.Requests;

/// <summary>The legal basis under which a request is made. Each has its own scope, safeguards and deadlines (see <see cref="Instruments.InstrumentCatalogue"/>).</summary>
public enum LegalInstrument
{
    /// <summary>US–UK Agreement on Access to Electronic Data for the Purpose of Countering Serious Crime (2019), under the US CLOUD Act.</summary>
    CloudActUsUk,

    /// <summary>European Production Order certificate (EPOC), Regulation (EU) 2023/1543.</summary>
    EEvidenceProductionOrder,

    /// <summary>European Preservation Order certificate (EPOC-PR), Regulation (EU) 2023/1543.</summary>
    EEvidencePreservationOrder,

    /// <summary>Budapest Convention Second Additional Protocol (CETS 224) art. 6: domain name registration information.</summary>
    BudapestArticle6DomainRegistration,

    /// <summary>Budapest Convention Second Additional Protocol (CETS 224) art. 7: subscriber information directly from a provider.</summary>
    BudapestArticle7SubscriberInformation,

    /// <summary>A mutual legal assistance treaty request through the central authorities.</summary>
    MutualLegalAssistanceTreaty,

    /// <summary>Follow-up exchange after a Prüm hit (Council Decision 2008/615/JHA, Regulation (EU) 2024/982).</summary>
    PrumFollowUp,

    /// <summary>Removal order for terrorist content online, Regulation (EU) 2021/784.</summary>
    TerroristContentRemovalOrder,
}
