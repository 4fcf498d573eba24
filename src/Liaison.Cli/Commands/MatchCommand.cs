using System.CommandLine;
using System.Text.Json;
using Liaison.Matching.Psi;
using Liaison.Node.Audit;
using Liaison.Node.Federation;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison match --dir D --case C --peer P [--purpose X] [--kinds phone,email] [--cardinality] [--as USER]</c>:
/// hit/no-hit of a case's identifiers against a peer, straight from the node's folder (the peer's
/// server must be running; this node's need not — stop it first, the ledger has one writer). Decided by
/// the policy in the name of a node user and journalled in the ledger exactly as the API does.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var caseId = new Option<string>("--case", "-c") { Description = "the case whose identifiers are matched", Required = true };
        var peer = new Option<string>("--peer") { Description = "the peer's node id (liaison peer list)", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "purpose of processing, from the policy", DefaultValueFactory = _ => "criminal-investigation" };
        var kinds = new Option<string>("--kinds") { Description = $"identifier kinds: {string.Join(", ", MatchKinds.Names)}", DefaultValueFactory = _ => "phone,email" };
        var cardinality = new Option<bool>("--cardinality") { Description = "learn only how many identifiers the peer holds, not which" };
        var user = new Option<string?>("--as") { Description = "the node user the match is made and journalled as (default: LIAISON_USER)" };
        var offence = new Option<string?>("--offence") { Description = "offence under investigation, for the peer's policy (e.g. trafficking-in-human-beings)" };
        var json = CommonOptions.Json();
        var command = new Command("match", "Hit/no-hit: which of a case's identifiers a peer also holds (private set intersection)")
        {
            dir, caseId, peer, purpose, kinds, cardinality, user, offence, json,
        };
        command.SetAction((parse, ct) => KeyCommands.Run(async () =>
        {
            var userName = parse.GetValue(user) ?? Environment.GetEnvironmentVariable("LIAISON_USER");
            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new CliFailure("name the node user who runs the match: --as USER or LIAISON_USER=USER");
            }
            var asked = MatchKinds.Parse(parse.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var mode = parse.GetValue(cardinality) ? PsiMode.CardinalityOnly : PsiMode.Intersection;
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var clock = TimeProvider.System;
            using var federation = NodeFederation.Open(node, clock);
            if (!federation.IsAvailable)
            {
                throw new CliFailure(federation.UnavailableReason!);
            }
            await using var db = LiaisonDbFactory.Create(node);
            await using var ledger = await NodeLedger.OpenAsync(node, clock, ct: ct);
            try
            {
                var c = parse.GetValue(caseId)!;
                var p = parse.GetValue(purpose)!;
                var gate = new CommandLineGate(db, node, NodePolicy.Load(node), new AuditJournal(db, ledger, clock), clock);
                var decision = await gate.DecideRunMatchAsync(userName, c, p,
                    $"hit/no-hit with peer {parse.GetValue(peer)} on {string.Join(',', asked.Select(MatchKinds.NameOf))} ({mode}) via cli", ct);
                if (!decision.IsPermitted)
                {
                    throw new CliFailure($"denied by policy ({decision.Rule}): {decision.Reason}");
                }
                var service = new HitNoHitService(federation, db, new FederationJournal(db, ledger, clock), clock);
                HitNoHitResult result;
                try
                {
                    result = await service.RunAsync(new HitNoHitRun(userName, c, p, parse.GetValue(peer)!, asked, mode, decision.Rule, parse.GetValue(offence)), ct);
                }
                catch (HitNoHitException e)
                {
                    throw new CliFailure(e.Message);
                }
                Print(result, c, parse.GetValue(json));
                return 0;
            }
            finally
            {
                await ledger.CheckpointNowAsync(CancellationToken.None);
            }
        }));
        return command;
    }

    private static void Print(HitNoHitResult result, string caseId, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, FederationMessages.Json));
            return;
        }
        if (result.Mode == "cardinality")
        {
            Console.WriteLine($"{result.Peer} holds {result.MatchCount} of the {result.Asked} identifiers of case {caseId} asked "
                              + "(cardinality mode: which ones is not disclosed)");
            return;
        }
        if (result.Hits.Count > 0)
        {
            var kindWidth = Math.Max(4, result.Hits.Max(h => h.Kind.Length));
            var valueWidth = Math.Max(5, result.Hits.Max(h => h.Value.Length));
            Console.WriteLine($"{"kind".PadRight(kindWidth)}  {"value".PadRight(valueWidth)}  records");
            foreach (var hit in result.Hits)
            {
                Console.WriteLine($"{hit.Kind.PadRight(kindWidth)}  {hit.Value.PadRight(valueWidth)}  {string.Join(", ", hit.RecordIds)}");
            }
        }
        Console.WriteLine($"{result.MatchCount} of {result.Asked} identifiers of case {caseId} asked are held by {result.Peer} "
                          + $"(matched against {result.PeerSetSize}; answer marked {result.Tlp}, {result.Handling})");
    }
}
