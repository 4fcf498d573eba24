using Liaison.Storage.Witnessing;

namespace Liaison.Node.Witnessing;

/// <summary>Wires witnessing between nodes: the witness endpoint, the cosignature rounds, the alert list. Section <c>Ledger:Witnessing</c>.</summary>
public static class WitnessingServices
{
    public static IServiceCollection AddWitnessing(this IServiceCollection services)
    {
        services.AddOptions<WitnessingOptions>().BindConfiguration("Ledger:Witnessing").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PeerWitness>();
        services.AddSingleton<CosignatureRound>();
        services.AddSingleton(sp => new WitnessAlerts(sp.GetRequiredService<Storage.Nodes.NodeConfig>()));
        services.AddHostedService<WitnessingService>();
        return services;
    }
}
