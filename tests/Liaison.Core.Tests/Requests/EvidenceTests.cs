using System.Text;
using System.Text.Json;
using Liaison.Core.Requests.Evidence;

namespace Liaison.Core.Tests.Requests;

public class EvidenceTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 5, 9, 30, 15, 250, TimeSpan.Zero);
    private static readonly byte[] Cdr = "caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2025-02-01T14:03:00Z,61,234-15-1201-77\r\n"u8.ToArray();
    private static readonly byte[] Subscriber = "{\"name\":\"J. Doe\",\"since\":\"2021-04-01\"}"u8.ToArray();

    public static TheoryData<string, string, int, string> Sha256Vectors()
    {
        var data = new TheoryData<string, string, int, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Requests", "TestData", "sha256-fips180.json")));
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(v.GetProperty("name").GetString()!, v.GetProperty("message").GetString()!, v.GetProperty("repeat").GetInt32(), v.GetProperty("sha256").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sha256Vectors))]
    public void File_hashes_match_the_published_sha256_vectors(string name, string message, int repeat, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(message, repeat)));
        Assert.Equal(expected, EvidenceFile.Describe(name, "application/octet-stream", bytes).Sha256);
        using var stream = new MemoryStream(bytes);
        var streamed = EvidenceFile.Describe(name, "application/octet-stream", stream);
        Assert.Equal((expected, (long)bytes.Length), (streamed.Sha256, streamed.Size));
    }

    private static EvidenceManifest Manifest(bool reversed = false)
    {
        var files = new[] { EvidenceFile.Describe("subscriber.json", "application/json", Subscriber), EvidenceFile.Describe("cdr.csv", "text/csv", Cdr) };
        return EvidenceManifest.Create("req-1", "us-telco", Created, reversed ? files.Reverse() : files);
    }

    [Fact]
    public void Canonical_form_is_sorted_compact_and_without_the_signature()
    {
        var m = Manifest().SignWith(TestManifestKeys.Provider);
        var cdr = EvidenceFile.Describe("cdr.csv", "text/csv", Cdr);
        var sub = EvidenceFile.Describe("subscriber.json", "application/json", Subscriber);
        var expected =
            "{\"createdAt\":\"2025-03-05T09:30:15Z\",\"files\":["
            + $"{{\"mediaType\":\"text/csv\",\"name\":\"cdr.csv\",\"sha256\":\"{cdr.Sha256}\",\"size\":{Cdr.Length}}},"
            + $"{{\"mediaType\":\"application/json\",\"name\":\"subscriber.json\",\"sha256\":\"{sub.Sha256}\",\"size\":{Subscriber.Length}}}"
            + "],\"formatVersion\":1,\"requestId\":\"req-1\",\"responder\":\"us-telco\"}";
        Assert.Equal(expected, Encoding.UTF8.GetString(m.CanonicalBytes()));
        Assert.StartsWith(expected[..^1] + ",\"signature\":{\"algorithm\":", m.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_files_in_any_order_give_the_same_bytes_and_signature()
    {
        var a = Manifest().SignWith(TestManifestKeys.Provider);
        var b = Manifest(reversed: true).SignWith(TestManifestKeys.Provider);
        Assert.Equal(a.CanonicalBytes(), b.CanonicalBytes());
        Assert.Equal(a.Signature, b.Signature);
        Assert.Equal(a.Digest(), b.Digest());
        Assert.StartsWith("sha256:", a.Digest(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_survives_transmission_and_its_signature_still_verifies()
    {
        var sent = Manifest().SignWith(TestManifestKeys.Provider);
        var received = EvidenceManifest.Parse(sent.ToJson());
        Assert.Equal(sent.CanonicalBytes(), received.CanonicalBytes());
        Assert.True(TestManifestKeys.Provider.Verify("us-telco", received.CanonicalBytes(), received.Signature!));
    }

    [Fact]
    public void Canonical_strings_escape_only_what_json_requires()
    {
        // The string of RFC 8785's canonicalisation example: euro sign, dollar, U+000F, newline, A ' B " \ \ " /
        var value = "\u20ac$\u000f\nA'B\"\\\\\"/";
        var bytes = CanonicalJson.Serialise(new Dictionary<string, object> { ["string"] = value });
        Assert.Equal("{\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", Encoding.UTF8.GetString(bytes));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialise(new Dictionary<string, object> { ["s"] = "\ud800" }));
    }

    [Fact]
    public void Intact_package_verifies()
    {
        var f = new RequestFixtures();
        var manifest = EvidenceManifest.Parse(Manifest().SignWith(TestManifestKeys.Provider).ToJson());
        var received = new[] { EvidenceFile.Describe("cdr.csv", "text/csv", Cdr), EvidenceFile.Describe("subscriber.json", "application/json", Subscriber) };
        var result = new EvidencePackageVerifier(TestManifestKeys.Provider).Verify(f.Sent(), manifest, received);
        Assert.True(result.IsIntact, string.Join("; ", result.Problems));
        Assert.Equal(manifest.Digest(), result.ManifestDigest);
    }

    [Fact]
    public void Tampered_file_is_detected()
    {
        var f = new RequestFixtures();
        var manifest = Manifest().SignWith(TestManifestKeys.Provider);
        var tampered = (byte[])Cdr.Clone();
        tampered[^5] ^= 0x01;
        var received = new[] { EvidenceFile.Describe("cdr.csv", "text/csv", tampered), EvidenceFile.Describe("subscriber.json", "application/json", Subscriber) };
        var result = new EvidencePackageVerifier(TestManifestKeys.Provider).Verify(f.Sent(), manifest, received);
        var p = Assert.Single(result.Problems);
        Assert.Equal((PackageProblemKind.HashMismatch, "cdr.csv"), (p.Kind, p.File));
    }

    [Fact]
    public void Missing_extra_and_resized_files_are_detected()
    {
        var f = new RequestFixtures();
        var manifest = Manifest().SignWith(TestManifestKeys.Provider);
        var received = new[]
        {
            EvidenceFile.Describe("cdr.csv", "text/csv", [.. Cdr, (byte)'\n']),
            EvidenceFile.Describe("notes.txt", "text/plain", "extra"u8),
        };
        var result = new EvidencePackageVerifier(TestManifestKeys.Provider).Verify(f.Sent(), manifest, received);
        Assert.Equal(
            [(PackageProblemKind.SizeMismatch, "cdr.csv"), (PackageProblemKind.HashMismatch, "cdr.csv"), (PackageProblemKind.MissingFile, "subscriber.json"), (PackageProblemKind.UnexpectedFile, "notes.txt")],
            result.Problems.Select(p => (p.Kind, p.File)));
    }

    [Fact]
    public void Altered_manifest_or_wrong_request_fails_verification()
    {
        var f = new RequestFixtures();
        var json = Manifest().SignWith(TestManifestKeys.Provider).ToJson();
        var lowered = EvidenceManifest.Parse(json.Replace($"\"size\":{Subscriber.Length}", "\"size\":1", StringComparison.Ordinal));
        var received = new[] { EvidenceFile.Describe("cdr.csv", "text/csv", Cdr), EvidenceFile.Describe("subscriber.json", "application/json", Subscriber) };
        var verifier = new EvidencePackageVerifier(TestManifestKeys.Provider);
        Assert.Contains(verifier.Verify(f.Sent(), lowered, received).Problems, p => p.Kind == PackageProblemKind.SignatureInvalid);

        var other = f.Sent(RequestFixtures.CloudAct("req-2"));
        Assert.Contains(verifier.Verify(other, EvidenceManifest.Parse(json), received).Problems, p => p.Kind == PackageProblemKind.WrongRequest);
        Assert.Contains(verifier.Verify(f.Sent(), Manifest(), received).Problems, p => p.Kind == PackageProblemKind.SignatureMissing);
    }

    [Theory]
    [InlineData("../../etc/passwd", "files[0].name")]
    [InlineData("a/b.csv", "files[0].name")]
    public void File_names_that_could_leave_the_package_folder_are_refused(string name, string field)
    {
        var e = Assert.Throws<InvalidManifestException>(() => EvidenceManifest.Create("req-1", "us-telco", Created, [EvidenceFile.Describe(name, "text/csv", Cdr)]));
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("{\"formatVersion\":1}", "createdAt")]
    [InlineData("{\"formatVersion\":2,\"requestId\":\"r\"}", "formatVersion")]
    [InlineData("[1]", "(document)")]
    [InlineData("{\"formatVersion\":1,\"requestId\":\"r\",\"responder\":\"p\",\"createdAt\":\"2025-03-05T09:30:15Z\",\"files\":[{\"name\":\"a.csv\",\"mediaType\":\"text/csv\",\"sha256\":\"XYZ\",\"size\":1}]}", "files[0].sha256")]
    [InlineData("{\"formatVersion\":1,\"requestId\":\"r\",\"responder\":\"p\",\"createdAt\":\"2025-03-05T09:30:15Z\",\"files\":[],\"note\":\"unsigned extra\"}", "note")]
    public void Malformed_manifests_name_the_field_at_fault(string json, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidManifestException>(() => EvidenceManifest.Parse(json)).Field);
}
