using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

public class AddPartnerMetricsTests
{
    private static readonly Partnership Partnership = new(new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller), new DateOnly(2024, 1, 1));

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
        Assert.Single(services, d => d.ServiceType == typeof(IPipelineAnalytics));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PartnerMetricsOptions>));
    }

    [Fact]
    public void AddPartnerMetrics_RegistersSingletons()
    {
        var services = new ServiceCollection().AddPartnerMetrics();

        foreach (var service in new[] { typeof(IPartnerHealth), typeof(IPipelineAnalytics) })
        {
            Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == service).Lifetime);
        }

        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IPipelineAnalytics>(), provider.GetRequiredService<IPipelineAnalytics>());
    }

    [Fact]
    public void AddPartnerMetrics_RegistersItsOptionsValidatorAsASingleton()
    {
        // Pins the services table of docs/dependency-injection.md: IValidateOptions<PartnerMetricsOptions> is a singleton.
        var services = new ServiceCollection().AddPartnerMetrics();

        var validator = Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PartnerMetricsOptions>));
        Assert.Equal(ServiceLifetime.Singleton, validator.Lifetime);
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IValidateOptions<PartnerMetricsOptions>>(), provider.GetRequiredService<IValidateOptions<PartnerMetricsOptions>>());
    }

    [Fact]
    public void AddPartnerMetrics_ServicesRegisteredAfterIt_AreTheOnesResolved()
    {
        // docs/dependency-injection.md: one registered after AddPartnerMetrics is resolved, because the last registration wins.
        var clock = Examples.ClockAt(Examples.Today);
        var health = new PartnerHealth(new PartnerMetricsOptions(), clock);
        var analytics = new ConfiguredPipelineAnalytics(new PartnerMetricsOptions(), clock);
        var services = new ServiceCollection().AddPartnerMetrics().AddSingleton<IPartnerHealth>(health).AddSingleton<IPipelineAnalytics>(analytics);

        using var provider = services.BuildServiceProvider();

        Assert.Same(health, provider.GetRequiredService<IPartnerHealth>());
        Assert.Same(analytics, provider.GetRequiredService<IPipelineAnalytics>());
    }

    [Fact]
    public void Package_ReferencesOnlyTheDocumentedMicrosoftExtensionsAssemblies_AtVersion8()
    {
        // docs/dependency-injection.md: the package depends only on Microsoft.Extensions.Options and three abstractions
        // packages, all version 8.0.0 (a .NET 8 app never has to upgrade for it), and not on the configuration binder.
        var extensions = typeof(PartnerMetricsOptions).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Select(a => (a.Name, a.Version))
            .Order()
            .ToArray();

        Assert.Equal(
            [
                ("Microsoft.Extensions.Configuration.Abstractions", new Version(8, 0, 0, 0)),
                ("Microsoft.Extensions.DependencyInjection.Abstractions", new Version(8, 0, 0, 0)),
                ("Microsoft.Extensions.Hosting.Abstractions", new Version(8, 0, 0, 0)),
                ("Microsoft.Extensions.Options", new Version(8, 0, 0, 0)),
            ],
            extensions);
    }

    [Fact]
    public void AddPartnerMetrics_RegistersNoTimeProvider()
    {
        var services = new ServiceCollection().AddPartnerMetrics();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TimeProvider));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Null(provider.GetService<TimeProvider>());
    }

    [Fact]
    public void AddPartnerMetrics_WithoutAHostClock_UsesTheSystemClock()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics().BuildServiceProvider();

        var before = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var (health, pipeline) = (provider.GetRequiredService<IPartnerHealth>().Today, provider.GetRequiredService<IPipelineAnalytics>().Today);
        var after = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

        Assert.InRange(health, before, after);     // a run across midnight sees either day
        Assert.InRange(pipeline, before, after);
    }

    [Fact]
    public void AddPartnerMetrics_HostClockRegisteredAfterwards_IsUsed()
    {
        var services = new ServiceCollection().AddPartnerMetrics();
        services.AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(Examples.Today, provider.GetRequiredService<IPartnerHealth>().Today);
        Assert.Equal(Examples.Today, provider.GetRequiredService<IPipelineAnalytics>().Today);
    }

    [Fact]
    public void AddPartnerMetrics_TodayIsTheDateInTheClocksTimeZone()
    {
        // 23:30 UTC on 30 June is already 1 July at UTC+02:00.
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
        var clock = new FixedClock(new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero), zone);
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddPartnerMetrics().BuildServiceProvider();

        Assert.Equal(new DateOnly(2025, 7, 1), provider.GetRequiredService<IPartnerHealth>().Today);
        Assert.Equal(new DateOnly(2025, 7, 1), provider.GetRequiredService<IPipelineAnalytics>().Today);
    }

    [Fact]
    public void AddPartnerMetrics_AfterTheUsersOwnServices_KeepsThem()
    {
        var clock = Examples.ClockAt(Examples.Today);
        var health = new PartnerHealth(new PartnerMetricsOptions(), clock);
        var analytics = new ConfiguredPipelineAnalytics(new PartnerMetricsOptions(), clock);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IPartnerHealth>(health)
            .AddSingleton<IPipelineAnalytics>(analytics);

        using var provider = services.AddPartnerMetrics().BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Same(health, provider.GetRequiredService<IPartnerHealth>());
        Assert.Same(analytics, provider.GetRequiredService<IPipelineAnalytics>());
        Assert.Single(services, d => d.ServiceType == typeof(IPipelineAnalytics));
    }

    [Fact]
    public void AddPartnerMetrics_WithoutPipelineOptions_FailsAtStartWithTheReason()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.Pipeline = null!).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("'Pipeline' must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPartnerMetrics_WithoutAModel_FailsAtStartWithTheReason()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.Model = null!).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("'Model' must not be null", error.Message, StringComparison.Ordinal);
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

    /// <summary>A null <c>Model</c> beside a model file is no problem: the file gives the model (docs/dependency-injection.md).</summary>
    [Fact]
    public void AddPartnerMetrics_WithoutAModelButWithAModelFile_LoadsTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
            using var provider = new ServiceCollection().AddPartnerMetrics(o => (o.Model, o.ModelPath) = (null!, path)).BuildServiceProvider();

            provider.GetRequiredService<IStartupValidator>().Validate();
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

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith("PartnerMetricsOptions.ModelPath: the health model file '/no/such/model.json'", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    /// <summary>A folder given as the model file was reported as "Access to the path … is denied", sending the reader after permissions.</summary>
    [Fact]
    public void AddPartnerMetrics_AModelPathThatIsADirectory_FailsAtStartSayingSo()
    {
        using var root = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(root.Path, "models"));
        using var provider = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(o => o.ModelPath = "models")
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            $"PartnerMetricsOptions.ModelPath: the health model file 'models' ({Path.Combine(root.Path, "models")}) cannot be used: it is a directory; give a file.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public void AddPartnerMetrics_ARelativeModelPath_IsTakenFromTheHostsContentRoot()
    {
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Combine(root.Path, "health-model.json"), PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
        using var provider = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(o => o.ModelPath = "health-model.json")
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    [Fact]
    public void AddPartnerMetrics_ARelativeModelPathMissingFromTheContentRoot_NamesTheFullPath()
    {
        using var root = new TemporaryFolder();
        using var provider = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(o => o.ModelPath = "health-model.json")
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains($"'health-model.json' ({Path.Combine(root.Path, "health-model.json")})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPartnerMetrics_ARelativeModelPathWithoutAHost_IsTakenFromTheWorkingDirectory()
    {
        // The working directory is the test's output folder; a file name no test writes there.
        var name = $"health-model-{Guid.NewGuid():N}.json";
        var path = Path.Combine(Directory.GetCurrentDirectory(), name);
        File.WriteAllText(path, PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 9 }));
        try
        {
            using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = name).BuildServiceProvider();

            Assert.Equal(9, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddPartnerMetrics_AnAbsoluteModelPath_IgnoresTheContentRoot()
    {
        using var root = new TemporaryFolder();
        using var elsewhere = new TemporaryFolder();
        var path = Path.Combine(elsewhere.Path, "model.json");
        File.WriteAllText(path, PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 8 }));
        using var provider = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(o => o.ModelPath = path)
            .BuildServiceProvider();

        Assert.Equal(8, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    [Fact]
    public void AddPartnerMetrics_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PartnerMetricsServiceCollectionExtensions.AddPartnerMetrics(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddPartnerMetrics((Action<PartnerMetricsOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddPartnerMetrics((Microsoft.Extensions.Configuration.IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => PartnerMetricsServiceCollectionExtensions.AddPartnerMetrics(null!, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
    }
}
