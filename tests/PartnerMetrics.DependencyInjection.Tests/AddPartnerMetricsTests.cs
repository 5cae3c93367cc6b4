using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

public class AddPartnerMetricsTests
{
    private static readonly Partnership Partnership = new(new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller), new DateOnly(2024, 1, 1));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Fact]
    public void AddPartnerMetrics_UsesTheHostsClockForToday()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero)));
        using var provider = services.AddPartnerMetrics().BuildServiceProvider();

        var health = provider.GetRequiredService<IPartnerHealth>();

        Assert.Equal(new DateOnly(2025, 6, 30), health.Today);
        Assert.Equal(new DateOnly(2025, 6, 30), health.Score(Partnership).AsOf);
        Assert.Equal(HealthModel.Default, health.Model);
        Assert.NotEmpty(health.Recommend(Partnership));
    }

    [Fact]
    public void AddPartnerMetrics_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddPartnerMetrics();
        services.AddPartnerMetrics();

        Assert.Single(services, d => d.ServiceType == typeof(IPartnerHealth));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PartnerMetricsOptions>));
    }

    [Fact]
    public void AddPartnerMetrics_WithAModel_ScoresWithIt()
    {
        var model = HealthModel.Default with { LossAversion = 4 };
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.Model = model).BuildServiceProvider();

        Assert.Equal(model, provider.GetRequiredService<IPartnerHealth>().Model);
    }

    [Fact]
    public void AddPartnerMetrics_WithAModelFile_LoadsIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
            using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = path).BuildServiceProvider();

            Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddPartnerMetrics_WithABadModelFile_FailsAtStartWithTheReason()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"lossAversion":0.5}""");
            using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = path).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("$.lossAversion", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddPartnerMetrics_MissingModelFile_FailsAtStart()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = "/no/such/model.json").BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddPartnerMetrics_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PartnerMetricsServiceCollectionExtensions.AddPartnerMetrics(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddPartnerMetrics(null!));
    }
}
