using System.Globalization;

namespace Liaison.Core.Policy.Retention;

/// <summary>
/// How long after a record reaches the node it must be reviewed: a whole number of years, months or
/// days, written <c>3y</c>, <c>18m</c>, <c>30d</c>. Calendar units, not a day count, so "three years"
/// ends on the same calendar day.
/// </summary>
public readonly record struct RetentionPeriod(int Amount, RetentionUnit Unit)
{
    public static bool TryParse(string? text, out RetentionPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }
        var unit = char.ToLowerInvariant(text[^1]) switch
        {
            'y' => RetentionUnit.Years,
            'm' => RetentionUnit.Months,
            'd' => RetentionUnit.Days,
            _ => (RetentionUnit?)null,
        };
        if (unit is null || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100 * 366)
        {
            return false;
        }
        period = new RetentionPeriod(amount, unit.Value);
        return true;
    }

    public static RetentionPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (a number followed by y, m or d: 3y, 18m, 30d)");

    /// <summary>The calendar date this period after <paramref name="from"/>.</summary>
    public DateOnly After(DateOnly from) => Unit switch
    {
        RetentionUnit.Years => from.AddYears(Amount),
        RetentionUnit.Months => from.AddMonths(Amount),
        _ => from.AddDays(Amount),
    };

    /// <summary>The calendar date this period before <paramref name="from"/>.</summary>
    public DateOnly Before(DateOnly from) => Unit switch
    {
        RetentionUnit.Years => from.AddYears(-Amount),
        RetentionUnit.Months => from.AddMonths(-Amount),
        _ => from.AddDays(-Amount),
    };

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        RetentionUnit.Years => "y",
        RetentionUnit.Months => "m",
        _ => "d",
    };
}

/// <summary>The calendar unit of a <see cref="RetentionPeriod"/>.</summary>
public enum RetentionUnit
{
    Days,
    Months,
    Years,
}
