using System.Net.Http.Headers;
using System.Net.Http.Json;
using Liaison.Node.Accounts;
using Liaison.Storage.Rows;
using Liaison.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests;

/// <summary>A node served for real by Kestrel on 127.0.0.1 (a free port), with users for every role.</summary>
public sealed class RunningNode : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    private readonly WebApplication _app;

    private RunningNode(TestNode node, WebApplication app, Uri address)
    {
        Node = node;
        _app = app;
        Address = address;
    }

    public TestNode Node { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningNode> StartAsync(string provider = "sqlite")
    {
        var node = await TestNode.CreateAsync(provider);
        await using (var db = node.Db())
        {
            var accounts = new UserAccounts(db, node.Clock);
            foreach (var role in Roles.All)
            {
                await accounts.AddUserAsync(role, role, Password, Roles.Parse(role));
            }
            await accounts.AddUserAsync("outsider", "investigator on another case", Password, Roles.Parse("investigator"));
            db.Cases.Add(new CaseRow { Id = "C1", Title = "case one", CreatedAt = node.Clock.GetUtcNow(), CreatedBy = "test" });
            db.Cases.Add(new CaseRow { Id = "C2", Title = "case two", CreatedAt = node.Clock.GetUtcNow(), CreatedBy = "test" });
            foreach (var member in new[] { "investigator", "analyst", "supervisor" })
            {
                db.CaseMembers.Add(new CaseMemberRow { CaseId = "C1", UserName = member });
            }
            db.CaseMembers.Add(new CaseMemberRow { CaseId = "C2", UserName = "outsider" });
            await db.SaveChangesAsync();
        }
        var app = NodeHost.Build(node.Config, ["http://127.0.0.1:0"], b => b.Services.AddSingleton<TimeProvider>(node.Clock));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningNode(node, app, new Uri(address));
    }

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    /// <summary>A client signed in as <paramref name="user"/>; the token is cached, since each sign-in runs the password KDF on purpose slowly.</summary>
    public async Task<HttpClient> As(string user)
    {
        var token = await _tokens.GetOrAdd(user, async u =>
        {
            var response = await Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = u, password = Password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        });
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Node.DisposeAsync();
    }
}
