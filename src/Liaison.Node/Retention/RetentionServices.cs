namespace Liaison.Node.Retention;

/// <summary>Registers the retention pass and its schedule.</summary>
public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped(sp => new RetentionPass(sp.GetRequiredService<Storage.LiaisonDb>(), sp.GetRequiredService<Audit.AuditJournal>(),
            sp.GetRequiredService<Core.Policy.PolicyStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IRecordWithdrawals>(),
            sp.GetService<Storage.Evidence.EvidenceLocker>()));
        services.AddScoped<RetentionDesk>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
