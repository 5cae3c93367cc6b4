using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
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

    /// <summary>The model-set example of docs/dependency-injection.md: a referral partner is scored by the referral model, its delivery factor disabled; any other partner by the default.</summary>
    [Fact]
    public void AddPartnerMetrics_TheModelSetOfTheDocs_ScoresAReferralPartnerWithItsModel()
    {
        var builder = WebApplication.CreateBuilder();

        // docs:begin di-model-set
        var referrals = HealthModel.Default with
        {
            Name = "referral",
            CompetencyWeights = new CompetencyWeights(coverage: 1, deliveryReliability: 0),
        };
        builder.Services.AddPartnerMetrics(o => o.Models = HealthModelSet.ByPartnerType(
            HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [PartnerType.Referral] = referrals }));
        // docs:end di-model-set

        using var provider = builder.Services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var health = provider.GetRequiredService<IPartnerHealth>();
        var day = new DateOnly(2025, 6, 30);
        Partnership Of(PartnerType type) => new(new Partner(new PartnerId("P-1"), "Contoso", type), new DateOnly(2024, 1, 1));

        var referral = health.Score(Of(PartnerType.Referral), day);
        var reseller = health.Score(Of(PartnerType.Reseller), day);

        Assert.Equal("referral", referral.ModelName);
        Assert.Equal(0, referral.Factors.Single(f => f.Code == FactorCodes.CompetencyDeliveryReliability).Weight);
        Assert.Equal(HealthModel.Default.Name, reseller.ModelName);
        Assert.True(reseller.Factors.Single(f => f.Code == FactorCodes.CompetencyDeliveryReliability).Weight > 0);
    }
}
