using Liaison.Core.Policy;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Policy;

/// <summary>
/// Reloads <c>policy.yaml</c> when it changes, without a restart. A bad file keeps the policy in force
/// and the errors are journalled; changes are debounced because editors write files in several steps.
/// </summary>
internal sealed class PolicyFileWatcher(NodeConfig node, PolicyStore store, NodeLedger ledger, TimeProvider clock, ILogger<PolicyFileWatcher> log) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists(node.Directory))
        {
            return;
        }
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(node.Directory, NodePolicy.FileName) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);
            await Task.Delay(Debounce, clock, stoppingToken);
            while (changed.CurrentCount > 0)
            {
                await changed.WaitAsync(stoppingToken);
            }
            await ReloadAsync(stoppingToken);
        }
    }

    internal async Task ReloadAsync(CancellationToken ct)
    {
        var path = NodePolicy.PathOf(node);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, ct);
        }
        catch (IOException e)
        {
            log.LogWarning("policy file unreadable: {Reason}", e.Message);
            return;
        }
        var result = store.Reload(text, path);
        await using var db = LiaisonDbFactory.Create(node);
        var journal = new AuditJournal(db, ledger, clock);
        await journal.RecordAsync("node", "policy.reload", result.Applied ? "permit" : "deny", rule: result.Applied ? "policy-file" : "policy-invalid",
            detail: result.Applied ? $"{result.Previous} -> {result.InForce}" : string.Join("; ", result.Errors.Select(e => e.ToString())), ct: ct);
        if (!result.Applied)
        {
            log.LogError("policy.yaml has errors; keeping {Version}: {Errors}", result.InForce, string.Join("; ", result.Errors.Select(e => e.ToString())));
        }
    }
}
