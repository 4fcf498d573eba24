using Liaison.Storage.Rows;

namespace Liaison.Storage.Retention;

/// <summary>
/// The retention filter every read path applies: a record past its review date is hidden as if it
/// did not exist (and so are its identifiers and call-detail rows), whoever asks. Only the DPO's review list
/// (<see cref="OverdueRecords"/>) and the purge look past it.
/// </summary>
public static class RecordRetention
{
    /// <summary>Records not past their review date on <paramref name="today"/> (a record without one is not overdue yet).</summary>
    public static IQueryable<RecordRow> InForce(this IQueryable<RecordRow> records, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Where(r => r.ReviewDate == null || r.ReviewDate >= today);
    }

    /// <summary>Call-detail rows not past their review date: who called whom is personal data like any record.</summary>
    public static IQueryable<CallRecordRow> InForce(this IQueryable<CallRecordRow> calls, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls.Where(c => c.ReviewDate == null || c.ReviewDate >= today);
    }

    /// <summary>Identifiers of records in force: a hidden record must not answer a search, a count or a hit.</summary>
    public static IQueryable<IdentifierRow> InForce(this IQueryable<IdentifierRow> identifiers, LiaisonDb db, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(db);
        return identifiers.Where(i => db.Records.Any(r => r.Id == i.RecordId && (r.ReviewDate == null || r.ReviewDate >= today)));
    }
}
