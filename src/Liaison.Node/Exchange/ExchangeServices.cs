using Liaison.Exchange.Delivery;
using Liaison.Node.Federation;
using Liaison.Storage.Exchange;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Liaison.Node.Exchange;

/// <summary>
/// Wires reliable node-to-node messaging into the server: the database outbox and inbox, the scoped
/// <see cref="Outbox"/> a feature enqueues to inside its own transaction, the
/// <see cref="InboundDispatcher"/> and the handlers features register. Delivery retries bind from
/// configuration section <c>Exchange:Delivery</c> (<see cref="RetryPolicy"/>), e.g.
/// <c>Exchange__Delivery__MaxAttempts=12</c>.
/// </summary>
public static class ExchangeServices
{
    public static IServiceCollection AddExchange(this IServiceCollection services)
    {
        services.AddOptions<RetryPolicy>().BindConfiguration("Exchange:Delivery").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IOutboxStore, DbOutboxStore>();
        services.AddScoped<IInboxStore, DbInboxStore>();
        // Resolving the outbox on a node without an exchange identity throws FederationUnavailableException
        // (answered 503): resolve it where a message is sent, not in a constructor every request builds.
        services.AddScoped(sp =>
        {
            var federation = sp.GetRequiredService<NodeFederation>();
            return new Outbox(sp.GetRequiredService<IOutboxStore>(), federation.Peers, federation.Sealer, sp.GetRequiredService<TimeProvider>());
        });
        services.AddScoped<InboundDispatcher>();
        services.AddScoped<InboundJournal>();
        services.AddSingleton<InboundJournalWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundJournalWriter>());
        services.AddHostedService<DeliveryService>();
        services.AddHostedService<InboxJanitor>();
        return services;
    }

    /// <summary>Maps the receiving endpoint and the operator's outbox endpoints.</summary>
    public static WebApplication MapExchange(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Built once now so two handlers claiming one message type stop the node at start-up, not at the first message.
        using (var scope = app.Services.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<InboundDispatcher>();
        }
        app.MapInboxEndpoint();
        app.MapGroup("/api/exchange").WithTags("exchange").MapOutboxApi();
        return app;
    }

    /// <summary>Registers a (scoped) handler for the message types it names; see <see cref="IInboundMessageHandler"/>.</summary>
    public static IServiceCollection AddInboundMessageHandler<THandler>(this IServiceCollection services)
        where THandler : class, IInboundMessageHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboundMessageHandler, THandler>());
        return services;
    }
}
