using System.CommandLine;
using System.Globalization;
using System.Text;
using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison clk encode|link|schema</c>: offline privacy-preserving record linkage as clkhash/anonlink users
/// know it. Each party encodes its CSV with the shared secret; whoever plays the hub links the .clk files
/// without the secret.
/// </summary>
internal static class ClkCommands
{
    public static Command Create()
    {
        var command = new Command("clk", "Bloom-filter (CLK) encodings for privacy-preserving person matching");
        command.Subcommands.Add(Encode());
        command.Subcommands.Add(Link());
        command.Subcommands.Add(Schema());
        return command;
    }

    private static Command Encode()
    {
        var input = new Argument<FileInfo>("input") { Description = "person CSV with a header (FEBRL-style columns; missing columns allowed)" };
        var secretFile = new Option<FileInfo>("--secret-file") { Description = "file holding the linkage secret shared by the parties (≥ 16 bytes; one trailing newline is ignored)", Required = true };
        var schemaFile = new Option<FileInfo?>("--schema") { Description = "linkage schema JSON (default: the built-in FEBRL person schema, see `liaison clk schema`)" };
        var idColumn = new Option<string>("--id-column") { Description = "column holding the record id", DefaultValueFactory = _ => CsvEncoding.DefaultIdColumn };
        var output = new Option<FileInfo>("--output", "-o") { Description = "the .clk file to write", Required = true };
        var command = new Command("encode", "Encode a CSV of persons into CLKs with the shared secret") { input, secretFile, schemaFile, idColumn, output };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var inputFile = Existing(parse.GetValue(input)!);
            var schema = parse.GetValue(schemaFile) is { } s ? LoadSchema(Existing(s)) : LinkageSchema.FebrlPerson;
            var secret = ReadSecret(Existing(parse.GetValue(secretFile)!));
            try
            {
                var records = CsvEncoding.EncodeFile(inputFile.FullName, schema, secret, parse.GetValue(idColumn)!);
                var target = parse.GetValue(output)!.FullName;
                ClkFile.Write(target, schema, records);
                Console.WriteLine($"encoded {records.Length} records with schema {schema.Fingerprint} ({schema.FilterBits} bits) → {target}");
                return 0;
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
            }
        }));
        return command;
    }

    private static Command Link()
    {
        var a = new Argument<FileInfo>("a") { Description = "party A's .clk file" };
        var b = new Argument<FileInfo>("b") { Description = "party B's .clk file" };
        var threshold = new Option<double>("--threshold") { Description = "Dice threshold (0.8 for one-to-one linkage; 0.85 when most records have no counterpart)", DefaultValueFactory = _ => 0.8 };
        var noBlocking = new Option<bool>("--no-blocking") { Description = "compare all pairs even when both files carry blocking keys" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "CSV of matches: a_id,b_id,score", Required = true };
        var command = new Command("link", "Link two .clk files one-to-one (needs no secret)") { a, b, threshold, noBlocking, output };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var t = parse.GetValue(threshold);
            if (t is < 0 or > 1)
            {
                throw new CliFailure("--threshold must be between 0 and 1");
            }
            var setA = ClkFile.Read(Existing(parse.GetValue(a)!).FullName);
            var setB = ClkFile.Read(Existing(parse.GetValue(b)!).FullName);
            var hub = new LinkageHub(new LinkageOptions { Threshold = t, UseBlocking = !parse.GetValue(noBlocking) });
            var result = hub.Link(setA, setB);
            var target = parse.GetValue(output)!.FullName;
            WriteMatches(target, result.Matches);
            Console.WriteLine($"{result.Matches.Count} matches of {setA.Count} × {setB.Count} records at threshold {t.ToString(CultureInfo.InvariantCulture)} " +
                $"({result.Comparisons} comparisons{(hub.Options.UseBlocking && setA.HasBlockKeys && setB.HasBlockKeys ? ", blocked" : "")}) → {target}");
            return 0;
        }));
        return command;
    }

    private static Command Schema()
    {
        var command = new Command("schema", "Print the built-in FEBRL person linkage schema (a starting point for --schema)");
        command.SetAction(_ => CliRunner.Run(() =>
        {
            Console.WriteLine(LinkageSchema.FebrlPerson.ToJson());
            return 0;
        }));
        return command;
    }

    private static FileInfo Existing(FileInfo file) =>
        file.Exists ? file : throw new CliFailure($"{file.FullName}: no such file");

    private static LinkageSchema LoadSchema(FileInfo file)
    {
        try
        {
            return LinkageSchema.Load(file.FullName);
        }
        catch (InvalidLinkageSchemaException e)
        {
            throw new CliFailure(e.Message);
        }
    }

    private static byte[] ReadSecret(FileInfo file)
    {
        var bytes = File.ReadAllBytes(file.FullName);
        // `echo secret > K` adds a newline; the parties must agree on the bytes, so one trailing newline is dropped.
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == '\n')
        {
            length--;
            if (length > 0 && bytes[length - 1] == '\r')
            {
                length--;
            }
        }
        if (length < ClkEncoder.MinimumSecretBytes)
        {
            throw new CliFailure($"{file.FullName}: the linkage secret must be at least {ClkEncoder.MinimumSecretBytes} bytes");
        }
        return bytes[..length];
    }

    private static void WriteMatches(string path, IReadOnlyList<LinkageMatch> matches)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("a_id,b_id,score");
        foreach (var m in matches)
        {
            writer.WriteLine($"{Csv(m.AId)},{Csv(m.BId)},{m.Score.ToString("0.######", CultureInfo.InvariantCulture)}");
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
