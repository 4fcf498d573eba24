using System.Text;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.Csv;
using Liaison.Storage.Import;
using Liaison.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests;

public class FormatImportTests
{
    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Call_detail_records_import_with_phones_in_E164_and_times_in_UTC(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var csv = "caller,callee,start,duration,cell_id,lat,lon\n07911 123456,+31 6 12345678,2026-03-01 10:00:00,61,CELL-7,51.5,-0.12\n0044 7911 123456,+31612345678,2026-03-01T11:00:00+01:00,5,,,\n";
        var result = await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(csv)), "cdr.csv", new ImportOptions { ImportedBy = "t", CaseId = "C1" });

        Assert.Equal(("cdr", 2L), (result.Format, result.Accepted));
        await using var db = node.Db();
        var calls = await db.CallRecords.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.All(calls, c => Assert.Equal(("+447911123456", "+31612345678"), (c.Caller, c.Callee)));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0), calls[1].StartedAt.ToUniversalTime() is var t ? new DateTime(t.Ticks) : default);
        Assert.Equal(("CELL-7", 51.5, -0.12), (calls[0].CellId, calls[0].Latitude!.Value, calls[0].Longitude!.Value));
        Assert.Null(calls[1].CellId);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Stix_bundle_imports_identities_observables_relationships_and_tlp(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var bundle = """
            {"type":"bundle","id":"bundle--1","objects":[
              {"type":"identity","spec_version":"2.1","id":"identity--a","name":"Viktor Petrov","identity_class":"individual","object_marking_refs":["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"]},
              {"type":"threat-actor","spec_version":"2.1","id":"threat-actor--b","name":"Night Couriers","aliases":["NC"]},
              {"type":"email-addr","spec_version":"2.1","id":"email-addr--c","value":"courier@example.org"},
              {"type":"x-phone-number","id":"x-phone-number--d","value":"+44 7911 123456"},
              {"type":"location","spec_version":"2.1","id":"location--e","city":"Dover","country":"GB","latitude":51.13,"longitude":1.31},
              {"type":"relationship","spec_version":"2.1","id":"relationship--f","relationship_type":"attributed-to","source_ref":"threat-actor--b","target_ref":"identity--a"},
              {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed","name":"TLP:RED"}
            ]}
            """;
        var result = await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(bundle)), "intel.json", new ImportOptions { ImportedBy = "t" });

        Assert.Equal(("stix", 6L), (result.Format, result.Accepted));
        await using var db = node.Db();
        var person = RecordRowMapper.ToRecord(await db.Records.SingleAsync(r => r.Id == "identity--a"));
        Assert.Equal("Person", person.Schema);
        Assert.Equal(Tlp.Red, person.Envelope.Tlp);
        Assert.Equal("Association", (await db.Records.SingleAsync(r => r.Id == "relationship--f")).Schema);
        Assert.True(await db.Identifiers.AnyAsync(i => i.Kind == (int)IdentifierKind.Phone && i.Value == "+447911123456"));
        Assert.True(await db.Identifiers.AnyAsync(i => i.Kind == (int)IdentifierKind.Email && i.Value == "courier@example.org"));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Entity_csv_imports_through_a_column_mapping_with_markings(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var csv = "rec_id, given_name, surname, date_of_birth, tlp, subjects\nrec-1-org, ana, ionescu, 20090217, amber+strict, \"victim,minor\"\nrec-2-org, ion, popescu, 1979, green,\n";
        var mapping = ColumnMapping.Parse("schema=Person,id=rec_id,given_name=firstName,surname=lastName,date_of_birth=birthDate");
        var result = await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(csv)), "persons.csv", new ImportOptions { ImportedBy = "t", Mapping = mapping });

        Assert.Equal(2, result.Accepted);
        await using var db = node.Db();
        var ana = RecordRowMapper.ToRecord(await db.Records.SingleAsync(r => r.Id == "rec-1-org"));
        Assert.Equal(Tlp.AmberStrict, ana.Envelope.Tlp);
        Assert.Equal(SubjectCategories.Victim | SubjectCategories.Minor, ana.Envelope.Subjects);
        Assert.Equal("ana ionescu", ana.Caption);
        Assert.True(await db.Identifiers.AnyAsync(i => i.RecordId == "rec-1-org" && i.Kind == (int)IdentifierKind.BirthDate && i.Value == "2009-02-17"));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Search_finds_a_person_by_phone_in_any_format_and_by_transliterated_name(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var line = """{"id":"p1","schema":"Person","properties":{"name":["Олександр Коваленко"],"phone":["+380 67 123 4567"]}}""";
        await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(line)), "p.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" });
        await using var db = node.Db();
        var search = new RecordSearch(db, new Core.Identifiers.PhoneNumberNormalizer("GB"), DateOnly.MinValue);

        Assert.Equal("p1", Assert.Single(await search.FindAsync("00380671234567", ["C1"])).Id);
        Assert.Equal("p1", Assert.Single(await search.FindAsync("Oleksandr Kovalenko", ["C1"])).Id);
        Assert.Empty(await search.FindAsync("Oleksandr Kovalenko", ["OTHER-CASE"]));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Migrating_an_existing_node_again_keeps_its_data(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var line = """{"id":"p1","schema":"Person","properties":{"name":["A B"]}}""";
        await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(line)), "p.jsonl", new ImportOptions { ImportedBy = "t" });

        await Nodes.NodeDirectory.OpenAndMigrateAsync(node.Config.Directory);

        await using var db = node.Db();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.Records.CountAsync());
    }
}
