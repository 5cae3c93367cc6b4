using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>The options bind from an app's configuration section with the binder every ASP.NET Core app already has.</summary>
public class ConfigurationBindingTests
{
    [Fact]
    public void Configure_FromASection_SetsTheModelFileAndThePipelineOptions()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddJsonStream(Settings(path, topPartners: 3));

            // docs:begin di-configuration
            builder.Services.AddPartnerMetrics();
            builder.Services.Configure<PartnerMetricsOptions>(builder.Configuration.GetSection("PartnerMetrics"));
            // docs:end di-configuration
            using var app = builder.Build();

            Assert.Equal(7, app.Services.GetRequiredService<IPartnerHealth>().Model.Kappa);
            var pipeline = app.Services.GetRequiredService<IPipelineAnalytics>().Options;
            Assert.Equal(new PipelineOptions { TopPartners = 3, RemainingTarget = 500_000m }, pipeline);
            Assert.Equal(new PipelineOptions(), PipelineOptions.Default);   // bound into the options' own instance, not the shared default
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Configure_WithAnInvalidSetting_FailsAtStart()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddJsonStream(Settings(modelPath: null, topPartners: 0));
        builder.Services.AddPartnerMetrics();
        builder.Services.Configure<PartnerMetricsOptions>(builder.Configuration.GetSection("PartnerMetrics"));
        using var app = builder.Build();

        // The binder sets each value through the library's validating init accessor, and reports its exception.
        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        var cause = Assert.IsType<ArgumentOutOfRangeException>(error.GetBaseException());
        Assert.Equal("TopPartners", cause.ParamName);
    }

    [Fact]
    public void Configure_WithAModelSection_BindsIntoACopyOfTheDefaultModel()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerMetrics:Model:LossAversion"] = "3" });
        builder.Services.AddPartnerMetrics();
        builder.Services.Configure<PartnerMetricsOptions>(builder.Configuration.GetSection("PartnerMetrics"));
        using var app = builder.Build();

        Assert.Equal(HealthModel.Default with { LossAversion = 3 }, app.Services.GetRequiredService<IPartnerHealth>().Model);
        Assert.Equal(2.5, HealthModel.Default.LossAversion);   // the shared default is untouched
    }

    /// <summary>The appsettings.json of docs/dependency-injection.md.</summary>
    private static MemoryStream Settings(string? modelPath, int topPartners) => new(Encoding.UTF8.GetBytes($$"""
        {
          "PartnerMetrics": {
            {{(modelPath is null ? "" : $"\"ModelPath\": {System.Text.Json.JsonSerializer.Serialize(modelPath)},")}}
            "Pipeline": { "TopPartners": {{topPartners}}, "RemainingTarget": 500000 }
          }
        }
        """));
}
