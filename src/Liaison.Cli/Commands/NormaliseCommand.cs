using System.CommandLine;
using Liaison.Core.Identifiers;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison normalise KIND VALUE</c>: shows how Liaison normalises one identifier (the same code the importers use).</summary>
internal static class NormaliseCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "phone, email, name, iban, document, wallet or date" };
        var value = new Argument<string>("value") { Description = "the identifier as written" };
        var region = new Option<string>("--region") { Description = "default phone region (ISO 3166 alpha-2)", DefaultValueFactory = _ => "GB" };
        var command = new Command("normalise", "Show the canonical form of an identifier") { kind, value, region };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var raw = parse.GetValue(value)!;
            string? reason = null;
            var result = parse.GetValue(kind) switch
            {
                "phone" => new PhoneNumberNormalizer(parse.GetValue(region)!).TryNormalize(raw, out reason),
                "email" => EmailAddresses.TryCanonicalize(raw, out reason),
                "name" => PersonNames.SearchKey(raw),
                "iban" => Iban.TryNormalize(raw, out reason),
                "document" => DocumentNumbers.TryNormalize(raw, out reason),
                "wallet" => CryptoWallets.TryNormalize(raw, out reason),
                "date" => PartialDate.TryParse(raw, out var d) ? d.ToString() : null,
                var other => throw new CliFailure($"unknown identifier kind '{other}' (phone, email, name, iban, document, wallet, date)"),
            };
            if (result is null)
            {
                throw new CliFailure($"the {parse.GetValue(kind)} {reason ?? "is not valid"}");
            }
            Console.WriteLine(result);
            return 0;
        }));
        return command;
    }
}
