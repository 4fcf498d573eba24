using System.ComponentModel.DataAnnotations;

namespace Liaison.Exchange;

/// <summary>Limits and tolerances of the exchange; bind from configuration section "Exchange".</summary>
public sealed class ExchangeOptions
{
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How far a peer's clock may be off from ours: "created" may be this far in the future, "expires" this far in the past.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>The largest envelope accepted, in bytes, checked before any parsing. Default 16 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxEnvelopeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The longest life a message may claim (expires − created); bounds how long the replay cache must remember an id.</summary>
    public TimeSpan MaxMessageLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most signed messages one batch envelope may carry.</summary>
    [Range(1, 10_000)]
    public int MaxBatchMessages { get; set; } = 256;

    /// <summary>The life given to a message when the sender does not say.</summary>
    public TimeSpan DefaultMessageLifetime { get; set; } = TimeSpan.FromDays(2);
}
