using Liaison.Storage.Evidence;

namespace Liaison.Node.Evidence;

/// <summary>Wires the node's <see cref="EvidenceLocker"/> (one per node: custody steps are serialised) and maps its problems.</summary>
public static class EvidenceServices
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceLocker>();
        return services;
    }
}
