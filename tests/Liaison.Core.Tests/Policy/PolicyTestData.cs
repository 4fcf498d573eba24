using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;

namespace Liaison.Core.Tests.Policy;

/// <summary>The shipped default policy, callers, records and a case register for policy tests.</summary>
internal static class PolicyTestData
{
    public static readonly string DefaultPolicyPath = Path.Combine(AppContext.BaseDirectory, "TestData", "default.yaml");

    private static readonly Lazy<CompiledPolicy> DefaultPolicy = new(() => PolicyLoader.Compile(File.ReadAllText(DefaultPolicyPath), "default.yaml"));

    public static CompiledPolicy Default => DefaultPolicy.Value;

    public static readonly Cases Register = new(
        new CaseInfo("case-gb-1", "Met Police", "unit-a"),
        new CaseInfo("case-gb-2", "Met Police", "unit-a"),
        new CaseInfo("case-gb-3", "Met Police", "unit-b"),
        new CaseInfo("case-gb-nca", "NCA", "unit-a"),
        new CaseInfo("case-de-1", "BKA", "unit-a"),
        new CaseInfo("case-us-1", "FBI", "unit-a"));

    public static Caller Caller(Role role, string jurisdiction = "GB", string agency = "Met Police", string unit = "unit-a", params string[] cases) =>
        new($"user-{PolicyNames.Of(role)}", [role], cases.Length == 0 ? ["case-gb-1"] : cases, agency, $"node-{jurisdiction.ToLowerInvariant()}", jurisdiction, unit);

    public static Caller Investigator(string jurisdiction = "GB", string agency = "Met Police", string caseId = "case-gb-1") =>
        Caller(Role.Investigator, jurisdiction, agency, "unit-a", caseId);

    public static Caller Supervisor(string jurisdiction = "GB", string agency = "Met Police", string caseId = "case-gb-1") =>
        Caller(Role.Supervisor, jurisdiction, agency, "unit-a", caseId);

    public static EntityRecord Person(string id = "rec-1", string caseId = "case-gb-1", SubjectCategories subjects = SubjectCategories.Suspect,
        Tlp tlp = Tlp.Amber, string originAgency = "Met Police") =>
        new(id, "Person", new Dictionary<string, List<string>>
        {
            ["name"] = ["Jane Doe"],
            ["birthDate"] = ["1990-04-01"],
            ["birthPlace"] = ["Leeds"],
            ["phone"] = ["+44 7700 900123"],
            ["nationality"] = ["gb"],
            ["notes"] = ["seen at the bus station"],
        }, Envelope(caseId, subjects, tlp, originAgency));

    public static EntityRecord Phone(string id = "rec-phone", string caseId = "case-gb-1", Tlp tlp = Tlp.Amber, string originAgency = "Met Police") =>
        new(id, "Phone", new Dictionary<string, List<string>> { ["number"] = ["+44 7700 900123"] }, Envelope(caseId, SubjectCategories.None, tlp, originAgency));

    public static RecordEnvelope Envelope(string caseId, SubjectCategories subjects = SubjectCategories.None, Tlp tlp = Tlp.Amber, string originAgency = "Met Police") => new()
    {
        OriginAgency = originAgency,
        OriginNode = "node-gb",
        CaseId = caseId,
        Tlp = tlp,
        Subjects = subjects,
        LegalBasis = "uk-dpa-2018-part-3",
        Provenance = new Provenance("file:case.csv", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "user-investigator"),
    };

    public static Recipient Peer(string jurisdiction, string agency = "Peer Agency", string? person = null) =>
        new($"node-{jurisdiction.ToLowerInvariant()}-{agency.Replace(' ', '-').ToLowerInvariant()}", agency, jurisdiction, person);

    public static PolicyDecision Decide(AccessRequest request) => Default.Decide(request, Register);

    /// <summary>An in-memory case register.</summary>
    internal sealed class Cases(params CaseInfo[] cases) : ICaseRegister
    {
        private readonly Dictionary<string, CaseInfo> byId = cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);

        public CaseInfo? Find(string caseId) => byId.GetValueOrDefault(caseId);

        public IEnumerable<CaseInfo> CasesOfAgency(string agency) => byId.Values.Where(c => c.Agency == agency);
    }
}
