using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// The evidence locker (add a file, its custody chain, verification that catches a changed file) and
/// entity resolution (subjects, candidate pairs, an analyst's reject and its revocation) in the browser;
/// a user without need-to-know gets "Not found" for both.
/// </summary>
[Collection(CaseWorkCollection.Name)]
public sealed class EvidenceAndSubjectsTests(CaseWorkNode web)
{
    [Fact]
    public async Task Evidence_added_in_the_browser_shows_its_hash_and_custody_and_verification_catches_a_changed_file()
    {
        var content = "call-data export, Kestrel, " + Guid.NewGuid().ToString("N");
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "evidence");

        await s.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(BrowserNode.Upload("export.csv", content));
        await s.Page.GetByLabel("Received from (leave empty if collected here)").FillAsync("Vodafone UK compliance");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Add to " + BrowserNode.Kestrel }).ClickAsync();
        await Expect(s.Page.Locator("#evidence-added")).ToContainTextAsync(digest);
        var item = s.Page.Locator("article.evidence-item", new() { HasText = digest });
        await Expect(item.Locator(".custody-table tbody tr")).ToHaveCountAsync(1);
        await Expect(item.Locator(".custody-table")).ToContainTextAsync("received-from");
        await Expect(item.Locator(".custody-table")).ToContainTextAsync("Vodafone UK compliance");
        await Expect(item.Locator(".badge.tlp")).ToHaveTextAsync("TLP:AMBER");

        await item.GetByRole(AriaRole.Button, new() { Name = "Verify export.csv" }).ClickAsync();
        await Expect(s.Page.Locator("#evidence-verification")).ToHaveAttributeAsync("data-sound", "True");
        await Expect(s.Page.Locator("#check-ledger")).ToContainTextAsync("inclusion proofs");
        await Screenshots.TakeAsync(s.Page, "evidence");

        // Someone changes the stored file behind the node's back.
        var path = Path.Combine(web.Config.Directory, "evidence", "sha256", digest[7..9], digest[7..]);
        File.Delete(path);
        await File.WriteAllTextAsync(path, content + " (edited)");
        await s.Page.Locator("article.evidence-item", new() { HasText = digest }).GetByRole(AriaRole.Button, new() { Name = "Verify export.csv" }).ClickAsync();
        await Expect(s.Page.Locator("#evidence-verification")).ToHaveAttributeAsync("data-sound", "False");
        await Expect(s.Page.Locator("#check-hash")).ToContainTextAsync("it was changed");
    }

    [Fact]
    public async Task An_analyst_rejects_a_candidate_pair_with_a_reason_and_revokes_it_again()
    {
        // A browser of its own: the analyst's shared session must keep KESTREL without a purpose for the purpose test.
        await using var s = await web.OpenAsync();
        await s.SignInAsync("analyst", BrowserNode.Password);
        await s.OpenCaseAsync(BrowserNode.Kestrel, "subjects");
        var subject = s.Page.Locator("article.subject", new() { HasText = "Ana Moreno-Díaz" });
        await Expect(subject).ToContainTextAsync("k-ph-1");
        var pair = s.Page.Locator("#candidates tbody tr[data-pair='k-p-ana|k-ph-1']").First;
        await Expect(pair).ToContainTextAsync("BelongsTo");
        await Expect(pair).ToContainTextAsync("exact");
        await Expect(pair).ToContainTextAsync("joined");
        await Expect(s.Page.Locator(".marking-banner").First).ToContainTextAsync("TLP:");
        await Screenshots.TakeAsync(s.Page, "subjects");
        await s.Page.Locator("#candidates").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(s.Page, "subjects-candidates", forDocs: false);

        await pair.GetByRole(AriaRole.Textbox).FillAsync("The handset was seized from another person");
        await pair.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(s.Page.Locator("#resolution-done")).ToContainTextAsync("kept apart");
        await Expect(s.Page.Locator("#decisions tbody tr").First).ToContainTextAsync("split");
        var rows = s.Page.Locator("#candidates tbody tr[data-pair='k-p-ana|k-ph-1']");
        await Expect(rows.Filter(new() { HasText = "joined" })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasText = "refused" }).First).ToBeVisibleAsync();

        await s.Page.Locator("#decisions .revoke-decision").First.ClickAsync();
        await Expect(s.Page.Locator("#decisions tbody tr").First).ToContainTextAsync("revoked by analyst");
        await Expect(rows.Filter(new() { HasText = "joined" }).First).ToBeVisibleAsync();
        await using var db = web.Db();
        Assert.True(await db.Set<Liaison.Storage.Resolution.ResolutionDecisionRow>().AnyAsync(d => d.CaseId == BrowserNode.Kestrel && d.Kind == "split" && d.DecidedBy == "analyst" && d.RevokedBy == "analyst"));
    }

    [Fact]
    public async Task Without_need_to_know_the_evidence_and_subjects_pages_answer_as_if_the_case_did_not_exist()
    {
        foreach (var user in new[] { "outsider", "dpo" })
        {
            await using var s = await web.SignInAsync(user);
            foreach (var page in new[] { "evidence", "subjects", "messages" })
            {
                var response = await s.Page.GotoAsync($"/cases/{BrowserNode.Kestrel}/{page}");
                Assert.Equal(404, response!.Status);
                Assert.Equal(404, (await s.Page.GotoAsync($"/cases/NO-SUCH-CASE/{page}"))!.Status);
                Assert.DoesNotContain("Ana Moreno", await s.MainTextAsync(), StringComparison.Ordinal);
            }
        }
    }
}
