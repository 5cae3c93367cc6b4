using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection;

/// <summary>The registered <see cref="IPartnerHealth"/>: a <see cref="HealthScorer"/> built once from the options, of their model set when they have one.</summary>
internal sealed class PartnerHealth : IPartnerHealth
{
    private readonly TimeProvider clock;
    private readonly HealthScorer scorer;
    private readonly PartnershipAdvisor advisor;

    public PartnerHealth(PartnerMetricsOptions options, TimeProvider clock, IHostEnvironment? host = null)
    {
        this.clock = clock;
        // Validated options hold the model they resolved to: the file is read once, when the options are validated.
        scorer = options.Models is { } models ? new HealthScorer(models) : new HealthScorer(options.ValidatedModel ?? ModelOf(options, host));
        advisor = new PartnershipAdvisor(scorer);
    }

    public HealthModel Model => scorer.Model;

    public HealthModelSet Models => scorer.Models;

    public DateOnly Today => HostClock.Today(clock);

    public HealthReport Score(Partnership partnership) => scorer.Score(partnership, Today);

    public HealthReport Score(Partnership partnership, DateOnly asOf) => scorer.Score(partnership, asOf);

    public ImmutableArray<Recommendation> Recommend(Partnership partnership) => advisor.Recommend(partnership, Today);

    public PortfolioInsights Insights(Portfolio portfolio) => new(scorer, portfolio, Today);

    public PortfolioInsights Insights(Portfolio portfolio, DateOnly asOf) => new(scorer, portfolio, asOf);

    public PortfolioInsights Insights(Portfolio portfolio, DateOnly asOf, CancellationToken cancellationToken) => new(scorer, portfolio, asOf, cancellationToken: cancellationToken);

    /// <summary>The model of the options: the JSON file when one is named (relative to the host's content root), else <see cref="PartnerMetricsOptions.Model"/>.</summary>
    /// <exception cref="OptionsValidationException">There is no model, or the file cannot be read or does not hold a valid model.</exception>
    internal static HealthModel ModelOf(PartnerMetricsOptions options, IHostEnvironment? host)
    {
        if (options.ModelPath is not { } path)
        {
            return options.Model ?? throw Invalid($"PartnerMetrics: '{nameof(PartnerMetricsOptions.Model)}' must not be null.");
        }

        var file = path;
        try
        {
            file = ModelFile.Resolve(path, host);
            using var stream = File.OpenRead(file);
            return PartnerMetricsJson.Deserialize<HealthModel>(stream);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Text.Json.JsonException)
        {
            var where = string.Equals(file, path, StringComparison.Ordinal) ? $"'{path}'" : $"'{path}' ({file})";

            // Opening a directory is refused as "Access to the path … is denied", which sends the reader after permissions.
            var reason = error is UnauthorizedAccessException && Directory.Exists(file) ? "it is a directory; give a file." : error.Message;
            throw Invalid($"{options.ModelPathName}: the health model file {where} cannot be used: {reason}");
        }
    }

    private static OptionsValidationException Invalid(string failure) =>
        new(Microsoft.Extensions.Options.Options.DefaultName, typeof(PartnerMetricsOptions), [failure]);
}
