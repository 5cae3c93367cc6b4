using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection;

/// <summary>The registered <see cref="IPartnerHealth"/>: a <see cref="HealthScorer"/> built once from the options.</summary>
internal sealed class PartnerHealth : IPartnerHealth
{
    private readonly TimeProvider clock;
    private readonly HealthScorer scorer;
    private readonly PartnershipAdvisor advisor;

    public PartnerHealth(IOptions<PartnerMetricsOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        scorer = new HealthScorer(ModelOf(options.Value));
        advisor = new PartnershipAdvisor(scorer);
    }

    public HealthModel Model => scorer.Model;

    public DateOnly Today => HostClock.Today(clock);

    public HealthReport Score(Partnership partnership) => scorer.Score(partnership, Today);

    public HealthReport Score(Partnership partnership, DateOnly asOf) => scorer.Score(partnership, asOf);

    public ImmutableArray<Recommendation> Recommend(Partnership partnership) => advisor.Recommend(partnership, Today);

    public PortfolioInsights Insights(Portfolio portfolio) => new(scorer, portfolio, Today);

    public PortfolioInsights Insights(Portfolio portfolio, DateOnly asOf) => new(scorer, portfolio, asOf);

    /// <summary>The model of the options: the JSON file when one is named, else <see cref="PartnerMetricsOptions.Model"/>.</summary>
    internal static HealthModel ModelOf(PartnerMetricsOptions options)
    {
        if (options.ModelPath is not { } path)
        {
            return options.Model ?? throw new OptionsValidationException(nameof(PartnerMetricsOptions), typeof(PartnerMetricsOptions), ["PartnerMetrics: 'Model' must not be null."]);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return PartnerMetricsJson.Deserialize<HealthModel>(stream);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new OptionsValidationException(nameof(PartnerMetricsOptions), typeof(PartnerMetricsOptions), [$"PartnerMetrics: the health model file '{path}' cannot be used: {error.Message}"]);
        }
    }
}
