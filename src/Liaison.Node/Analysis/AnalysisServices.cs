using Liaison.Node.Web.Graph;

namespace Liaison.Node.Analysis;

/// <summary>Registers the analysis pillar in the node: the case network reader, and the explorer's metrics from the real engine.</summary>
internal static class AnalysisServices
{
    /// <summary>Call before <c>AddWebUi</c>, which keeps an <see cref="IGraphMetrics"/> already registered.</summary>
    public static IServiceCollection AddCaseAnalysis(this IServiceCollection services)
    {
        services.AddScoped<CaseNetworks>();
        services.AddScoped<IGraphMetrics, EngineGraphMetrics>();
        return services;
    }
}
