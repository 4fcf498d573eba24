using Liaison.Node.Accounts;
using Liaison.Node.Analysis;
using Liaison.Node.Api;
using Liaison.Node.Audit;
using Liaison.Node.Evidence;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Node.Policy;
using Liaison.Node.Retention;
using Liaison.Node.Requests;
using Liaison.Node.CaseMessaging;
using Liaison.Node.Web;
using Liaison.Node.Witnessing;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node;

/// <summary>
/// Builds a node's web application: REST API (minimal APIs per feature), OpenAPI document, health
/// endpoints. Used by <c>liaison serve</c>, the demo and the in-process tests.
/// </summary>
public static class NodeHost
{
    public static WebApplication Build(NodeConfig node, string[]? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(NodeHost).Assembly.GetName().Name });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls(urls ?? [$"http://127.0.0.1:{node.Port}"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<LiaisonDb>(_ => LiaisonDbFactory.Create(node));
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<AuditJournal>();
        builder.Services.AddSingleton(sp => NodeLedger.OpenAsync(node, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        builder.Services.AddHostedService<LedgerStartup>();
        builder.Services.AddSingleton(NodePolicy.Load(node));
        builder.Services.AddHostedService<PolicyFileWatcher>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestGate>();
        builder.Services.AddFederation(node);
        builder.Services.AddWitnessing();
        builder.Services.AddEvidence();
        builder.Services.AddExchange();
        builder.Services.AddRetention();
        builder.Services.AddCaseMessaging();
        builder.Services.AddScoped(sp => new StoredRecordCheck(sp.GetRequiredService<LiaisonDb>(), node, sp.GetRequiredService<Liaison.Core.Policy.PolicyStore>(),
            new Liaison.Exchange.Peers.FilePeerDirectory(node.Directory), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddRequests(node);
        builder.Services.AddAuthentication(TokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        builder.Services.AddCaseAnalysis();
        builder.Services.AddWebUi(node);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseLiaisonProblems();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (LiaisonDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any()
                ? Results.Ok(new { status = "ready", node = node.NodeId })
                : Results.Problem(title: "database not ready", statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi();

        app.MapGroup("/api/auth").WithTags("auth").MapAuthApi();
        app.MapGet("/api/purposes", (Liaison.Core.Policy.PolicyStore store) => Results.Ok(store.Current.Purposes.Keys.Order(StringComparer.Ordinal)))
            .WithTags("policy").WithSummary("The purposes a read may state, from the policy in force");
        app.MapGroup("/api/cases").WithTags("cases").MapCasesApi().MapImportsApi();
        app.MapGroup("/api/cases").WithTags("analysis").MapAnalysisApi().MapSubjectsApi();
        app.MapGroup("/api/entities").WithTags("entities").MapEntitiesApi();
        app.MapGroup("/api/stats").WithTags("stats").MapStatsApi();
        app.MapGroup("/api/ledger").WithTags("ledger").MapLedgerApi();
        app.MapGroup("/api/policy").WithTags("policy").MapPolicyCheckApi();
        app.MapGroup("/api/retention").WithTags("retention").MapRetentionApi();
        app.MapFederation();
        app.MapWitnessEndpoint();
        app.MapGroup("/api/cases").WithTags("evidence").MapEvidenceApi();
        app.MapGroup("/api/cases").WithTags("case messaging").MapCaseMessagingApi();
        app.MapExchange();
        app.MapRequests();
        app.MapWebUi();
        return app;
    }
}
