using Liaison.Core.Policy;
using Liaison.Node.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>An investigator's work on a case: purpose, records with markings, an entity, search, import, the graph.</summary>
[Collection(CaseWorkCollection.Name)]
public sealed class CaseWorkTests(CaseWorkNode web)
{
    [Fact]
    public async Task Case_content_is_shown_only_after_a_purpose_is_stated_and_the_purpose_is_journalled()
    {
        await using var s = await web.SignInAsync("analyst");

        await s.Page.GotoAsync("/cases/" + BrowserNode.Kestrel);
        Assert.Contains("/purpose", s.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Moreno", await s.MainTextAsync(), StringComparison.Ordinal);
        await s.Page.Locator("input[name=Purpose][value='intelligence-analysis']").CheckAsync();
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();

        await Expect(s.Page.Locator(".records-table")).ToContainTextAsync("Ana Moreno-Díaz");
        await Expect(s.Page.Locator("#current-purpose")).ToHaveTextAsync("intelligence-analysis");
        await using var db = web.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "analyst" && a.Action == "case.purpose" && a.CaseId == BrowserNode.Kestrel && a.Purpose == "intelligence-analysis"));
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "analyst" && a.Action == "search" && a.Decision == "permit" && a.CaseId == BrowserNode.Kestrel && a.Purpose == "intelligence-analysis"));
    }

    [Fact]
    public async Task Records_carry_TLP_colour_and_handling_code_badges_and_the_page_its_narrowest_marking()
    {
        await using var s = await web.SignInAsync("investigator");

        await s.OpenCaseAsync(BrowserNode.Kestrel);

        var chen = s.Page.Locator("tr[data-record='k-p-chen']");
        await Expect(chen.Locator(".badge.tlp.tlp-red")).ToHaveTextAsync("TLP:RED");
        await Expect(chen.Locator(".badge.handling")).ToHaveTextAsync(["H0", "H2"]);
        await Expect(s.Page.Locator("tr[data-record='k-p-dana'] .badge.tlp-amber-strict")).ToHaveTextAsync("TLP:AMBER+STRICT");
        await Expect(s.Page.Locator("tr[data-record='k-p-eli'] .badge.tlp-green")).ToHaveTextAsync("TLP:GREEN");
        await Expect(s.Page.Locator(".marking-banner").First).ToHaveTextAsync("TLP:RED · H0,H1,H2");
    }

    [Fact]
    public async Task A_member_adds_a_colleague_who_then_sees_the_case()
    {
        await using (var db = web.Db())
        {
            await new UserAccounts(db, web.Clock).AddUserAsync("colleague", "A Colleague", BrowserNode.Password, [Role.Analyst]);
        }
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync("C1", "members");

        await s.Page.GetByLabel("User name").FillAsync("colleague");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Add to C1" }).ClickAsync();

        await Expect(s.Page.Locator("#members-table")).ToContainTextAsync("colleague");
        await using var colleague = await web.SignInAsync("colleague");
        await Expect(colleague.Page.Locator("#cases-table")).ToContainTextAsync("C1");
    }

    [Fact]
    public async Task Records_filter_by_marking()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel);

        await s.Page.GetByLabel("TLP").SelectOptionAsync("TLP:RED");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(s.Page.Locator("#result-count")).ToHaveTextAsync("3 matching records");
        await Expect(s.Page.Locator(".records-table")).Not.ToContainTextAsync("Ana Moreno");
    }

    [Fact]
    public async Task The_entity_view_shows_envelope_provenance_and_links_to_linked_entities()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "entities/k-p-bogdan");

        await Expect(s.Page.Locator("#entity-caption")).ToHaveTextAsync("Bogdan Ilie");
        await Expect(s.Page.Locator("main")).ToContainTextAsync("kestrel.ftm.jsonl");
        await Expect(s.Page.Locator("main")).ToContainTextAsync("B3");
        var links = s.Page.Locator("#links-table");
        await Expect(links).ToContainTextAsync("Associate");
        await Expect(links).ToContainTextAsync("Payment");
        await s.Page.Locator("#links-table a.linked-entity", new() { HasText = "Dana Fox" }).ClickAsync();
        await Expect(s.Page.Locator("#entity-caption")).ToHaveTextAsync("Dana Fox");
    }

    [Fact]
    public async Task A_phone_shows_its_call_records_with_the_other_numbers_and_who_holds_them()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "entities/k-ph-3");

        await Expect(s.Page.Locator("#calls-heading")).ToHaveTextAsync("Call-detail records (4)");
        var counterparts = s.Page.Locator("#calls-table tbody tr");
        await Expect(counterparts).ToHaveCountAsync(2);
        await Expect(counterparts.Nth(0)).ToContainTextAsync("+447911100001");
        await Expect(counterparts.Nth(0).Locator("td.num")).ToHaveTextAsync("3");
        await Expect(counterparts.Nth(1)).ToContainTextAsync("+447911100004");
    }

    [Fact]
    public async Task Search_finds_a_person_by_a_phone_in_national_format_and_by_a_name_without_accents()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "search");

        await s.Page.GetByLabel("Phone, e-mail, name, IBAN or document number").FillAsync("07911 100001");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(s.Page.Locator(".records-table")).ToContainTextAsync("Ana Moreno-Díaz");

        await s.Page.GetByLabel("Phone, e-mail, name, IBAN or document number").FillAsync("moreno diaz");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(s.Page.Locator("#result-count")).ToHaveTextAsync("1 records found");
        await Expect(s.Page.Locator(".records-table")).ToContainTextAsync("Ana Moreno-Díaz");
    }

    [Fact]
    public async Task Importing_a_file_in_the_browser_shows_progress_then_the_result_and_its_records()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync("C1", "import");
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = "Ion " + id;

        await s.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(BrowserNode.Upload("people.jsonl",
            $$$"""
            {"id":"{{{id}}}-p","schema":"Person","properties":{"name":["{{{name}}}"],"phone":["+447911200001"]}}
            {"id":"{{{id}}}-ph","schema":"Phone","properties":{"number":["+447911200001"]}}
            """));
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Import into C1" }).ClickAsync();

        await s.Page.WaitForURLAsync("**/cases/C1/imports/*");
        await Expect(s.Page.Locator("#accepted-count")).ToHaveTextAsync("2");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Show the records of this import" }).ClickAsync();
        await Expect(s.Page.Locator(".records-table")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Importing_works_without_scripts()
    {
        await using var s = await web.SignInAsync("investigator", javaScript: false);
        await s.OpenCaseAsync("C1", "import");

        await s.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(BrowserNode.Upload("calls.csv",
            "caller,callee,start,duration\n+447911100006,+447911100007,2026-01-05T10:00:00Z,60\n"));
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Import into C1" }).ClickAsync();

        await s.Page.WaitForURLAsync("**/cases/C1/imports/*");
        await Expect(s.Page.Locator("#accepted-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_naming_the_line_and_field()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync("C1", "import");
        await using var before = web.Db();
        var records = await before.Records.CountAsync(r => r.CaseId == "C1");

        await s.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(BrowserNode.Upload("bad.jsonl",
            """
            {"id":"bad-ok","schema":"Person","properties":{"name":["Fine Person"]}}
            {"id":"bad-1","schema":"Person","properties":{"phone":["12"]}}
            """));
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Import into C1" }).ClickAsync();

        var error = s.Page.Locator("#import-error");
        await Expect(error).ToContainTextAsync("bad-1");
        await Expect(error).ToContainTextAsync("phone");
        await using var after = web.Db();
        Assert.Equal(records, await after.Records.CountAsync(r => r.CaseId == "C1"));
    }

    [Fact]
    public async Task The_graph_draws_the_case_network_on_a_canvas()
    {
        await using var s = await web.SignInAsync("investigator");
        var errors = new List<string>();
        s.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");

        var graph = s.Page.Locator("#graph[data-ready=true]");
        await Expect(graph).ToBeVisibleAsync();
        Assert.True(await graph.Locator("canvas").CountAsync() > 0);
        // 5 people, 4 phones, 1 bank account; 9 links incl. two call pairs from the CDR file.
        await Expect(graph).ToHaveAttributeAsync("data-nodes", "10");
        await Expect(graph).ToHaveAttributeAsync("data-edges", "9");
        Assert.Equal(10, await s.Page.EvaluateAsync<int>("() => window.liaisonGraph.nodes().length"));
        // Cytoscape runs under the page's Content-Security-Policy (scripts and styles from the node only).
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Filtering_the_graph_by_type_and_marking_hides_entities()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");
        var graph = s.Page.Locator("#graph[data-ready=true]");
        await Expect(graph).ToBeVisibleAsync();

        await s.Page.Locator(".filter-node-type[value=Phone]").UncheckAsync();
        await Expect(graph).ToHaveAttributeAsync("data-nodes", "6");
        await s.Page.Locator(".filter-tlp[value='TLP:RED']").UncheckAsync();
        await Expect(graph).ToHaveAttributeAsync("data-nodes", "5");
    }

    [Fact]
    public async Task The_shortest_path_between_two_subjects_is_listed_and_drawn()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");

        await s.Page.GetByLabel("From").SelectOptionAsync("k-p-ana");
        await s.Page.GetByLabel("To").SelectOptionAsync("k-p-dana");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Find the shortest path" }).ClickAsync();

        var steps = s.Page.Locator("#path-result li");
        await Expect(steps).ToHaveCountAsync(3);
        await Expect(steps.Nth(1)).ToContainTextAsync("Bogdan Ilie");
        await Expect(s.Page.Locator("#graph[data-ready=true]")).ToBeVisibleAsync();
        Assert.Equal(3, await s.Page.EvaluateAsync<int>("() => window.liaisonGraph.nodes('.on-path').length"));
    }

    [Fact]
    public async Task The_graph_exports_as_a_PNG()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");
        await Expect(s.Page.Locator("#graph[data-ready=true]")).ToBeVisibleAsync();

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.GetByRole(AriaRole.Button, new() { Name = "Export PNG" }).ClickAsync());

        Assert.Equal("KESTREL-graph.png", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header);
    }

    [Fact]
    public async Task The_graph_data_endpoint_returns_nodes_with_size_and_edges()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel);

        var response = await s.Context.APIRequest.GetAsync("/web/cases/KESTREL/graph");

        Assert.Equal(200, response.Status);
        var json = await response.JsonAsync();
        Assert.Equal(10, json!.Value.GetProperty("nodes").GetArrayLength());
        Assert.Equal(9, json.Value.GetProperty("edges").GetArrayLength());
        Assert.Equal("PageRank", json.Value.GetProperty("sizeMeasure").GetString());
        Assert.Equal(1, json.Value.GetProperty("unmatchedCalls").GetInt64());
        var path = await (await s.Context.APIRequest.GetAsync("/web/cases/KESTREL/path?from=k-p-ana&to=k-p-dana")).JsonAsync();
        Assert.Equal(["k-p-ana", "k-p-bogdan", "k-p-dana"], path!.Value.GetProperty("path").EnumerateArray().Select(e => e.GetString()));
    }
}
