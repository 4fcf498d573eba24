using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.FtM;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private readonly HashSet<string> _deliveriesShown = new(StringComparer.Ordinal);

    private async Task CaseMessagingAsync(CancellationToken ct)
    {
        var gbRecords = _scenario.Nodes[0].Records;
        var leader = "gb-p-ion-popescu";
        var recruiter = "gb-p-kovalenko";
        // An advert the ring posted with the driver's phone, and the adult victim NL also knows (under a transliterated name).
        var advert = gbRecords.First(r => r.Schema == "Advertisement" && r.Values("phone").Contains(_scenario.RingPhones[2], StringComparer.Ordinal)).Id;
        var victim = gbRecords.First(r => r.Envelope.Subjects.HasFlag(SubjectCategories.Victim) && r.Values("phone").Contains(_scenario.SharedPhones[2], StringComparer.Ordinal));

        var supervisor = await Gb.SignInAsync("supervisor", ct);
        var text = "Operation Nightjar: the leader and recruiter of the ring you hold as POPESCU Ioan / Kovalenko, and an advert they posted.";
        var withVictim = await supervisor.PostAsJsonAsync($"/api/cases/{GbCase}/messages",
            new { peer = Nl.Config.NodeId, text, recordIds = new[] { leader, recruiter, advert, victim.Id }, purpose = Purpose }, ct);
        console.MarkupLine($"With the victim's record attached ({victim.Envelope.Tlp.ToLabel()}) → {(int)withVictim.StatusCode} ({Markup.Escape(await Rule(withVictim, ct))}): nothing is sent");
        Check(withVictim.StatusCode == HttpStatusCode.Forbidden, "a TLP:RED victim record does not leave GB in a case message (named recipients only)");

        var posted = await OkAsync(await supervisor.PostAsJsonAsync($"/api/cases/{GbCase}/messages",
            new { peer = Nl.Config.NodeId, text, recordIds = new[] { leader, recruiter, advert }, purpose = Purpose }, ct), "GB's supervisor posts the message to NL", ct);
        if (posted is not { } message)
        {
            return;
        }
        console.MarkupLine($"GB's supervisor wrote to NL in thread [grey]{message.GetProperty("threadId").GetString()}[/] with {message.GetProperty("records").GetArrayLength()} records; the outbox delivers it:");
        Check(await DeliveredAsync(ct), "only this message went out, and it is delivered to NL with a signed receipt");

        var incomingCase = $"{Gb.Config.NodeId}:{GbCase}";
        var desk = await Nl.SignInAsync("liaison-officer", ct);
        var threads = await OkAsync(await desk.GetAsync($"/api/cases/{Uri.EscapeDataString(incomingCase)}/messages?purpose={Purpose}", ct), "NL's liaison desk reads the thread", ct);
        if (threads is not { } t || t.GetArrayLength() == 0)
        {
            Check(false, "NL holds the thread");
            return;
        }
        var thread = t[0];
        var received = thread.GetProperty("messages")[0];
        console.MarkupLine($"At NL, case [blue]{Markup.Escape(incomingCase)}[/], thread between {string.Join(" and ", thread.GetProperty("participants").EnumerateArray().Select(p => p.GetString()))}:");
        console.MarkupLine($"  from {received.GetProperty("author").GetString()} at {Time(received.GetProperty("sentAt").GetDateTimeOffset())}: \"{Markup.Escape(received.GetProperty("text").GetString()!)}\"");

        var copies = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var id in new[] { leader, recruiter, advert })
        {
            if (await CopyAtNlAsync(desk, id, ct) is { } copy)
            {
                copies[id] = copy;
                console.MarkupLine($"  {Markup.Escape(copy.GetProperty("id").GetString()!),-28} {copy.GetProperty("schema").GetString(),-13} {Markup.Escape(copy.GetProperty("caption").GetString()!)}");
                console.MarkupLine($"      origin {Markup.Escape(copy.GetProperty("originAgency").GetString()!)}, grade {copy.GetProperty("grading").GetString()}, {Marking(copy)}, via {Markup.Escape(copy.GetProperty("provenance").GetString()!)}");
            }
        }
        Check(copies.Count == 3, "NL holds a read-only copy of each of the three records, under GB's case reference");
        Check(copies.Values.All(c => c.GetProperty("originNode").GetString() == Gb.Config.NodeId && c.GetProperty("tlp").GetString() is "TLP:AMBER" or "TLP:AMBER+STRICT" or "TLP:RED"),
            "each copy keeps its origin and is marked at least TLP:AMBER (markings never widen)");
        // GB learns the recruiter's alias and re-imports his record; then it updates NL's copy, and withdraws the advert (not the ring's after all).
        var investigator = await Gb.SignInAsync("investigator", ct);
        var recruiterRecord = gbRecords.First(r => r.Id == recruiter);
        var changed = new EntityRecord(recruiter, recruiterRecord.Schema,
            new Dictionary<string, List<string>>(recruiterRecord.Properties) { ["alias"] = ["Sasha Koval"] }, recruiterRecord.Envelope);
        using var line = new MemoryStream();
        using (var writer = new FtmWriter(line))
        {
            writer.Write(changed);
        }
        await OkAsync(await investigator.PostAsync($"/api/cases/{GbCase}/imports?fileName=kovalenko-alias.ftm.jsonl&purpose={Purpose}", new ByteArrayContent(line.ToArray()), ct),
            "GB's investigator imports the recruiter's new alias", ct);
        await OkAsync(await supervisor.PostAsync($"/api/cases/{GbCase}/records/{recruiter}/update?purpose={Purpose}", null, ct), "GB sends the update", ct);
        await OkAsync(await supervisor.PostAsync($"/api/cases/{GbCase}/records/{advert}/withdraw?purpose={Purpose}", null, ct), "GB withdraws the advert", ct);
        console.MarkupLine("GB updated the recruiter's record (new alias) and withdrew the advert; the outbox delivers both:");
        Check(await DeliveredAsync(ct), "the update and the withdrawal are delivered to NL");

        var updated = await CopyAtNlAsync(desk, recruiter, ct);
        var aliases = updated is { } u && u.GetProperty("properties").TryGetProperty("alias", out var a) ? a.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        console.MarkupLine($"  NL's copy of {recruiter}: alias {Markup.Escape(string.Join(", ", aliases))}");
        Check(aliases.Contains("Sasha Koval"), "NL's copy of the recruiter follows GB's update");
        var gone = await desk.GetAsync($"/api/entities/{Uri.EscapeDataString(Gb.Config.NodeId + "/" + advert)}?purpose={Purpose}", ct);
        console.MarkupLine($"  NL reads its copy of {advert} → {(int)gone.StatusCode}");
        Check(gone.StatusCode == HttpStatusCode.NotFound, "NL's copy of the withdrawn record is gone");
    }

    /// <summary>NL's read-only copy of one of GB's records, as NL's liaison desk reads it (id "{origin node}/{record id}").</summary>
    private async Task<JsonElement?> CopyAtNlAsync(HttpClient desk, string recordId, CancellationToken ct)
    {
        var response = await desk.GetAsync($"/api/entities/{Uri.EscapeDataString(Gb.Config.NodeId + "/" + recordId)}?purpose={Purpose}", ct);
        return await OkAsync(response, $"NL reads its copy of {recordId}", ct);
    }

    /// <summary>
    /// Waits until GB's outbox has delivered everything, as GB's node operator sees it, and prints each
    /// delivery not shown before with the time its signed receipt came back.
    /// </summary>
    private async Task<bool> DeliveredAsync(CancellationToken ct)
    {
        var admin = await Gb.SignInAsync("admin", ct);
        var entries = new List<JsonElement>();
        var done = await DemoWait.UntilAsync(async () =>
        {
            entries = (await admin.GetFromJsonAsync<JsonElement>("/api/exchange/outbox", ct)).EnumerateArray().ToList();
            return entries.All(e => e.GetProperty("state").GetString() != "pending");
        }, ct);
        foreach (var e in entries.Where(e => _deliveriesShown.Add(e.GetProperty("id").GetString()!)).OrderBy(e => e.GetProperty("createdAt").GetDateTimeOffset()))
        {
            var state = e.GetProperty("state").GetString();
            var delivered = e.GetProperty("deliveredAt").ValueKind == JsonValueKind.Null ? null : (DateTimeOffset?)e.GetProperty("deliveredAt").GetDateTimeOffset();
            console.MarkupLine($"  {e.GetProperty("type").GetString(),-16} → {e.GetProperty("recipient").GetString(),-11} queued {Time(e.GetProperty("createdAt").GetDateTimeOffset())}  " +
                (delivered is { } at
                    ? $"[green]receipt {Time(at)}[/] ({(at - e.GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds:0} ms, attempt {e.GetProperty("attempts").GetInt32()}{(e.GetProperty("hasReceipt").GetBoolean() ? ", signed receipt kept" : "")})"
                    : $"[red]{state}[/] {Markup.Escape(e.GetProperty("lastError").GetString() ?? "")}"));
        }
        return done && entries.All(e => e.GetProperty("state").GetString() == "delivered");
    }
}
