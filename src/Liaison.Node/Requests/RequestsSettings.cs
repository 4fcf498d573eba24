using System.Text.Json;
using System.Text.Json.Serialization;
using Liaison.Core.Requests;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>
/// A node's settings for data-access requests, from <c>requests.json</c> in its folder (optional). A node
/// with a <see cref="Provider"/> section is a service provider's node: requests addressed to it land in its
/// compliance team's inbox and are screened against the instruments and authorities listed there.
/// </summary>
public sealed record RequestsSettings
{
    public const string FileName = "requests.json";

    /// <summary>The legal capacity in which this node's designated-authority users validate requests.</summary>
    public AuthorityCapacity ValidatorCapacity { get; init; } = AuthorityCapacity.DesignatedAuthority;

    /// <summary>How often the deadline monitor looks at outstanding requests (at most daily); zero turns the background pass off.</summary>
    public TimeSpan DeadlinePoll { get; init; } = TimeSpan.FromMinutes(1);

    public ProviderSettings? Provider { get; init; }

    /// <summary>
    /// National practice for the periods the instruments leave open (docs/requests.md marks them "configurable
    /// default"): per instrument, the response period and the grace after it before the request expires.
    /// </summary>
    public IReadOnlyDictionary<LegalInstrument, DeadlineSetting> Deadlines { get; init; } = new Dictionary<LegalInstrument, DeadlineSetting>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static RequestsSettings Load(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = Path.Combine(node.Directory, FileName);
        if (!File.Exists(path))
        {
            return new RequestsSettings();
        }
        try
        {
            return JsonSerializer.Deserialize<RequestsSettings>(File.ReadAllText(path), Json) ?? new RequestsSettings();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: {e.Path}: {e.Message}", e);
        }
    }

    public static void Write(NodeConfig node, RequestsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(node);
        File.WriteAllText(Path.Combine(node.Directory, FileName), JsonSerializer.Serialize(settings, Json));
    }
}

/// <summary>A response period and expiry grace replacing an instrument's default.</summary>
public sealed record DeadlineSetting(TimeSpan Response, TimeSpan ExpiryGrace);

/// <summary>What a provider's node answers: under which instruments, and for which requesting authorities (their node ids in the peer directory).</summary>
public sealed record ProviderSettings
{
    public IReadOnlyList<LegalInstrument> AcceptedInstruments { get; init; } = [];

    /// <summary>Node ids of the authorities the provider recognises; their signing keys come from the peer directory.</summary>
    public IReadOnlyList<string> Authorities { get; init; } = [];
}
