using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Witnessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>The journal page shows who cosigned the latest checkpoint and any split-view alert this node raised as a witness.</summary>
[Collection(AccessCollection.Name)]
public sealed class WitnessingPageTests(AccessNode web)
{
    [Fact]
    public async Task The_journal_shows_the_cosignatures_of_the_latest_checkpoint_and_a_split_view_alert()
    {
        var ledger = web.Services.GetRequiredService<NodeLedger>();
        var checkpoint = await ledger.CheckpointNowAsync();
        using var witnessKey = NoteSigningKey.Generate("nl-politie.liaison/witness", NoteKeyType.CosignatureV1);
        var cosignature = witnessKey.Cosign(checkpoint.Note.Text, web.Clock.GetUtcNow());
        await ledger.Store.AddCosignatureAsync(new StoredCosignature(checkpoint.Checkpoint.Size, checkpoint.Note.Text, witnessKey.Name,
            cosignature.ToLine().TrimEnd('\n')), CancellationToken.None);
        await new WitnessAlerts(web.Config).AddAsync(new WitnessAlertRow
        {
            Origin = "fr-pj.liaison/ledger", PeerNodeId = "fr-pj", Kind = "split-view", Size = 42, Reason = "split view: two roots for size 42",
            CheckpointSeen = "seen", CheckpointPresented = "presented", DetectedAt = web.Clock.GetUtcNow(), LedgerIndex = 7,
        }, CancellationToken.None);

        await using var s = await web.SignInAsync("dpo");
        await s.Page.GotoAsync("/journal");

        await Expect(s.Page.Locator("#cosignatures")).ToContainTextAsync($"size {checkpoint.Checkpoint.Size:N0}) cosigned by 1 peer");
        await Expect(s.Page.GetByRole(AriaRole.List, new() { Name = "Cosignatures of the latest checkpoint" })).ToContainTextAsync("nl-politie.liaison/witness");
        var alert = s.Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("witness alert");
        await Expect(alert.Locator(".witness-alert[data-kind='split-view']")).ToContainTextAsync("peer fr-pj");
    }
}
