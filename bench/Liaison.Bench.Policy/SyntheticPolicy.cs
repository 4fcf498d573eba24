using System.Text;

namespace Liaison.Bench.Policy;

/// <summary>A policy file with many rules, written as text so that the loader is measured too.</summary>
internal static class SyntheticPolicy
{
    public static readonly string[] Countries = ["AT", "BE", "DE", "FR", "NL", "IT", "ES", "PL", "SE", "IE", "GB", "US"];

    /// <summary>
    /// <paramref name="rules"/> rules. When <paramref name="sameRoute"/> is true they all cover DE → US and
    /// only the last one covers the benchmark's transfer (worst case: every rule is tried); otherwise
    /// routes are spread over 12 × 12 country pairs and the decisive rule is the last for its route.
    /// </summary>
    public static string Build(int rules, bool sameRoute)
    {
        var sb = new StringBuilder();
        sb.AppendLine("format: liaison-policy/1");
        sb.AppendLine("version: bench");
        sb.AppendLine("purposes:");
        for (var p = 0; p < 20; p++)
        {
            sb.AppendLine($"  - {{ id: purpose-{p}, description: p }}");
        }
        sb.AppendLine("data-categories:");
        sb.AppendLine("  - { id: identity, schemata: [Person], properties: [firstName, lastName] }");
        sb.AppendLine("  - { id: contact, schemata: [Phone, Email], properties: [phone, email] }");
        sb.AppendLine("  - { id: victims, subjects: [victim] }");
        sb.AppendLine("  - { id: minors, subjects: [minor] }");
        sb.AppendLine("instruments:");
        sb.AppendLine("  - { id: instrument-a, name: A }");
        sb.AppendLine("  - { id: instrument-b, name: B }");
        sb.AppendLine("rules:");
        for (var r = 0; r < rules; r++)
        {
            var last = r == rules - 1;
            var from = sameRoute ? "DE" : Countries[r % Countries.Length];
            var to = sameRoute ? "US" : Countries[(r / Countries.Length) % Countries.Length];
            // Non-decisive rules fail on purpose; the decisive one covers purpose-0.
            var purpose = last ? "purpose-0" : $"purpose-{1 + (r % 19)}";
            sb.AppendLine($"  - {{ id: rule-{r}, description: r, from: [{from}], to: [{to}], instrument: instrument-{(r % 2 == 0 ? "a" : "b")}, purposes: [{purpose}], categories: [identity, contact, victims], add-handling: H0 }}");
        }
        if (!sameRoute)
        {
            sb.AppendLine("  - { id: rule-de-us, description: r, from: [DE], to: [US], instrument: instrument-a, purposes: [purpose-0], categories: [identity, contact, victims] }");
        }
        return sb.ToString();
    }
}
