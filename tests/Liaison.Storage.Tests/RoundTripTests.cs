using Liaison.Core.Model;
using Liaison.Interchange;
using Liaison.Interchange.FtM;
using Liaison.Interchange.Text;
using Liaison.Storage.Export;
using Liaison.Storage.Import;

namespace Liaison.Storage.Tests;

/// <summary>FtM import → export → import gives the same entities, envelope included.</summary>
public class RoundTripTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "gb-nca", "case.ftm.jsonl");

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Ftm_import_export_import_gives_the_same_entities(string provider)
    {
        await using var first = await TestNode.CreateAsync(provider);
        await new ImportService(first.Config, first.Clock).ImportFileAsync(Sample, new ImportOptions { ImportedBy = "test", AllowFileCases = true });
        var exported = Path.Combine(first.Config.Directory, "export.ftm.jsonl");
        await using (var db = first.Db())
        await using (var output = File.Create(exported))
        {
            await FtmExport.WriteAsync(db, output, null, DateOnly.MinValue);
        }
        await using var second = await TestNode.CreateAsync(provider);
        await new ImportService(second.Config, second.Clock).ImportFileAsync(exported, new ImportOptions { ImportedBy = "test", AllowFileCases = true });
        var again = Path.Combine(second.Config.Directory, "again.ftm.jsonl");
        await using (var db = second.Db())
        await using (var output = File.Create(again))
        {
            await FtmExport.WriteAsync(db, output, null, DateOnly.MinValue);
        }

        var original = Canonical(ReadAll(Sample));
        Assert.Equal(original.Count, Canonical(ReadAll(exported)).Count);
        Assert.Equal(original, Canonical(ReadAll(exported)));
        Assert.Equal(original, Canonical(ReadAll(again)));
    }

    [Fact]
    public void Properties_we_do_not_model_survive_the_round_trip()
    {
        var line = """{"id":"x1","schema":"Person","properties":{"name":["A B"],"religion":["unknown"],"customField":["kept"]}}""";
        var record = new FtmReader(new LineReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line)), "t.jsonl"), Context()).Read()!;
        using var buffer = new MemoryStream();
        using (var writer = new FtmWriter(buffer))
        {
            writer.Write(record);
        }
        var back = new FtmReader(new LineReader(new MemoryStream(buffer.ToArray()), "t.jsonl"), Context()).Read()!;
        Assert.Equal(["unknown"], back.Values("religion"));
        Assert.Equal(["kept"], back.Values("customField"));
    }

    private static ImportContext Context() => new() { FileName = "t.jsonl", CaseId = "c", Agency = "a", NodeId = "n", ImportedBy = "u", ImportedAt = DateTimeOffset.UnixEpoch };

    private static List<EntityRecord> ReadAll(string path)
    {
        var reader = new FtmReader(new LineReader(File.OpenRead(path), path), Context());
        var list = new List<EntityRecord>();
        while (reader.Read() is { } r)
        {
            list.Add(r);
        }
        return list;
    }

    /// <summary>Everything that must survive: id, schema, properties, markings, grading, subjects, legal basis, review date, origin.</summary>
    private static SortedSet<string> Canonical(List<EntityRecord> records) =>
        new(records.Select(r =>
        {
            var e = r.Envelope;
            var props = string.Join(";", r.Properties.Select(p => p.Key + "=" + string.Join("|", p.Value)));
            return $"{r.Id}|{r.Schema}|{props}|{e.CaseId}|{e.Tlp}|{e.Handling}|{e.Handling.Restriction}|{e.Grading}|{e.Subjects}|{e.LegalBasis}|{e.ReviewDate}|{e.OriginAgency}|{e.OriginNode}";
        }), StringComparer.Ordinal);
}
