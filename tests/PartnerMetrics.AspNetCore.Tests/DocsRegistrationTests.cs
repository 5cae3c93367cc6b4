using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>The registration examples of docs/dependency-injection.md, on an ASP.NET Core builder.</summary>
public class DocsRegistrationTests
{
    [Fact]
    public void AddPartnerMetrics_EachWayOfTheDocs_RegistersOnceAndConfiguresInOrder()
    {
        var builder = WebApplication.CreateBuilder();

        // docs:begin di-register
        builder.Services.AddPartnerMetrics();                                        // the default model
        builder.Services.AddPartnerMetrics(o => o.ModelPath = "health-model.json");  // or a model stored as JSON
        builder.Services.AddPartnerMetrics(o => o.Model = HealthModel.Default with { LossAversion = 3 });
        builder.Services.AddPartnerMetrics(o => o.Pipeline = new PipelineOptions { TopPartners = 7 });
        // docs:end di-register

        Assert.Single(builder.Services, d => d.ServiceType == typeof(IPartnerHealth));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IPipelineAnalytics));
        using var provider = builder.Services.BuildServiceProvider();
        var options = new PartnerMetricsOptions();   // configured, not validated: the example's model file does not exist
        foreach (var configure in provider.GetServices<IConfigureOptions<PartnerMetricsOptions>>())
        {
            configure.Configure(options);
        }

        Assert.Equal(("health-model.json", 3.0, 7), (options.ModelPath, options.Model.LossAversion, options.Pipeline.TopPartners));
    }
}
