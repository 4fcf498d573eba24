namespace Liaison.Analysis.Ads;

/// <summary>
/// Trafficking indicators in sex-services ads, as described in published research: Ibanez and
/// Suthers (2014, HICSS) for third-person language, movement and age hints; Dubrawski et al. (2015,
/// Journal of Human Trafficking) and Kejriwal et al. (2017) for shared contacts across ads and
/// cities and for prices below the local market; Latonero (2011) and Polaris typologies for
/// several providers behind one advertiser. None proves trafficking: they direct attention.
/// </summary>
public enum IndicatorKind
{
    /// <summary>The advertised person is written about ("she is new", "this girl") rather than writing ("I am").</summary>
    ThirdPerson,

    /// <summary>"New in town", "just arrived", "only here until Friday": people moved from city to city.</summary>
    Movement,

    /// <summary>Euphemisms hinting at youth ("fresh", "barely legal", "young") or a stated age of 18–20.</summary>
    AgeHint,

    /// <summary>Several providers offered by one advertiser ("new girls every week", "2 girls").</summary>
    MultipleProviders,

    /// <summary>The ad's phone or e-mail appears in other ads (often under other names).</summary>
    SharedContact,

    /// <summary>The ad's contact or image appears in ads in other cities.</summary>
    MultipleCities,

    /// <summary>The ad's image hash appears in other ads.</summary>
    SharedImage,

    /// <summary>The hourly price is far below the city's median (robust z-score).</summary>
    LowPrice,

    /// <summary>Services signalling lack of control over one's own safety or time ("no condom", "available 24/7").</summary>
    RiskIndicators,
}
