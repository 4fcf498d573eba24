using Liaison.Core.Model;
using Liaison.Core.Policy.Retention;

namespace Liaison.Core.Policy.Loading;

/// <summary>The <c>retention:</c> section: review periods per data-subject category, for call-detail rows and evidence files, and the purge's grace period.</summary>
public static partial class PolicyLoader
{
    private static RetentionSchedule ReadRetention(PolicyReader reader, Section top)
    {
        if (top.Get("retention") is not { } node || reader.Section(node, "retention", "grace-period", "default", "review-after", "call-records", "evidence") is not { } section)
        {
            return RetentionSchedule.Default;
        }
        var unflagged = Period(reader, section, "default") ?? RetentionSchedule.Default.Unflagged;
        var grace = Period(reader, section, "grace-period") ?? RetentionSchedule.Default.GracePeriod;
        var callRecords = Period(reader, section, "call-records");
        var evidence = Period(reader, section, "evidence");
        var bySubject = new Dictionary<SubjectCategories, RetentionPeriod>();
        foreach (var (name, keyNode, value) in reader.Entries(section.Get("review-after"), section.FieldOf("review-after")))
        {
            var field = PolicyReader.Path(section.FieldOf("review-after"), name);
            if (!PolicyNames.TryParseSubject(name, out var subject))
            {
                reader.Error(keyNode, field, $"unknown subject '{name}' (one of {string.Join(", ", PolicyNames.AllSubjects)})");
            }
            else if (reader.Scalar(value, field) is { } text)
            {
                if (RetentionPeriod.TryParse(text, out var period) && period.Amount > 0)
                {
                    bySubject[subject] = period;
                }
                else
                {
                    reader.Error(value, field, $"'{text}' is not a period (a positive number followed by y, m or d: 3y, 18m, 30d)");
                }
            }
        }
        return new RetentionSchedule(bySubject, unflagged, grace, callRecords, evidence);
    }

    private static RetentionPeriod? Period(PolicyReader reader, Section section, string key)
    {
        if (section.String(key, required: false) is not { } text)
        {
            return null;
        }
        if (RetentionPeriod.TryParse(text, out var period) && (period.Amount > 0 || key == "grace-period"))
        {
            return period;
        }
        reader.Error(section.Get(key)!, section.FieldOf(key), $"'{text}' is not a period (a number followed by y, m or d: 3y, 18m, 30d)");
        return null;
    }
}
