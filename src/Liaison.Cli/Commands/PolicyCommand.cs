using System.CommandLine;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison policy validate FILE</c> checks a policy file; <c>liaison policy explain FILE …</c> shows the
/// decision and rule trail for a hypothetical request, so a DPO can try a change before deploying it;
/// <c>liaison policy check --dir D …</c> does the same for a stored record and a real user (<see cref="PolicyCheckCommand"/>).
/// </summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Validate a policy file and explain its decisions") { Validate(), Explain(), PolicyCheckCommand.Create() };

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "the policy file (YAML or JSON)" };
        var command = new Command("validate", "Check a policy file; print every error with line and field") { file };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var path = parse.GetValue(file)!.FullName;
            try
            {
                var policy = PolicyLoader.Compile(File.ReadAllText(path), path);
                Console.WriteLine($"{policy.Label}: {policy.Purposes.Count} purposes, {policy.DataCategories.Count} data categories, "
                    + $"{policy.Instruments.Count} instruments, {policy.Rules.Count} rules");
                return 0;
            }
            catch (PolicyFileException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }
                return 1;
            }
        }));
        return command;
    }

    private static Command Explain()
    {
        var file = new Argument<FileInfo>("file") { Description = "the policy file" };
        var role = new Option<string>("--role") { Description = "the caller's role (investigator, analyst, supervisor, liaison-officer, dpo, admin)", Required = true };
        var action = new Option<string>("--action") { Description = "read-record, search, share, export, draft-request …", Required = true };
        var from = new Option<string>("--from") { Description = "the caller's jurisdiction (ISO 3166 alpha-2)", Required = true };
        var agency = new Option<string>("--agency") { Description = "the caller's agency", DefaultValueFactory = _ => "local-agency" };
        var purpose = new Option<string?>("--purpose") { Description = "the purpose of processing" };
        var to = new Option<string?>("--to") { Description = "the recipient's jurisdiction, for shares" };
        var toAgency = new Option<string>("--to-agency") { Description = "the recipient's agency", DefaultValueFactory = _ => "peer-agency" };
        var person = new Option<string?>("--to-person") { Description = "the named recipient (TLP:RED)" };
        var offence = new Option<string?>("--offence") { Description = "the offence under investigation" };
        var instrument = new Option<string?>("--instrument") { Description = "the legal instrument invoked" };
        var categories = new Option<string?>("--categories") { Description = "comma-separated data categories of the payload" };
        var subjects = new Option<string?>("--subjects") { Description = "subjects of the record: victim,minor,witness,informant,suspect" };
        var tlp = new Option<string>("--tlp") { Description = "the record's TLP", DefaultValueFactory = _ => "amber" };
        var origin = new Option<string?>("--origin-agency") { Description = "the agency that originated the record (default: the caller's)" };
        var command = new Command("explain", "Show the decision and rule trail for a hypothetical request (the caller is a member of the case)")
        {
            file, role, action, from, agency, purpose, to, toAgency, person, offence, instrument, categories, subjects, tlp, origin,
        };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var path = parse.GetValue(file)!.FullName;
            var policy = Load(path);
            if (!PolicyNames.TryParseRole(parse.GetValue(role), out var callerRole))
            {
                throw new CliFailure($"unknown role '{parse.GetValue(role)}' ({string.Join(", ", PolicyNames.AllRoles)})");
            }
            if (!PolicyNames.TryParseAction(parse.GetValue(action), out var callerAction))
            {
                throw new CliFailure($"unknown action '{parse.GetValue(action)}' ({string.Join(", ", PolicyNames.AllActions)})");
            }
            if (!TlpExtensions.TryParse(parse.GetValue(tlp), out var recordTlp))
            {
                throw new CliFailure($"unknown TLP '{parse.GetValue(tlp)}'");
            }
            if (!SubjectCategoriesExtensions.TryParseList(parse.GetValue(subjects), out var recordSubjects))
            {
                throw new CliFailure($"unknown subjects '{parse.GetValue(subjects)}'");
            }
            const string caseId = "case-explain";
            var caller = new Caller("cli-user", [callerRole], [caseId], parse.GetValue(agency)!, "local-node", parse.GetValue(from)!);
            var record = new EntityRecord("record-explain", "Person", new Dictionary<string, List<string>>(), new RecordEnvelope
            {
                OriginAgency = parse.GetValue(origin) ?? caller.Agency,
                OriginNode = "local-node",
                CaseId = caseId,
                Tlp = recordTlp,
                Subjects = recordSubjects,
                LegalBasis = "explain",
                Provenance = new Provenance("manual", DateTimeOffset.UnixEpoch, "cli-user"),
            });
            var decision = policy.Decide(new AccessRequest
            {
                Caller = caller,
                Action = callerAction,
                CaseId = caseId,
                Purpose = parse.GetValue(purpose),
                Record = record,
                Recipient = parse.GetValue(to) is { } recipient ? new Recipient("peer-node", parse.GetValue(toAgency)!, recipient, parse.GetValue(person)) : null,
                Offence = parse.GetValue(offence),
                Instrument = parse.GetValue(instrument),
                Categories = (parse.GetValue(categories) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            }, new NoCases());
            Console.WriteLine($"{decision.Effect} by {decision.Rule}: {decision.Reason}");
            foreach (var obligation in decision.Obligations)
            {
                Console.WriteLine($"  obligation: {System.Text.Json.JsonSerializer.Serialize(obligation, PolicyJson.Options)}");
            }
            foreach (var step in decision.Trail)
            {
                Console.WriteLine($"  - {step}");
            }
            return decision.IsPermitted ? 0 : 3;
        }));
        return command;
    }

    private static CompiledPolicy Load(string path)
    {
        try
        {
            return PolicyLoader.Compile(File.ReadAllText(path), path);
        }
        catch (PolicyFileException e)
        {
            throw new CliFailure($"{e.Errors.Count} error(s) in the policy file; first: {e.Errors.FirstOrDefault()}");
        }
    }

    /// <summary>A hypothetical request concerns one case the caller is a member of; no other case exists.</summary>
    private sealed class NoCases : ICaseRegister
    {
        public CaseInfo? Find(string caseId) => null;

        public IEnumerable<CaseInfo> CasesOfAgency(string agency) => [];
    }
}
