using System.CommandLine;
using Liaison.Node.Accounts;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison user add|token|list</c>: the node operator manages accounts.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", "Manage the node's users");
        user.Subcommands.Add(Add());
        user.Subcommands.Add(Token());
        user.Subcommands.Add(List());
        return user;
    }

    private static Command Add()
    {
        var dir = CommonOptions.Dir();
        var name = new Option<string>("--name") { Description = "user name (lower case)", Required = true };
        var display = new Option<string?>("--display-name") { Description = "full name shown in the UI" };
        var roles = new Option<string>("--roles", "--role") { Description = "investigator, analyst, supervisor, liaison-officer, dpo, admin (comma-separated)", Required = true };
        var passwordFile = new Option<string?>("--password-file") { Description = "file holding the password (else LIAISON_PASSWORD)" };
        var cases = new Option<string[]>("--case") { Description = "give need-to-know on these cases", AllowMultipleArgumentsPerToken = true };
        var token = new Option<bool>("--token") { Description = "also issue an API token and print it (shown once)" };
        var command = new Command("add", "Add a user") { dir, name, display, roles, passwordFile, cases, token };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var password = parse.GetValue(passwordFile) is { } f ? (await File.ReadAllTextAsync(f, ct)).TrimEnd('\r', '\n')
                : Environment.GetEnvironmentVariable("LIAISON_PASSWORD") ?? throw new CliFailure("give --password-file FILE or set LIAISON_PASSWORD");
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            await using var db = LiaisonDbFactory.Create(node);
            var accounts = new UserAccounts(db, TimeProvider.System);
            var userName = parse.GetValue(name)!;
            await accounts.AddUserAsync(userName, parse.GetValue(display) ?? userName, password, Roles.Parse(parse.GetValue(roles)!), ct);
            foreach (var caseId in parse.GetValue(cases) ?? [])
            {
                if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct))
                {
                    db.Cases.Add(new CaseRow { Id = caseId, Title = caseId, CreatedAt = TimeProvider.System.GetUtcNow(), CreatedBy = CommonOptions.Operator });
                }
                db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = userName });
            }
            await db.SaveChangesAsync(ct);
            await CliJournal.RecordAsync(node, "admin.user-add", null, new Dictionary<string, string> { ["user"] = userName, ["roles"] = parse.GetValue(roles)!, ["cases"] = string.Join(',', parse.GetValue(cases) ?? []) }, ct);
            Console.WriteLine($"user '{userName}' added ({parse.GetValue(roles)})");
            if (parse.GetValue(token))
            {
                Console.WriteLine(await accounts.IssueTokenAsync(userName, "cli", null, ct));
            }
            return 0;
        }));
        return command;
    }

    private static Command Token()
    {
        var dir = CommonOptions.Dir();
        var name = new Option<string>("--name") { Description = "user name", Required = true };
        var hours = new Option<int?>("--hours") { Description = "lifetime in hours (default: no expiry)" };
        var command = new Command("token", "Issue an API token for a user (printed once)") { dir, name, hours };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            await using var db = LiaisonDbFactory.Create(node);
            var h = parse.GetValue(hours);
            Console.WriteLine(await new UserAccounts(db, TimeProvider.System).IssueTokenAsync(parse.GetValue(name)!, "cli", h is null ? null : TimeSpan.FromHours(h.Value), ct));
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var dir = CommonOptions.Dir();
        var command = new Command("list", "List users, roles and cases") { dir };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            await using var db = LiaisonDbFactory.Create(node);
            foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            {
                var cases = await db.CaseMembers.Where(m => m.UserName == u.UserName).Select(m => m.CaseId).ToListAsync(ct);
                Console.WriteLine($"{u.UserName,-16} {u.Roles,-28} {string.Join(',', cases)}{(u.LockedUntil > TimeProvider.System.GetUtcNow() ? "  (locked)" : "")}");
            }
            return 0;
        }));
        return command;
    }
}
