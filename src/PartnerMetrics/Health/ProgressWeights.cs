using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Factor weights inside the tracked-progress dimension.</summary>
[JsonConverter(typeof(DocumentConverter<ProgressWeights, ProgressWeightsDocument>))]
public sealed record ProgressWeights
{
    /// <summary>The defaults: registration timeliness 0.1, pipeline freshness 0.05, data completeness 0.05, weekly cadence 0.8.</summary>
    public static readonly ProgressWeights Default = new(
        TrackedProgressDimension.RegistrationTimeliness.DefaultWeight,
        TrackedProgressDimension.PipelineFreshness.DefaultWeight,
        TrackedProgressDimension.DataCompleteness.DefaultWeight,
        TrackedProgressDimension.WeeklyCadence.DefaultWeight);

    /// <summary>Initializes a new instance of the <see cref="ProgressWeights"/> class.</summary>
    /// <param name="registrationTimeliness">The weight of deals registered soon after they originate.</param>
    /// <param name="pipelineFreshness">The weight of open deals updated recently.</param>
    /// <param name="dataCompleteness">The weight of deals with amount, expected close and stage filled in.</param>
    /// <param name="weeklyCadence">The weight of weeks with logged activity.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or all are zero.</exception>
    public ProgressWeights(double registrationTimeliness, double pipelineFreshness, double dataCompleteness, double weeklyCadence)
    {
        RegistrationTimeliness = Weights.Check(registrationTimeliness, nameof(registrationTimeliness));
        PipelineFreshness = Weights.Check(pipelineFreshness, nameof(pipelineFreshness));
        DataCompleteness = Weights.Check(dataCompleteness, nameof(dataCompleteness));
        WeeklyCadence = Weights.Check(weeklyCadence, nameof(weeklyCadence));
        Weights.CheckNotAllZero(nameof(ProgressWeights), registrationTimeliness, pipelineFreshness, dataCompleteness, weeklyCadence);
    }

    /// <summary>Gets the weight of registration timeliness.</summary>
    public double RegistrationTimeliness { get; }

    /// <summary>Gets the weight of pipeline freshness.</summary>
    public double PipelineFreshness { get; }

    /// <summary>Gets the weight of data completeness.</summary>
    public double DataCompleteness { get; }

    /// <summary>Gets the weight of weekly cadence.</summary>
    public double WeeklyCadence { get; }
}
