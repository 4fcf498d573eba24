using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// Case messages in the browser between two live nodes: the NCA supervisor writes to the Dutch police
/// with records of the case (a minor's record is refused by the policy, naming the rule, and nothing is
/// sent), follows the message to "delivered" with the peer's receipt, and sees on the record whom it went
/// to; the Dutch liaison officer finds it on the dashboard and in the incoming case, with read-only copies
/// that show their origin. An investigator (who may not share) is refused; the node's admin sees no case.
/// </summary>
[Collection(FederatedCollection.Name)]
public sealed class CaseMessagesBrowserTests(FederatedNodes nodes)
{
    private const string Case = FederatedNodes.Case;

    [Fact]
    public async Task A_supervisor_sends_records_to_a_peer_which_receives_read_only_copies_and_a_denied_share_names_the_rule()
    {
        await using (var gb = await nodes.SignInAsync(nodes.Gb, "supervisor"))
        {
            await gb.OpenCaseAsync(Case, "messages");
            await Expect(gb.Page.Locator("#no-threads")).ToBeVisibleAsync();
            await gb.Page.GetByLabel("Peer", new() { Exact = true }).SelectOptionAsync("nl-politie");

            // A minor's record has no legal basis to leave: refused with the rule, nothing sent.
            await gb.Page.GetByLabel("Message", new() { Exact = true }).FillAsync("Two subjects of Heron and a young person");
            await gb.Page.Locator("input[name=RecordIds][value=g1]").CheckAsync();
            await gb.Page.Locator("input[name=RecordIds][value=g4]").CheckAsync();
            await gb.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(gb.Page.Locator("#share-denied")).ToContainTextAsync("no-legal-basis");
            await Expect(gb.Page.Locator("#share-denied")).ToContainTextAsync("g4");
            await Expect(gb.Page.Locator("#no-threads")).ToBeVisibleAsync();

            await gb.Page.Locator("input[name=RecordIds][value=g4]").UncheckAsync();
            await gb.Page.Locator("input[name=RecordIds][value=g2]").CheckAsync();
            await gb.Page.GetByLabel("Message", new() { Exact = true }).FillAsync("Two subjects of operation Heron");
            await gb.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(gb.Page.Locator("#message-sent")).ToBeVisibleAsync();
            var sent = gb.Page.Locator("li.message-sent");
            await Expect(sent).ToHaveCountAsync(1);
            await Expect(sent.Locator(".attachments tbody tr")).ToHaveCountAsync(2);
            await Expect(sent.Locator(".attachments .badge.tlp").First).ToHaveTextAsync("TLP:AMBER");
            await Expect(sent.Locator(".attachments")).ToContainTextAsync("H0");

            await nodes.UntilAsync(async () =>
            {
                await gb.Page.ReloadAsync();
                return await gb.Page.Locator("li.message-sent .delivery-delivered").CountAsync() == 1;
            }, "the message is delivered");
            await Expect(gb.Page.Locator("li.message-sent .delivery")).ToContainTextAsync("signed receipt kept");
            await Expect(gb.Page.Locator(".marking-banner").First).ToContainTextAsync("TLP:AMBER");
            await Screenshots.TakeAsync(gb.Page, "messages");

            // The record says whom it went to.
            await gb.Page.GotoAsync($"/cases/{Case}/entities/g1");
            await Expect(gb.Page.Locator("#shared-with-table")).ToContainTextAsync("nl-politie");
            await gb.Page.Locator("#shared-with").ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(gb.Page, "entity-shared-with", forDocs: false);
            await gb.Page.GotoAsync($"/cases/{Case}/entities/g3");
            await Expect(gb.Page.Locator("#not-shared")).ToBeVisibleAsync();
        }

        await using (var nl = await nodes.SignInAsync(nodes.Nl, "desk"))
        {
            await Expect(nl.Page.Locator("#new-messages tbody tr")).ToHaveCountAsync(1);
            await Expect(nl.Page.Locator("#new-messages")).ToContainTextAsync("gb-nca");
            await Screenshots.TakeAsync(nl.Page, "dashboard-new-messages", forDocs: false);
            await nl.OpenCaseAsync("gb-nca:" + Case, "messages");
            var received = nl.Page.Locator("li.message-received");
            await Expect(received).ToHaveCountAsync(1);
            await Expect(received).ToContainTextAsync("Received from gb-nca");
            await Screenshots.TakeAsync(nl.Page, "messages-received", forDocs: false);
            await Expect(received).ToContainTextAsync("Two subjects of operation Heron");
            await Expect(received.Locator(".read-only-copy")).ToHaveCountAsync(2);
            await Expect(received.Locator(".read-only-copy").First).ToContainTextAsync("National Crime Agency (gb-nca)");
            // Received copies cannot be sent on from here: only the node's own records are offered.
            await Expect(nl.Page.Locator("input[name=RecordIds]")).ToHaveCountAsync(0);

            await received.GetByRole(AriaRole.Link, new() { Name = "Person g1" }).ClickAsync();
            await Expect(nl.Page.Locator("#received-from")).ToContainTextAsync("gb-nca");
            await Expect(nl.Page.Locator("#received-from")).ToContainTextAsync("read-only", new() { IgnoreCase = true });
            await nl.Page.Locator("#shared-with").ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(nl.Page, "entity-received-copy", forDocs: false);

            // GB withdraws g2 from its record's page: NL's copy goes.
            await using (var gb = await nodes.SignInAsync(nodes.Gb, "supervisor"))
            {
                await gb.OpenCaseAsync(Case, "entities/g2");
                await gb.Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw from every peer" }).ClickAsync();
                await Expect(gb.Page.Locator("#followed-up")).ToContainTextAsync("g2 was withdrawn from nl-politie");
            }
            await nodes.UntilAsync(async () =>
            {
                await nl.Page.GotoAsync($"/cases/gb-nca:{Case}/messages");
                return await nl.Page.Locator(".read-only-copy", new() { HasText = "withdrawn" }).CountAsync() == 1;
            }, "NL's copy of g2 is withdrawn");
            await Expect(nl.Page.Locator("li.message-received tr", new() { HasText = "g2" })).ToContainTextAsync("withdrawn");
        }
    }

    [Fact]
    public async Task An_investigator_may_read_the_thread_but_not_share_and_the_admin_sees_no_case()
    {
        await using (var investigator = await nodes.SignInAsync(nodes.Gb, "investigator"))
        {
            await investigator.OpenCaseAsync(Case, "messages");
            await investigator.Page.GetByLabel("Message", new() { Exact = true }).FillAsync("Sharing without the right to share");
            await investigator.Page.Locator("input[name=RecordIds][value=g3]").CheckAsync();
            await investigator.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(investigator.Page.Locator("#denied-rule")).ToHaveTextAsync("permission-matrix");
        }
        await using var db = Liaison.Storage.LiaisonDbFactory.Create(nodes.GbConfig);
        Assert.False(db.Set<Liaison.Storage.CaseMessaging.CaseShareRow>().Any(s => s.RecordId == "g3"));

        await using var admin = await nodes.SignInAsync(nodes.Gb, "admin");
        Assert.Equal(404, (await admin.Page.GotoAsync($"/cases/{Case}/messages"))!.Status);
        Assert.Equal(404, (await admin.Page.GotoAsync($"/cases/{Case}/entities/g1"))!.Status);
        await admin.Page.GotoAsync("/");
        await Expect(admin.Page.Locator("#new-messages")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Person g", await admin.MainTextAsync(), StringComparison.Ordinal);
    }
}
