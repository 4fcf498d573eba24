using Liaison.Core.Markings;
using Liaison.Core.Policy;
using Liaison.Ledger.Custody;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Evidence;
using Liaison.Node.Web.Markings;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// The case's evidence locker: each file with its SHA-256, size, marking and the custody chain read
/// back from the ledger; <b>Verify</b> re-hashes the file and proves every custody step into the signed
/// ledger (<see cref="EvidenceCheck"/>); adding a file writes a <c>collected</c> or <c>received-from</c>
/// step through the same <see cref="EvidenceLocker"/> as <c>POST /api/cases/{c}/evidence</c>. Viewing
/// is a read of the case, adding an import into it, as in the API.
/// </summary>
[RequestSizeLimit(Liaison.Node.Evidence.EvidenceApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Liaison.Node.Evidence.EvidenceApi.MaxUploadBytes)]
internal sealed class EvidenceModel(CaseAccess access, EvidenceLocker locker, NodeLedger ledger) : CasePageModel(access)
{
    public override string Tab => "evidence";

    /// <summary>An item and its custody steps in ledger order.</summary>
    public sealed record Item(EvidenceItemRow Row, CustodyTrail Trail)
    {
        public Tlp Tlp => TlpExtensions.TryParse(Row.Tlp, out var t) ? t : Tlp.Amber;
    }

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public EvidenceCheck? Check { get; private set; }
    public string? Error { get; private set; }
    public string? Added { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ReceivedFrom { get; set; }
    [BindProperty] public string Marking { get; set; } = "AMBER";
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.ReadRecord, "evidence list", ct: ct) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string digest, CancellationToken ct)
    {
        var clipped = digest.Length <= 80 ? digest : digest[..80];
        if (await OpenAsync(PolicyAction.ReadRecord, "verify evidence " + clipped, ct: ct) is { } refused)
        {
            return refused;
        }
        string canonical;
        try
        {
            canonical = EvidenceDigest.Normalise(digest);
        }
        catch (FormatException)
        {
            return this.NotFoundPage();
        }
        if (await locker.FindAsync(CaseId, canonical, ct) is null)
        {
            return this.NotFoundPage();
        }
        Check = await EvidenceCheck.RunAsync(locker, ledger, canonical, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Import, "evidence upload", ct: ct) is { } refused)
        {
            return refused;
        }
        var name = Path.GetFileName(Upload?.FileName ?? "");
        if (Upload is null || Upload.Length == 0 || string.IsNullOrWhiteSpace(name))
        {
            Error = "Choose a file to add.";
        }
        else if (!TlpExtensions.TryParse(Marking, out var tlp))
        {
            Error = $"evidence in case {CaseId}: field 'tlp': '{Marking}' is not a TLP marking";
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            var row = await locker.AddAsync(new EvidenceIntake
            {
                CaseId = CaseId, Actor = User.Identity!.Name!, FileName = name, MediaType = string.IsNullOrWhiteSpace(Upload.ContentType) ? "application/octet-stream" : Upload.ContentType,
                Tlp = tlp.ToLabel(), Purpose = Purpose, ReceivedFrom = Blank(ReceivedFrom), Note = Blank(Note),
            }, content, ct);
            Added = row.Digest;
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = new List<Item>();
        foreach (var row in await locker.ListAsync(CaseId, ct))
        {
            items.Add(new Item(row, await locker.TrailAsync(row.Digest, ct)));
        }
        Items = items;
        // Evidence files carry a TLP and no handling code; the page is marked with the narrowest.
        Mark(PageMarking.Of(items.Select(i => ((int)i.Tlp, 0))));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
