using System.CommandLine;
using System.Globalization;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Validation;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison requests …</c>: the legal rules requests are checked against, and an offline check of a
/// received evidence package's files against its manifest.
/// </summary>
internal static class RequestsCommand
{
    public static Command Create()
    {
        var command = new Command("requests", "Legal data-access requests: instruments, offences, evidence packages");
        command.Subcommands.Add(Instruments());
        command.Subcommands.Add(Offences());
        command.Subcommands.Add(CheckPackage());
        return command;
    }

    private static Command Instruments()
    {
        var command = new Command("instruments", "List the legal instruments with their scope, safeguards and deadlines");
        command.SetAction(_ => CliRunner.Run(() =>
        {
            foreach (var p in RequestRules.Default.Instruments.Profiles.OrderBy(p => p.Instrument))
            {
                Console.WriteLine($"{p.Instrument}: {p.Title}");
                Console.WriteLine($"  law:        {p.Citation}");
                Console.WriteLine($"  addressee:  {p.AddresseeKind}; types {string.Join(", ", p.Types.Order())}");
                Console.WriteLine($"  data:       {p.Categories}");
                if (p.SeriousCrimeRequiredFor != DataCategory.None)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  serious:    {p.SeriousCrimeRequiredFor} only for a maximum penalty of at least {p.SeriousCrimeMinimumYears} years"));
                }
                foreach (var v in p.Validations)
                {
                    Console.WriteLine($"  validation: {v.Categories} by {string.Join(", ", v.Capacities.Order())} ({v.Citation})");
                }
                foreach (var r in p.ProtectedPersons)
                {
                    var who = string.Join(" or ", new[] { r.ProtectsNationals ? "nationals of" : null, r.ProtectsPersonsLocatedThere ? "persons in" : null }.OfType<string>());
                    Console.WriteLine($"  protected:  {r.IssuingJurisdiction} orders may not target {who} {r.ProtectedJurisdiction} ({r.Citation})");
                }
                var d = p.Deadlines;
                Console.WriteLine($"  deadline:   {Span(d.Response)}{(d.EmergencyResponse is { } e ? $", emergency {Span(e)}" : "")}; {d.Basis}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Offences()
    {
        var command = new Command("offences", "List the configured offence categories (default: the 32 EAW list offences)");
        command.SetAction(_ => CliRunner.Run(() =>
        {
            foreach (var o in RequestRules.Default.Offences.Categories)
            {
                Console.WriteLine($"{o.Code}\t{o.Title}{(o.EEvidenceDirectiveOffence ? "\t[e-Evidence art. 5(4)(b)]" : "")}");
            }
            return 0;
        }));
        return command;
    }

    private static Command CheckPackage()
    {
        var manifestArg = new Argument<FileInfo>("manifest") { Description = "the package's manifest (JSON)" };
        var folderArg = new Argument<DirectoryInfo>("folder") { Description = "the folder holding the package's files" };
        var command = new Command("check-package", "Check that a package's files match its manifest (sizes and SHA-256; the signature needs the node)") { manifestArg, folderArg };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var manifestFile = parse.GetValue(manifestArg)!;
            var folder = parse.GetValue(folderArg)!;
            EvidenceManifest manifest;
            try
            {
                manifest = EvidenceManifest.Parse(File.ReadAllText(manifestFile.FullName));
            }
            catch (InvalidManifestException e)
            {
                throw new CliFailure($"{manifestFile.Name}: {e.Message}");
            }
            if (!folder.Exists)
            {
                throw new CliFailure($"folder '{folder.FullName}' does not exist");
            }
            var received = folder.EnumerateFiles()
                .Where(f => !string.Equals(f.FullName, manifestFile.FullName, StringComparison.Ordinal))
                .Select(f =>
                {
                    using var stream = f.OpenRead();
                    return EvidenceFile.Describe(f.Name, "application/octet-stream", stream);
                })
                .ToList();
            var problems = EvidencePackageVerifier.CompareFiles(manifest, received);
            foreach (var p in problems)
            {
                Console.WriteLine($"{p.Kind}\t{p.File}\t{p.Detail}");
            }
            if (problems.Count > 0)
            {
                throw new CliFailure(string.Create(CultureInfo.InvariantCulture, $"package for request '{manifest.RequestId}' does not match its manifest ({problems.Count} problems)"), 2);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok: {manifest.Files.Count} files match the manifest of request '{manifest.RequestId}' ({manifest.Digest()}); signature {(manifest.Signature is null ? "absent" : "not checked here")}"));
            return 0;
        }));
        return command;
    }

    private static string Span(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays == Math.Floor(t.TotalDays) ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays} days")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours} hours");
}
