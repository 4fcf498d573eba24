namespace Liaison.Storage.Rows;

/// <summary>An investigation; every record belongs to one.</summary>
public sealed class CaseRow
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string Status { get; set; } = "open";
}

/// <summary>Need-to-know: the users who work a case.</summary>
public sealed class CaseMemberRow
{
    public required string CaseId { get; set; }
    public required string UserName { get; set; }
}
