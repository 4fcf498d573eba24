using Liaison.Core.Model;
using Liaison.Interchange.Csv;
using Liaison.Storage.Rows;

namespace Liaison.Storage.Bulk;

/// <summary>
/// One file's import as a single transaction that bypasses EF change tracking: prepared, batched
/// inserts on SQLite; binary COPY on PostgreSQL. Disposing without <see cref="CommitAsync"/> rolls
/// everything back, which is how a bad row leaves the database unchanged.
/// </summary>
internal interface IBulkImportSession : IAsyncDisposable
{
    Task<long> BeginAsync(ImportRow import, CancellationToken ct);
    Task WriteRecordAsync(RecordRow row, IReadOnlyList<Identifier> identifiers, CancellationToken ct);
    Task WriteCallAsync(string caseId, CallDetailRecord call, CancellationToken ct);
    Task EnsureCaseAsync(string caseId, string createdBy, DateTimeOffset at, CancellationToken ct);
    Task CommitAsync(string sha256, long accepted, long rejected, CancellationToken ct);
}
