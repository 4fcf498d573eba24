using System.Collections.Frozen;
using Liaison.Core.Model;

namespace Liaison.Core.Policy.Retention;

/// <summary>
/// When the records a node holds must be reviewed (LED art. 5: appropriate time limits for erasure or
/// periodic review), per data-subject category, and how long an overdue record stays hidden before it
/// is purged. From the policy file's <c>retention:</c> section, or <see cref="Default"/>.
/// </summary>
public sealed class RetentionSchedule
{
    public RetentionSchedule(IReadOnlyDictionary<SubjectCategories, RetentionPeriod> bySubject, RetentionPeriod unflagged, RetentionPeriod gracePeriod,
        RetentionPeriod? callRecords = null, RetentionPeriod? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(bySubject);
        foreach (var subject in bySubject.Keys)
        {
            if (subject == SubjectCategories.None || !Enum.IsDefined(subject))
            {
                throw new ArgumentException($"'{subject}' is not one subject category", nameof(bySubject));
            }
        }
        BySubject = bySubject.ToFrozenDictionary();
        Unflagged = unflagged;
        GracePeriod = gracePeriod;
        CallRecords = callRecords ?? DefaultCallRecords;
        Evidence = evidence ?? DefaultEvidence;
    }

    /// <summary>
    /// Call-detail rows: one year from import. A CDR names no subject category of its own, and most of the
    /// numbers in a suspect's call records belong to people suspected of nothing — the LED's (art. 6)
    /// contacts — so they get the contacts' period rather than the suspects'.
    /// </summary>
    public static RetentionPeriod DefaultCallRecords { get; } = new(1, RetentionUnit.Years);

    /// <summary>Evidence files: three years from when the case took them in, the review interval of case data about suspects.</summary>
    public static RetentionPeriod DefaultEvidence { get; } = new(3, RetentionUnit.Years);

    /// <summary>
    /// The shipped schedule (docs/policy.md, "Retention"): three years for suspects, victims, witnesses and
    /// informants — the review interval Europol applies (Regulation (EU) 2016/794, art. 31) — one year for
    /// minors and for contacts and associates, whose data the LED (art. 6) asks to distinguish and treat
    /// more narrowly; three years for records that name no subject (phones, links, events); 30 days' grace.
    /// </summary>
    public static RetentionSchedule Default { get; } = new(
        new Dictionary<SubjectCategories, RetentionPeriod>
        {
            [SubjectCategories.Suspect] = new(3, RetentionUnit.Years),
            [SubjectCategories.Victim] = new(3, RetentionUnit.Years),
            [SubjectCategories.Witness] = new(3, RetentionUnit.Years),
            [SubjectCategories.Informant] = new(3, RetentionUnit.Years),
            [SubjectCategories.Minor] = new(1, RetentionUnit.Years),
            [SubjectCategories.Contact] = new(1, RetentionUnit.Years),
        },
        new RetentionPeriod(3, RetentionUnit.Years),
        new RetentionPeriod(30, RetentionUnit.Days));

    /// <summary>Review period per subject category; a category not listed uses <see cref="Unflagged"/>.</summary>
    public FrozenDictionary<SubjectCategories, RetentionPeriod> BySubject { get; }

    /// <summary>Review period of records that name no subject category.</summary>
    public RetentionPeriod Unflagged { get; }

    /// <summary>Review period of call-detail rows (<c>call-records:</c>), counted from the day they were imported.</summary>
    public RetentionPeriod CallRecords { get; }

    /// <summary>Review period of evidence files (<c>evidence:</c>), counted from the day the case took the file in.</summary>
    public RetentionPeriod Evidence { get; }

    /// <summary>How long a record stays hidden past its review date before the purge deletes it.</summary>
    public RetentionPeriod GracePeriod { get; }

    /// <summary>
    /// The latest review date the schedule allows for a record received on <paramref name="received"/>:
    /// the shortest period of its subject categories, since a record about a minor who is also a suspect
    /// is protected as a minor.
    /// </summary>
    public DateOnly ReviewDateFor(SubjectCategories subjects, DateOnly received)
    {
        var latest = DateOnly.MaxValue;
        var any = false;
        foreach (var subject in Enum.GetValues<SubjectCategories>())
        {
            if (subject != SubjectCategories.None && subjects.HasFlag(subject))
            {
                any = true;
                var due = (BySubject.TryGetValue(subject, out var p) ? p : Unflagged).After(received);
                latest = due < latest ? due : latest;
            }
        }
        return any ? latest : Unflagged.After(received);
    }

    /// <summary>
    /// The review date a record has at this node: the one its envelope carries, brought forward to what
    /// the schedule allows. Dates only move earlier here; only an extension moves them later.
    /// </summary>
    public DateOnly ReviewDateOf(SubjectCategories subjects, DateOnly received, DateOnly? carried)
    {
        var allowed = ReviewDateFor(subjects, received);
        return carried is { } c && c < allowed ? c : allowed;
    }

    /// <summary>Past its review date: hidden from every read path (the review date itself is still a visible day).</summary>
    public static bool IsOverdue(DateOnly reviewDate, DateOnly today) => reviewDate < today;

    /// <summary>Records reviewed before this date are purged today: overdue for longer than the grace period.</summary>
    public DateOnly PurgeBefore(DateOnly today) => GracePeriod.Before(today);
}
