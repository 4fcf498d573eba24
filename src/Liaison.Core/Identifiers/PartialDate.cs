using System.Globalization;

namespace Liaison.Core.Identifiers;

/// <summary>
/// A date known to year, year-month or day precision ("1984", "1984-07", "1984-07-21"), as
/// investigators often only know a year of birth. Orders and compares by its earliest possible day.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public DateOnly EarliestDay => new(Year, Month ?? 1, Day ?? 1);

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    public int CompareTo(PartialDate other) => EarliestDay.CompareTo(other.EarliestDay);

    /// <summary>
    /// Accepts ISO 8601 prefixes (YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time, which is
    /// dropped) and the compact YYYYMMDD that FEBRL and many police exports use.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        var timeAt = t.IndexOfAny(['T', ' ']);
        if (timeAt == 10)
        {
            t = t[..10];
        }
        if (t.Length == 8 && t.All(char.IsAsciiDigit))
        {
            t = $"{t[..4]}-{t[4..6]}-{t[6..]}";
        }
        var parts = t.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
        {
            return false;
        }
        if (!TryNumber(parts[0], 4, out var year) || year < 1)
        {
            return false;
        }
        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (!TryNumber(parts[1], 2, out var m) || m is < 1 or > 12)
            {
                return false;
            }
            month = m;
        }
        if (parts.Length == 3)
        {
            if (!TryNumber(parts[2], 2, out var d) || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }
            day = d;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool TryNumber(string s, int length, out int value)
    {
        value = 0;
        return s.Length == length && s.All(char.IsAsciiDigit) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

public enum DatePrecision
{
    Year,
    Month,
    Day,
}
