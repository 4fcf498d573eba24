using Liaison.Matching.Clk;

namespace Liaison.Matching.Tests.Clk;

internal static class ClkFixtures
{
    public static readonly byte[] Secret = "shared linkage secret for tests!"u8.ToArray();

    public static LinkageSchema NameAndBirth(Hardening hardening = Hardening.None, bool orderInsensitive = false, int nameNgram = 2) => new()
    {
        Hardening = hardening,
        Fields =
        [
            new FieldSpec { Name = "name", Columns = ["given_name", "surname"], Kind = FieldKind.Name, Ngram = nameNgram, OrderInsensitive = orderInsensitive, BitsPerFeature = 300 },
            new FieldSpec { Name = "date_of_birth", Kind = FieldKind.Date, Ngram = 1, Positional = true, BitsPerFeature = 200 },
        ],
        Blocking = [new BlockingPass("year", ["year(date_of_birth)"])],
    };

    public static ClkRecord Encode(ClkEncoder encoder, string id, string given, string surname, string dob) =>
        encoder.Encode(id, column => column switch
        {
            "given_name" => given,
            "surname" => surname,
            "date_of_birth" => dob,
            _ => null,
        });
}
