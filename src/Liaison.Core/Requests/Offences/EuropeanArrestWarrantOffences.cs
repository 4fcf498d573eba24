namespace Liaison.Core.Requests.Offences;

/// <summary>
/// The 32 offences of Council Framework Decision 2002/584/JHA (European Arrest Warrant) art. 2(2), which
/// give rise to surrender without verification of double criminality when punishable in the issuing State
/// by a custodial sentence of a maximum of at least three years. Shipped as the default list of serious
/// crimes; titles as in the Official Journal (OJ L 190, 18.7.2002).
/// </summary>
public static class EuropeanArrestWarrantOffences
{
    /// <summary>The 32 categories, in the order of art. 2(2).</summary>
    public static IReadOnlyList<OffenceCategory> All { get; } =
    [
        new("criminal-organisation", "participation in a criminal organisation"),
        new("terrorism", "terrorism", EEvidenceDirectiveOffence: true),
        new("trafficking-in-human-beings", "trafficking in human beings"),
        new("child-sexual-exploitation", "sexual exploitation of children and child pornography", EEvidenceDirectiveOffence: true),
        new("drug-trafficking", "illicit trafficking in narcotic drugs and psychotropic substances"),
        new("weapons-trafficking", "illicit trafficking in weapons, munitions and explosives"),
        new("corruption", "corruption"),
        new("fraud", "fraud, including that affecting the financial interests of the European Communities within the meaning of the Convention of 26 July 1995 on the protection of the European Communities' financial interests"),
        new("money-laundering", "laundering of the proceeds of crime"),
        new("counterfeiting-currency", "counterfeiting currency, including of the euro"),
        new("computer-related-crime", "computer-related crime", EEvidenceDirectiveOffence: true),
        new("environmental-crime", "environmental crime, including illicit trafficking in endangered animal species and in endangered plant species and varieties"),
        new("facilitation-of-unauthorised-entry", "facilitation of unauthorised entry and residence"),
        new("murder-grievous-bodily-injury", "murder, grievous bodily injury"),
        new("organ-trafficking", "illicit trade in human organs and tissue"),
        new("kidnapping-hostage-taking", "kidnapping, illegal restraint and hostage-taking"),
        new("racism-xenophobia", "racism and xenophobia"),
        new("organised-armed-robbery", "organised or armed robbery"),
        new("cultural-goods-trafficking", "illicit trafficking in cultural goods, including antiques and works of art"),
        new("swindling", "swindling"),
        new("racketeering-extortion", "racketeering and extortion"),
        new("product-counterfeiting-piracy", "counterfeiting and piracy of products"),
        new("forgery-administrative-documents", "forgery of administrative documents and trafficking therein"),
        new("forgery-means-of-payment", "forgery of means of payment", EEvidenceDirectiveOffence: true),
        new("hormonal-substances-trafficking", "illicit trafficking in hormonal substances and other growth promoters"),
        new("nuclear-materials-trafficking", "illicit trafficking in nuclear or radioactive materials"),
        new("stolen-vehicles-trafficking", "trafficking in stolen vehicles"),
        new("rape", "rape"),
        new("arson", "arson"),
        new("international-criminal-court-crimes", "crimes within the jurisdiction of the International Criminal Court"),
        new("unlawful-seizure-aircraft-ships", "unlawful seizure of aircraft/ships"),
        new("sabotage", "sabotage"),
    ];
}
