using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary><c>AddPartnerMetrics(IConfiguration)</c> in real hosts: appsettings.json, the content root, and a host that will not start.</summary>
public class ConfigurationBindingTests
{
    [Fact]
    public void AddPartnerMetrics_FromASection_ReadsTheModelFileFromTheContentRoot()
    {
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Combine(root.Path, "health-model.json"), PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path });
        builder.Configuration.AddJsonStream(Settings(modelPath: "health-model.json", topPartners: 3));

        // docs:begin di-configuration
        builder.Services.AddPartnerMetrics(builder.Configuration.GetSection("PartnerMetrics"));
        // docs:end di-configuration
        using var app = builder.Build();

        Assert.NotEqual(root.Path, Directory.GetCurrentDirectory());   // the file is found through the content root, not the working directory
        Assert.Equal(7, app.Services.GetRequiredService<IPartnerHealth>().Model.Kappa);
        var pipeline = app.Services.GetRequiredService<IPipelineAnalytics>().Options;
        Assert.Equal(new PipelineOptions { TopPartners = 3, RemainingTarget = 500_000m }, pipeline);
        Assert.Equal(new PipelineOptions(), PipelineOptions.Default);   // bound into the options' own instance, not the shared default
    }

    [Fact]
    public async Task AddPartnerMetrics_WithBadSettings_StopsTheHostNamingEachPath()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonStream(Settings(modelPath: null, topPartners: 0, extra: """ "Model": { "DimensionWeights": { "Trust": -1 } }, "ModelPat": "x", """));
        builder.Services.AddPartnerMetrics(builder.Configuration.GetSection("PartnerMetrics"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // In the order docs/dependency-injection.md shows them.
        Assert.Collection(
            error.Failures,
            f => Assert.StartsWith("PartnerMetrics:Model:DimensionWeights:Trust: ", f, StringComparison.Ordinal),
            f => Assert.StartsWith("PartnerMetrics:ModelPat: not a setting", f, StringComparison.Ordinal),
            f => Assert.StartsWith("PartnerMetrics:Pipeline:TopPartners: 'TopPartners' must be at least 1; got 0.", f, StringComparison.Ordinal));
    }

    /// <summary>
    /// docs/dependency-injection.md advises AddPartnerMetrics(section) over <c>Configure&lt;PartnerMetricsOptions&gt;(section)</c>,
    /// whose reflection binder "wraps a rejected value in its own exception without the configuration path and ignores
    /// unknown keys": both halves, beside what AddPartnerMetrics(section) reports for the same settings.
    /// </summary>
    [Fact]
    public void ConfigureWithTheReflectionBinder_LosesThePathOfARejectedValue_AndIgnoresAnUnknownKey()
    {
        static ServiceProvider Bound(bool reflection, string key, string value)
        {
            var section = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerMetrics:" + key] = value })
                .Build()
                .GetSection("PartnerMetrics");
            var services = new ServiceCollection();
            _ = reflection ? services.AddPartnerMetrics().Configure<PartnerMetricsOptions>(section) : services.AddPartnerMetrics(section);
            return services.BuildServiceProvider();
        }

        using (var reflected = Bound(reflection: true, "Pipeline:TopPartners", "0"))
        {
            var error = Assert.ThrowsAny<Exception>(() => reflected.GetRequiredService<IStartupValidator>().Validate());
            Assert.IsNotType<OptionsValidationException>(error);
            Assert.DoesNotContain("PartnerMetrics:Pipeline:TopPartners", error.ToString(), StringComparison.Ordinal);
        }

        using (var bound = Bound(reflection: false, "Pipeline:TopPartners", "0"))
        {
            var error = Assert.Throws<OptionsValidationException>(() => bound.GetRequiredService<IStartupValidator>().Validate());
            Assert.Equal("PartnerMetrics:Pipeline:TopPartners: 'TopPartners' must be at least 1; got 0.", Assert.Single(error.Failures));
        }

        using (var reflected = Bound(reflection: true, "ModelPat", "health-model.json"))
        {
            reflected.GetRequiredService<IStartupValidator>().Validate();
        }

        using (var bound = Bound(reflection: false, "ModelPat", "health-model.json"))
        {
            Assert.StartsWith("PartnerMetrics:ModelPat: not a setting", Assert.Single(Assert.Throws<OptionsValidationException>(() => bound.GetRequiredService<IStartupValidator>().Validate()).Failures), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddPartnerMetrics_WithAModelSection_BindsIntoACopyOfTheDefaultModel()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerMetrics:Model:LossAversion"] = "3" });
        builder.Services.AddPartnerMetrics(builder.Configuration.GetSection("PartnerMetrics"));
        using var app = builder.Build();

        Assert.Equal(HealthModel.Default with { LossAversion = 3 }, app.Services.GetRequiredService<IPartnerHealth>().Model);
        Assert.Equal(2.5, HealthModel.Default.LossAversion);   // the shared default is untouched
    }

    [Fact]
    public void AddPartnerMetrics_InAHost_UsesTheHostsClockWithoutRegisteringOne()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPartnerMetrics();
        var clocks = builder.Services.Count(d => d.ServiceType == typeof(TimeProvider));
        builder.Services.AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today));
        using var host = builder.Build();

        Assert.Equal(0, clocks);
        Assert.Equal(Examples.Today, host.Services.GetRequiredService<IPartnerHealth>().Today);
    }

    /// <summary>The appsettings.json of docs/dependency-injection.md.</summary>
    private static MemoryStream Settings(string? modelPath, int topPartners, string extra = "") => new(Encoding.UTF8.GetBytes($$"""
        {
          "PartnerMetrics": {
            {{(modelPath is null ? "" : $"\"ModelPath\": {System.Text.Json.JsonSerializer.Serialize(modelPath)},")}}
            {{extra}}
            "Pipeline": { "TopPartners": {{topPartners}}, "RemainingTarget": 500000 }
          }
        }
        """));
}
