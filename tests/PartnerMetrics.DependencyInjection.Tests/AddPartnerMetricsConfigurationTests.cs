using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary><c>AddPartnerMetrics(IConfiguration)</c>: every setting binds, and every bad value or key fails at start under its configuration path.</summary>
public class AddPartnerMetricsConfigurationTests
{
    private static IConfigurationSection Section(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("PartnerMetrics:" + s.Key, s.Value)))
            .Build()
            .GetSection("PartnerMetrics");

    private static OptionsValidationException StartFails(params (string Key, string? Value)[] settings)
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(Section(settings)).BuildServiceProvider();

        // Exactly this type: neither the binder's InvalidOperationException nor a TargetInvocationException.
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddPartnerMetrics_FromASection_BindsThePipelineOptionsIgnoringCase()
    {
        using var provider = new ServiceCollection()
            .AddPartnerMetrics(Section(("pipeline:topPartners", "3"), ("Pipeline:TopCustomers", "4"), ("PIPELINE:REMAININGTARGET", "500000.50")))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(new PipelineOptions { TopPartners = 3, TopCustomers = 4, RemainingTarget = 500_000.50m }, provider.GetRequiredService<IPipelineAnalytics>().Options);
        Assert.Equal(new PipelineOptions(), PipelineOptions.Default);
    }

    /// <summary>
    /// The documentation of <see cref="PartnerMetricsOptions.Pipeline"/> named the configuration keys it binds from, but not
    /// <c>Pipeline:TopCustomers</c>, which binds too (above), and gave its default without the top 5 customers.
    /// </summary>
    [Fact]
    public void PipelineOption_ItsDocumentation_NamesEverySettingConfigurationBindsAndItsDefault()
    {
        var file = Path.ChangeExtension(typeof(PartnerMetricsOptions).Assembly.Location, ".xml");
        var member = System.Xml.Linq.XDocument.Load(file).Descendants("member")
            .Single(m => (string?)m.Attribute("name") == $"P:{typeof(PartnerMetricsOptions).FullName}.{nameof(PartnerMetricsOptions.Pipeline)}");
        var summary = member.Element("summary")!.Value;
        var value = member.Element("value")!.Value;
        var settings = typeof(PipelineOptions).GetProperties().Where(p => p.SetMethod is not null).Select(p => p.Name).ToList();

        Assert.Equal(3, settings.Count);
        Assert.All(settings, name => Assert.Contains($"Pipeline:{name}", summary, StringComparison.Ordinal));
        Assert.Contains($"top {PipelineOptions.Default.TopPartners} partners", value, StringComparison.Ordinal);
        Assert.Contains($"top {PipelineOptions.Default.TopCustomers} customers", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPartnerMetrics_FromAnEmptySection_KeepsTheDefaults()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(Section()).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(HealthModel.Default, provider.GetRequiredService<IPartnerHealth>().Model);
        Assert.Equal(PipelineOptions.Default, provider.GetRequiredService<IPipelineAnalytics>().Options);
    }

    [Theory]
    [InlineData("0e-400")]
    [InlineData("0.000E+5")]
    [InlineData("-0")]
    public void AddPartnerMetrics_AZeroWrittenWithAnExponent_IsZero_NotTooSmall(string zero)
    {
        // Only a number with a digit other than 0 can be too small for a double; a zero is a zero however written.
        using var provider = new ServiceCollection().AddPartnerMetrics(Section(("Model:DimensionWeights:Trust", zero))).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(0.0, provider.GetRequiredService<IPartnerHealth>().Model.DimensionWeights.Trust);
    }

    /// <summary>
    /// A number of the Model section is the number a model file holding its text reads, to the bit: 2^-25 written with 17
    /// digits once bound as the double below it. Forms that configuration allows and JSON does not (a '+', '.5', '5.',
    /// leading zeros, spaces, the NULs double.TryParse ignores at the end) are the same numbers.
    /// </summary>
    [Theory]
    [InlineData("Kappa", "2.9802322387695312E-08", "2.9802322387695312E-08")]
    [InlineData("Kappa", " +7.50 ", "7.50")]
    [InlineData("SatisfactionThreshold", ".5", "0.5")]
    [InlineData("LossAversion", "5.", "5")]
    [InlineData("CadenceWeeks", "007", "7")]
    [InlineData("Bands:Watch", "-.0e5", "-0.0e5")]
    [InlineData("Kappa", "7e0 \0", "7e0")]
    public void AddPartnerMetrics_AModelNumber_BindsAsAModelFileReadsIt(string key, string value, string json)
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(Section(("Model:" + key, value))).BuildServiceProvider();
        var path = key.Split(':').Select(k => char.ToLowerInvariant(k[0]) + k[1..]).ToArray();
        var file = path.Length == 1 ? $"{{\"{path[0]}\":{json}}}" : $"{{\"{path[0]}\":{{\"{path[1]}\":{json}}}}}";

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(PartnerMetricsJson.Serialize(PartnerMetricsJson.Deserialize<HealthModel>(file)), PartnerMetricsJson.Serialize(provider.GetRequiredService<IPartnerHealth>().Model));
    }

    [Fact]
    public void AddPartnerMetrics_AModelSection_LaysItsSettingsOverTheConfiguredModel()
    {
        var section = Section(
            ("Model:Kappa", "7"),
            ("Model:Version", "2.1"),                      // text that looks like a number stays text
            ("Model:GracePeriod", "21.00:00:00"),
            ("Model:DimensionWeights:Trust", "0.5"),
            ("Model:bands:watch", "35"),
            ("Model:PriorMeans:" + FactorCodes.TrustPartnerReliability, "0.6"),
            ("Model:Name", ""));                           // empty: left as it is
        using var provider = new ServiceCollection()
            .AddPartnerMetrics(o => o.Model = HealthModel.Default with { LossAversion = 3 })
            .AddPartnerMetrics(section)
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var expected = HealthModel.Default with
        {
            LossAversion = 3,
            Kappa = 7,
            Version = "2.1",
            GracePeriod = TimeSpan.FromDays(21),
            DimensionWeights = new DimensionWeights(0.5, 0.2, 0.25, 0.15, 0.15),
            Bands = new BandThresholds(70, 35, 0.25),
            PriorMeans = new Dictionary<string, double> { [FactorCodes.TrustPartnerReliability] = 0.6 },
        };
        Assert.Equal(expected, provider.GetRequiredService<IPartnerHealth>().Model);
        Assert.Equal(5.0, HealthModel.Default.Kappa);      // the shared default is untouched
    }

    /// <summary>
    /// docs/dependency-injection.md: <c>Model:…</c> takes "any setting of a model file, by its name". Every setting of the
    /// model's JSON form (read from it, so a new setting is covered) is given a value other than its default, written
    /// as configuration writes it (<c>Model:DimensionWeights:Trust</c>, a duration as <c>d.hh:mm:ss</c>), and the bound
    /// model is the model a file of those values reads as.
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_EverySettingOfTheModelFile_BindsByItsName()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject();
        var settings = new List<(string Key, string? Value)>();
        foreach (var (name, value) in json.ToList())
        {
            if (value is System.Text.Json.Nodes.JsonObject group)
            {
                if (name == "priorMeans")
                {
                    group[FactorCodes.TrustPartnerReliability] = 0.6;
                }

                foreach (var (setting, inner) in group.ToList())
                {
                    group[setting] = Changed(inner!);
                    settings.Add(($"Model:{Pascal(name)}:{(name == "priorMeans" ? setting : Pascal(setting))}", Text(group[setting]!)));
                }
            }
            else
            {
                json[name] = Changed(value!);
                settings.Add(($"Model:{Pascal(name)}", Text(json[name]!)));
            }
        }

        var expected = PartnerMetricsJson.Deserialize<HealthModel>(json.ToJsonString());
        using var provider = new ServiceCollection().AddPartnerMetrics(Section([.. settings])).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(expected, provider.GetRequiredService<IPartnerHealth>().Model);

        // Each setting was changed, so none is left at its default unbound.
        var defaults = System.Text.Json.Nodes.JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject();
        var bound = System.Text.Json.Nodes.JsonNode.Parse(PartnerMetricsJson.Serialize(expected))!.AsObject();
        Assert.All(settings, setting =>
        {
            var path = setting.Key.Split(':')[1..].Select((k, i) => i == 1 && setting.Key.Contains("PriorMeans", StringComparison.Ordinal) ? k : char.ToLowerInvariant(k[0]) + k[1..]).ToArray();
            var was = path.Aggregate((System.Text.Json.Nodes.JsonNode?)defaults, (node, key) => node?[key]);
            var now = path.Aggregate((System.Text.Json.Nodes.JsonNode?)bound, (node, key) => node?[key]);
            Assert.False(System.Text.Json.Nodes.JsonNode.DeepEquals(was, now), setting.Key);
        });

        static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

        static string Text(System.Text.Json.Nodes.JsonNode value) =>
            value.GetValueKind() is System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

        // A valid value other than the default: a duration a day longer, a label renamed, a whole number one less, a
        // fraction nine tenths of itself, a number of at least 1 a tenth more, a weight of 0 enabled.
        static System.Text.Json.Nodes.JsonNode Changed(System.Text.Json.Nodes.JsonNode value)
        {
            if (value.GetValueKind() is System.Text.Json.JsonValueKind.String)
            {
                var text = value.GetValue<string>();
                return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration)
                    ? (duration + TimeSpan.FromDays(1)).ToString("c", CultureInfo.InvariantCulture)
                    : text + "-segment";
            }

            var number = value.GetValue<double>();
            return number switch
            {
                0 => 0.05,
                > 1 when number == Math.Floor(number) => number - 1,
                < 1 => number * 0.9,
                _ => number * 1.1,
            };
        }
    }

    [Fact]
    public void AddPartnerMetrics_ConfigurationAndCode_ApplyInTheOrderOfTheCalls()
    {
        using var provider = new ServiceCollection()
            .AddPartnerMetrics(Section(("Pipeline:TopPartners", "3"), ("Model:Kappa", "7")))
            .AddPartnerMetrics(o => o.Pipeline = o.Pipeline with { TopCustomers = 9 })
            .BuildServiceProvider();

        Assert.Equal(new PipelineOptions { TopPartners = 3, TopCustomers = 9 }, provider.GetRequiredService<IPipelineAnalytics>().Options);
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    [Fact]
    public void AddPartnerMetrics_ARelativeModelPathFromConfiguration_IsTakenFromTheContentRoot()
    {
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Combine(root.Path, "health-model.json"), PartnerMetricsJson.Serialize(HealthModel.Default with { Kappa = 7 }));
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(Section(("modelPath", "health-model.json")))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    [Fact]
    public void AddPartnerMetrics_ABadModelFileFromConfiguration_IsReportedUnderItsKey()
    {
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Combine(root.Path, "health-model.json"), """{"lossAversion":0.5}""");
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(Section(("ModelPath", "health-model.json")))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("PartnerMetrics:ModelPath: the health model file 'health-model.json'", failure, StringComparison.Ordinal);
        Assert.Contains("$.lossAversion", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPartnerMetrics_AModelPathFromConfigurationReplacedInCode_IsReportedUnderTheOptionsName()
    {
        // Pins whose name a bad file is reported under: the configuration key only while it set the current value. Code
        // that replaced the path afterwards is the one to fix, so the error names PartnerMetricsOptions.ModelPath and
        // not the key, which named another file.
        using var root = new TemporaryFolder();
        File.WriteAllText(Path.Combine(root.Path, "code-model.json"), """{"lossAversion":0.5}""");
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostEnvironment(root.Path))
            .AddPartnerMetrics(Section(("ModelPath", "configured-model.json")))
            .AddPartnerMetrics(o => o.ModelPath = "code-model.json")
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("PartnerMetricsOptions.ModelPath: the health model file 'code-model.json'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pipeline:TopPartners", "0", "PartnerMetrics:Pipeline:TopPartners: 'TopPartners' must be at least 1; got 0.")]
    [InlineData("Pipeline:TopPartners", "many", "PartnerMetrics:Pipeline:TopPartners: must be a whole number; got 'many'.")]
    [InlineData("Pipeline:TopCustomers", "2.5", "PartnerMetrics:Pipeline:TopCustomers: must be a whole number; got '2.5'.")]
    [InlineData("Pipeline:TopPartners", "99999999999", "PartnerMetrics:Pipeline:TopPartners: must be a whole number from -2147483648 to 2147483647; got '99999999999'.")]
    [InlineData("Pipeline:RemainingTarget", "1e30", "PartnerMetrics:Pipeline:RemainingTarget: is beyond the range of a decimal (±79228162514264337593543950335); got '1e30'.")]
    [InlineData("Pipeline:RemainingTarget", "-5", "PartnerMetrics:Pipeline:RemainingTarget: 'RemainingTarget' must be positive when given; got -5.")]
    [InlineData("Pipeline:RemainingTarget", "lots", "PartnerMetrics:Pipeline:RemainingTarget: must be a number with a point for decimals, such as 1500000.50; got 'lots'.")]
    [InlineData("Pipeline:RemainingTarget", "1.5e-30", "PartnerMetrics:Pipeline:RemainingTarget: has more digits than a decimal holds exactly (28 after the point), so it would be read rounded; got '1.5e-30'.")]
    [InlineData("Pipeline:RemainingTarget", "1,5", "PartnerMetrics:Pipeline:RemainingTarget: must be a number with a point for decimals, such as 1500000.50; got '1,5'.")]
    [InlineData("Pipeline:RemainingTarget", "500000,75", "PartnerMetrics:Pipeline:RemainingTarget: must be a number with a point for decimals, such as 1500000.50; got '500000,75'.")]
    [InlineData("Model:DimensionWeights:Trust", "heavy", "PartnerMetrics:Model:DimensionWeights:Trust: must be a finite number; got 'heavy'.")]
    [InlineData("Model:Kappa", "NaN", "PartnerMetrics:Model:Kappa: must be a finite number; got 'NaN'.")]
    [InlineData("Model:DimensionWeights:Trust", "1e-400", "PartnerMetrics:Model:DimensionWeights:Trust: the number 1e-400 is too small for a double: it would read as 0. Write 0, or a number of magnitude 5e-324 or more.")]
    [InlineData("Model:PriorMeans:" + FactorCodes.TrustPartnerReliability, "-2.5E-999", "PartnerMetrics:Model:PriorMeans:" + FactorCodes.TrustPartnerReliability + ": the number -2.5E-999 is too small for a double: it would read as 0. Write 0, or a number of magnitude 5e-324 or more.")]
    [InlineData("Model", "referral", "PartnerMetrics:Model: must be a section of settings, not a single value; got 'referral'.")]
    [InlineData("Model:DimensionWeights", "0.5", "PartnerMetrics:Model:DimensionWeights: must be a section of settings, not a single value; got '0.5'.")]
    [InlineData("Model:Kappa:Value", "7", "PartnerMetrics:Model:Kappa: must be a single value, not a section.")]
    [InlineData("ModelPath:File", "model.json", "PartnerMetrics:ModelPath: must be a single value, not a section.")]
    [InlineData("Pipeline", "3", "PartnerMetrics:Pipeline: must be a section of settings, not a single value; got '3'.")]
    public void AddPartnerMetrics_AValueOfTheWrongTypeOrRange_FailsAtStartNamingItsPath(string key, string value, string expected)
    {
        var error = StartFails((key, value));

        Assert.Equal(expected, Assert.Single(error.Failures));
    }

    [Theory]
    [InlineData("Model:DimensionWeights:Trust", "-1", "PartnerMetrics:Model:DimensionWeights:Trust", "$.dimensionWeights.trust")]
    [InlineData("Model:LossAversion", "0.5", "PartnerMetrics:Model:LossAversion", "'LossAversion' must be at least 1; got 0.5.")]
    [InlineData("Model:CadenceWeeks", "2.5", "PartnerMetrics:Model:CadenceWeeks", "$.cadenceWeeks")]
    [InlineData("Model:CadenceWeeks", "60", "PartnerMetrics:Model:CadenceWeeks", "must be from 1 to 52; got 60.")]
    [InlineData("Model:CadenceWeeks", "12.0000000000000001", "PartnerMetrics:Model:CadenceWeeks", "got the number 12.0000000000000001.")]
    [InlineData("Model:CadenceWeeks", "52.99999999999999999", "PartnerMetrics:Model:CadenceWeeks", "got the number 52.99999999999999999.")]
    [InlineData("Model:CadenceWeeks", "+1e1", "PartnerMetrics:Model:CadenceWeeks", "got the number 1e1.")]
    [InlineData("Model:GracePeriod", "two weeks", "PartnerMetrics:Model:GracePeriod", "$.gracePeriod")]
    [InlineData("Model:Name", "\u0007", "PartnerMetrics:Model:Name", "control characters")]
    [InlineData("Model:Bands:Watch", "80", "PartnerMetrics:Model:Bands", "$.bands")]
    [InlineData("Model:PriorMeans:" + FactorCodes.TrustPartnerReliability, "1.5", "PartnerMetrics:Model:PriorMeans", "strictly between 0 and 1")]
    [InlineData("Model:PriorMeans:no.such-factor", "0.5", "PartnerMetrics:Model:PriorMeans", "no.such-factor")]
    public void AddPartnerMetrics_AModelValueTheLibraryRejects_FailsAtStartNamingItsPath(string key, string value, string path, string reason)
    {
        var error = StartFails((key, value));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(path + ": ", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    /// <summary>
    /// docs/dependency-injection.md: a rule joining two settings is reported at the setting the model's reader names when
    /// the section set it, else at the nearest section holding it, each message giving both values; prior means at
    /// Model:PriorMeans, naming the code and its value.
    /// </summary>
    [Theory]
    [InlineData(
        "PartnerMetrics:Model:Bands:Healthy: Invalid HealthModel at $.bands.healthy: 'healthy' must be above 'watch' (40) and at most 100; got 30.",
        "Model:Bands:Healthy", "30")]
    [InlineData(
        "PartnerMetrics:Model:Bands: Invalid HealthModel at $.bands.healthy: 'healthy' must be above 'watch' (80) and at most 100; got 70.",
        "Model:Bands:Watch", "80")]
    [InlineData(
        "PartnerMetrics:Model:PriorNegative: Invalid HealthModel at $.priorNegative: 'PriorNegative' plus 'PriorPositive' (the prior's strength) must be finite; got 1E+308 with 'PriorPositive' 1E+308.",
        "Model:PriorPositive", "1e308", "Model:PriorNegative", "1e308")]
    [InlineData(
        "PartnerMetrics:Model:PriorMeans: Invalid HealthModel at $.priorMeans: 'PriorMeans' values must lie strictly between 0 and 1; got 2 for 'trust.vendor-reliability'.",
        "Model:PriorMeans:" + FactorCodes.TrustPartnerReliability, "0.5", "Model:PriorMeans:" + FactorCodes.TrustVendorReliability, "2")]
    public void AddPartnerMetrics_ARuleJoiningTwoSettings_IsReportedAtTheSettingItNames_OrItsSection(string expected, params string[] settings)
    {
        var error = StartFails([.. settings.Chunk(2).Select(s => (s[0], (string?)s[1]))]);

        Assert.Equal(expected, Assert.Single(error.Failures));
    }

    /// <summary>
    /// A factor code under Model:PriorMeans is data, matched as written: in another case it is refused as an unknown
    /// code, as the docs say, also when the model already has a prior mean of that code (it was taken as that code).
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_APriorMeanCodeInAnotherCase_IsRefusedWhenTheModelHasTheCodeToo()
    {
        var code = FactorCodes.TrustPartnerReliability;
        using var provider = new ServiceCollection()
            .AddPartnerMetrics(o => o.Model = HealthModel.Default with { PriorMeans = new Dictionary<string, double> { [code] = 0.6 } })
            .AddPartnerMetrics(Section(("Model:PriorMeans:" + code.ToUpperInvariant(), "0.4")))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("PartnerMetrics:Model:PriorMeans", failure, StringComparison.Ordinal);
        Assert.Contains(code.ToUpperInvariant(), failure, StringComparison.Ordinal);
    }

    /// <summary>A model file replaces the whole model: settings of the Model section beside it would be read and not used, so they stop the host.</summary>
    [Fact]
    public void AddPartnerMetrics_ModelSettingsBesideAModelPath_FailAtStartNamingBoth()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "health-model.json"), """{"kappa":7}""");
        var error = StartFails(("ModelPath", Path.Combine(folder.Path, "health-model.json")), ("Model:Kappa", "3"), ("Model:DimensionWeights:Trust", "9"));

        Assert.Equal(
            "PartnerMetrics:Model: set beside PartnerMetrics:ModelPath, whose file replaces the whole model, so these settings would be ignored; put them in the file, or leave out one of the two.",
            Assert.Single(error.Failures));
    }

    /// <summary>Writes a model file that sets κ to 7 in <paramref name="folder"/>; returns its path.</summary>
    private static string KappaSeven(TemporaryFolder folder)
    {
        var file = Path.Combine(folder.Path, "health-model.json");
        File.WriteAllText(file, """{"kappa":7}""");
        return file;
    }

    /// <summary>So does a model set in code beside a model file, from configuration or in the same action: it was dropped without a word.</summary>
    [Fact]
    public void AddPartnerMetrics_AModelSetInCodeBesideAModelPath_FailsAtStartNamingBoth()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        const string Expected = "PartnerMetrics: 'Model' was set in code beside {0}, whose file replaces the whole model, so it would be ignored; keep the model in the file, or leave out one of the two.";

        using var fromConfiguration = new ServiceCollection()
            .AddPartnerMetrics(Section(("ModelPath", file)))
            .AddPartnerMetrics(o => o.Model = o.Model with { LossAversion = 3 })
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => fromConfiguration.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, Expected, "PartnerMetrics:ModelPath"), Assert.Single(error.Failures));

        using var inOneAction = new ServiceCollection().AddPartnerMetrics(o => (o.Model, o.ModelPath) = (HealthModel.Default with { Kappa = 3 }, file)).BuildServiceProvider();
        error = Assert.Throws<OptionsValidationException>(() => inOneAction.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, Expected, "PartnerMetricsOptions.ModelPath"), Assert.Single(error.Failures));

        // The model left as it was, the file's is used.
        using var fileOnly = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = file).BuildServiceProvider();
        fileOnly.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(7, fileOnly.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    /// <summary>
    /// A model set chooses among its own models: a model file, a Model section or a model set in code beside it would be
    /// read and not used, so each stops the host, naming both.
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_AModelOrAModelFileBesideAModelSet_FailsAtStartNamingBoth()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        var models = HealthModelSet.ByTier(HealthModel.Default, new Dictionary<string, HealthModel> { ["Gold"] = HealthModel.Default with { Name = "gold" } });

        using var withAFile = new ServiceCollection().AddPartnerMetrics(Section(("ModelPath", file))).AddPartnerMetrics(o => o.Models = models).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => withAFile.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(
            "PartnerMetrics:ModelPath: set beside 'Models', a model set that chooses among its own models, so the file would be ignored; give the set the file's model, or leave out one of the two.",
            Assert.Single(error.Failures));

        using var withASection = new ServiceCollection().AddPartnerMetrics(Section(("Model:Kappa", "3"))).AddPartnerMetrics(o => o.Models = models).BuildServiceProvider();
        error = Assert.Throws<OptionsValidationException>(() => withASection.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(
            "PartnerMetrics:Model: set beside 'Models', a model set that chooses among its own models, so these settings would be ignored; put them in the set's models, or leave out one of the two.",
            Assert.Single(error.Failures));

        using var inCode = new ServiceCollection().AddPartnerMetrics(o => (o.Model, o.Models) = (HealthModel.Default with { Kappa = 3 }, models)).BuildServiceProvider();
        error = Assert.Throws<OptionsValidationException>(() => inCode.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(
            "PartnerMetrics: 'Model' was set in code beside 'Models', a model set that chooses among its own models, so it would be ignored; put it in the set, or leave out one of the two.",
            Assert.Single(error.Failures));

        // The set alone starts, and scores.
        using var setOnly = new ServiceCollection().AddPartnerMetrics(o => o.Models = models).BuildServiceProvider();
        setOnly.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(models, setOnly.GetRequiredService<IPartnerHealth>().Models);
    }

    /// <summary>An empty Model section (<c>"Model": {}</c>, which configuration reads as an empty value) sets nothing, beside a model file too.</summary>
    [Fact]
    public void AddPartnerMetrics_AnEmptyModelSectionBesideAModelPath_Starts()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        using var provider = new ServiceCollection().AddPartnerMetrics(Section(("Model", ""), ("ModelPath", file))).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    /// <summary>
    /// An empty value leaves its setting as it is, for every setting of the model (read from its JSON form, so a new one is
    /// covered), a group, a weight and a prior mean: the section is never laid over the model as a JSON null, which a model
    /// file may not hold.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void AddPartnerMetrics_AnEmptyValueForEverySettingOfTheModel_LeavesTheModelAsItIs(string? empty)
    {
        var keys = new List<string> { "Model:PriorMeans:" + FactorCodes.TrustPartnerReliability };
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject())
        {
            keys.Add($"Model:{name}");
            if (value is System.Text.Json.Nodes.JsonObject group)
            {
                keys.AddRange(group.Select(setting => $"Model:{name}:{setting.Key}"));
            }
        }

        foreach (var key in keys)
        {
            using var provider = new ServiceCollection().AddPartnerMetrics(Section((key, empty))).BuildServiceProvider();

            provider.GetRequiredService<IStartupValidator>().Validate();
            Assert.Equal(HealthModel.Default, provider.GetRequiredService<IPartnerHealth>().Model);
        }
    }

    /// <summary>
    /// So does a Model section whose values are all empty (an environment's settings blanking out the base file's, as
    /// configuration has no way to remove a key): an empty value leaves its setting as it is. It stopped the host as
    /// settings beside the file; a key that is no setting is still reported, empty or not.
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_AModelSectionOfEmptyValuesBesideAModelPath_Starts()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        using var provider = new ServiceCollection()
            .AddPartnerMetrics(Section(("ModelPath", file), ("Model:Kappa", ""), ("Model:DimensionWeights:Trust", "")))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
        Assert.Equal(
            "PartnerMetrics:Model:Kapa: not a setting of the health model (see the model file format: PartnerMetricsJson, HealthModel).",
            Assert.Single(StartFails(("ModelPath", file), ("Model:Kapa", "")).Failures));
    }

    /// <summary>The model file is read once, when the options are validated: a file changed after start changes nothing.</summary>
    [Fact]
    public void AddPartnerMetrics_AModelFile_IsReadOnceAtStart()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = file).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        File.Delete(file);

        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    /// <summary>
    /// Both services are built from the options validated at start. The pipeline service read its own instance
    /// (<c>IOptions</c>, not the monitor's), bound and validated again when it was first resolved, often at the first
    /// request: the model file was read again, so one removed after start failed that request.
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_AModelFileRemovedAfterStart_LeavesBothServicesResolvable()
    {
        using var folder = new TemporaryFolder();
        var file = KappaSeven(folder);
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.ModelPath = file).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        File.Delete(file);

        Assert.Equal(PipelineOptions.Default, provider.GetRequiredService<IPipelineAnalytics>().Options);
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    /// <summary>As the docs say, a configuration changed while the app runs takes effect at the next start, for both services.</summary>
    [Fact]
    public void AddPartnerMetrics_AConfigurationChangedAfterStart_ChangesNeitherService()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerMetrics:Pipeline:TopPartners"] = "3", ["PartnerMetrics:Model:Kappa"] = "7" })
            .Build();
        using var provider = new ServiceCollection().AddPartnerMetrics(configuration.GetSection("PartnerMetrics")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        configuration["PartnerMetrics:Pipeline:TopPartners"] = "0";   // would fail validation, were it read again
        configuration["PartnerMetrics:Model:Kappa"] = "9";

        Assert.Equal(new PipelineOptions { TopPartners = 3 }, provider.GetRequiredService<IPipelineAnalytics>().Options);
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    /// <summary>
    /// The same when the configuration reloads, as appsettings.json does in a host when the file changes: the reload
    /// notification rebinds nothing, so a value that would now fail validation neither throws from the reload nor
    /// reaches the services or the options they were built from; it is read at the next start.
    /// </summary>
    [Fact]
    public void AddPartnerMetrics_AConfigurationReloadedAfterStart_ChangesNeitherServiceNorTheirOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerMetrics:Pipeline:TopPartners"] = "3", ["PartnerMetrics:Model:Kappa"] = "7" })
            .Build();
        using var provider = new ServiceCollection().AddPartnerMetrics(configuration.GetSection("PartnerMetrics")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var monitor = provider.GetRequiredService<IOptionsMonitor<PartnerMetricsOptions>>();
        var changes = 0;
        using var listening = monitor.OnChange(_ => changes++);

        configuration["PartnerMetrics:Pipeline:TopPartners"] = "0";   // would fail validation, were it read again
        configuration["PartnerMetrics:Model:Kappa"] = "9";
        configuration.Reload();

        Assert.Equal(0, changes);
        Assert.Equal((3, 7.0), (monitor.CurrentValue.Pipeline.TopPartners, monitor.CurrentValue.Model.Kappa));
        Assert.Equal(new PipelineOptions { TopPartners = 3 }, provider.GetRequiredService<IPipelineAnalytics>().Options);
        Assert.Equal(7, provider.GetRequiredService<IPartnerHealth>().Model.Kappa);
    }

    [Fact]
    public void AddPartnerMetrics_UnknownKeys_AreEachReportedByPath()
    {
        var error = StartFails(("ModelPat", "health-model.json"), ("Pipeline:TopPartner", "3"), ("Model:Kapa", "7"), ("Model:DimensionWeights:Truts", "1"));

        Assert.Equal(
            [
                "PartnerMetrics:Model:DimensionWeights:Truts: not a setting of the health model (see the model file format: PartnerMetricsJson, HealthModel).",
                "PartnerMetrics:Model:Kapa: not a setting of the health model (see the model file format: PartnerMetricsJson, HealthModel).",
                "PartnerMetrics:ModelPat: not a setting of PartnerMetricsOptions; the settings are ModelPath, Model and Pipeline.",
                "PartnerMetrics:Pipeline:TopPartner: not a setting of PipelineOptions; the settings are TopPartners, TopCustomers and RemainingTarget.",
            ],
            error.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddPartnerMetrics_TheDocsExample_ListsEachProblemWhole_UnderItsPath()
    {
        // The three lines docs/dependency-injection.md shows, word for word: a weight the library rejects, a misspelt
        // setting and a pipeline option out of range, in one exception.
        var error = StartFails(("Model:DimensionWeights:Trust", "-1"), ("ModelPat", "health-model.json"), ("Pipeline:TopPartners", "0"));

        Assert.Equal(
            [
                "PartnerMetrics:Model:DimensionWeights:Trust: Invalid HealthModel at $.dimensionWeights.trust: 'trust' must be a finite weight of 0 or more; got -1.",
                "PartnerMetrics:ModelPat: not a setting of PartnerMetricsOptions; the settings are ModelPath, Model and Pipeline.",
                "PartnerMetrics:Pipeline:TopPartners: 'TopPartners' must be at least 1; got 0.",
            ],
            error.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddPartnerMetrics_TheSameSectionBoundTwice_ReportsEachProblemOnce()
    {
        // Pins the de-duplication of binding problems: a section registered twice records its problems twice, and the
        // host's error lists each once, not the same path and reason twice.
        var section = Section(("Pipeline:TopPartners", "many"));
        using var provider = new ServiceCollection().AddPartnerMetrics(section).AddPartnerMetrics(section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("PartnerMetrics:Pipeline:TopPartners: must be a whole number; got 'many'.", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddPartnerMetrics_ManyProblems_AreReportedTogether()
    {
        var error = StartFails(("Pipeline:TopPartners", "0"), ("Pipeline:TopCustomers", "x"), ("Model:Kappa", "-1"), ("Colour", "blue"));

        Assert.Equal(4, error.Failures.Count());
        Assert.Equal(typeof(PartnerMetricsOptions), error.OptionsType);
        foreach (var path in new[] { "PartnerMetrics:Pipeline:TopPartners", "PartnerMetrics:Pipeline:TopCustomers", "PartnerMetrics:Model:Kappa", "PartnerMetrics:Colour" })
        {
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddPartnerMetrics_BadConfiguration_FailsTheOptionsValueToo()
    {
        using var provider = new ServiceCollection().AddPartnerMetrics(Section(("Pipeline:TopPartners", "0"))).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PartnerMetricsOptions>>().Value);
        Assert.Contains("PartnerMetrics:Pipeline:TopPartners", error.Message, StringComparison.Ordinal);
    }
}
