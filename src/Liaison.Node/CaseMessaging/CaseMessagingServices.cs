using Liaison.Node.Exchange;
using Liaison.Node.Retention;

namespace Liaison.Node.CaseMessaging;

/// <summary>Wires case messaging into the node: the desk, the inbound handler, the retention withdrawals and the endpoints.</summary>
public static class CaseMessagingServices
{
    public static IServiceCollection AddCaseMessaging(this IServiceCollection services)
    {
        services.AddSingleton<NodePseudonymKey>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<IRecordWithdrawals, OutboxRecordWithdrawals>();
        services.AddInboundMessageHandler<CaseMessageHandler>();
        return services;
    }
}
