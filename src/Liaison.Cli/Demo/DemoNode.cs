using System.Net.Http.Headers;
using System.Net.Http.Json;
using Liaison.Exchange.Identity;
using Liaison.Node;
using Liaison.Node.Accounts;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Cli.Demo;

/// <summary>One agency's node in the demo: its folder, its running server on loopback, and a user per role.</summary>
internal sealed class DemoNode : IAsyncDisposable
{
    public const string Password = "demo-password-not-for-production";

    private DemoNode(NodeConfig config, WebApplication app, Uri address)
    {
        Config = config;
        App = app;
        Address = address;
    }

    public NodeConfig Config { get; }
    public WebApplication App { get; }
    public Uri Address { get; }

    /// <summary>An agency's users, one per role, each named after their role; "admin" is the node operator.</summary>
    public static readonly IReadOnlyList<string> AgencyRoles = ["investigator", "analyst", "supervisor", "liaison-officer", "designated-authority", "dpo", "admin"];

    /// <summary>A service provider's node has its compliance team, a data-protection officer and an operator; no investigators.</summary>
    public static readonly IReadOnlyList<string> ProviderRoles = ["provider-compliance", "dpo", "admin"];

    private static readonly string[] CaseRoles = ["investigator", "analyst", "supervisor", "liaison-officer"];

    public static async Task<NodeConfig> CreateAsync(string root, string nodeId, string agency, string jurisdiction, string caseId, CancellationToken ct,
        IReadOnlyList<string>? roles = null)
    {
        var config = await NodeDirectory.InitAsync(Path.Combine(root, nodeId), new NodeConfig { NodeId = nodeId, Agency = agency, Jurisdiction = jurisdiction }, ct);
        Liaison.Node.Policy.NodePolicy.WriteDefault(config);
        await using var db = LiaisonDbFactory.Create(config);
        var accounts = new UserAccounts(db, TimeProvider.System);
        foreach (var role in roles ?? AgencyRoles)
        {
            await accounts.AddUserAsync(role, $"{role} ({agency})", Password, Roles.Parse(role), ct);
        }
        db.Cases.Add(new CaseRow { Id = caseId, Title = caseId, CreatedAt = TimeProvider.System.GetUtcNow(), CreatedBy = "demo" });
        foreach (var member in CaseRoles.Intersect(roles ?? AgencyRoles, StringComparer.Ordinal))
        {
            db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = member });
        }
        await db.SaveChangesAsync(ct);
        return config;
    }

    /// <summary>The demo's key passphrase (real nodes take it from LIAISON_KEY_PASSPHRASE or a secret file).</summary>
    public static readonly KeyPassphrase Passphrase = new("demo-key-passphrase-not-for-production");

    /// <summary>A free loopback port, reserved before start because the node's descriptor names its endpoint.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The node's exchange identity (signing and encryption keys), with a descriptor pointing at <paramref name="port"/>.</summary>
    public static NodeIdentity CreateIdentity(NodeConfig config, int port) =>
        // Fewer KDF iterations than production (600 000) only so the demo starts quickly.
        NodeIdentity.Create(config.Directory, new NodeProfile(config.NodeId, config.Agency, config.Jurisdiction, new Uri($"http://127.0.0.1:{port}/")),
            Passphrase, TimeProvider.System, new KeyProtection(100_000));

    public static async Task<DemoNode> StartAsync(NodeConfig config, int port, CancellationToken ct)
    {
        var app = NodeHost.Build(config, [$"http://127.0.0.1:{port}"], b => b.Services.AddSingleton(Passphrase));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoNode(config, app, new Uri(address));
    }

    public async Task<HttpClient> SignInAsync(string user, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = Address };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password }, ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>(ct))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
