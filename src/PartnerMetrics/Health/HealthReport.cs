using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>The health of one partnership as of a day: the overall score, its band and confidence, and every dimension and factor that explains it.</summary>
/// <remarks>Immutable and compared by value.</remarks>
[JsonConverter(typeof(DocumentConverter<HealthReport, HealthReportDocument>))]
public sealed record HealthReport
{
    private readonly EquatableArray<DimensionScore> dimensions;
    private readonly EquatableArray<HealthSignal> signals;

    internal HealthReport(PartnerId partnerId, DateOnly asOf, HealthModel model, double score, HealthBand band, double confidence, ScoreInterval interval, ImmutableArray<DimensionScore> dimensions, ImmutableArray<HealthSignal> signals)
        : this(partnerId, asOf, model.Name, model.Version, score, band, confidence, interval, dimensions, signals)
    {
    }

    /// <summary>A report as a document states it (<c>HealthReportDocument</c>): the model by its name and version.</summary>
    internal HealthReport(PartnerId partnerId, DateOnly asOf, string modelName, string modelVersion, double score, HealthBand band, double confidence, ScoreInterval interval, ImmutableArray<DimensionScore> dimensions, ImmutableArray<HealthSignal> signals)
    {
        Interval = interval;
        PartnerId = partnerId;
        AsOf = asOf;
        ModelName = modelName;
        ModelVersion = modelVersion;
        Score = score;
        Band = band;
        Confidence = confidence;
        this.dimensions = new EquatableArray<DimensionScore>(dimensions);
        this.signals = new EquatableArray<HealthSignal>(signals);
    }

    /// <summary>Gets the partner scored.</summary>
    public PartnerId PartnerId { get; }

    /// <summary>Gets the day the score is as of; evidence after it is ignored.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the <see cref="HealthModel.Name"/> of the model that scored the partnership: with a <see cref="HealthModelSet"/>, the one it selected.</summary>
    public string ModelName { get; }

    /// <summary>Gets the <see cref="HealthModel.Version"/> of the model that scored the partnership.</summary>
    public string ModelVersion { get; }

    /// <summary>Gets the overall score in [0, 100]: the weighted mean of the present dimensions (0 when no weighted dimension is present, and then the band is <see cref="HealthBand.InsufficientEvidence"/> under any model).</summary>
    public double Score { get; }

    /// <summary>Gets the 80 % interval of <see cref="Score"/>: how far it could move if its rates were measured again (DOMAIN section 3.1).</summary>
    public ScoreInterval Interval { get; }

    /// <summary>Gets the band of the score.</summary>
    public HealthBand Band { get; }

    /// <summary>Gets the overall confidence in [0, 1]: the weighted mean of the enabled dimensions' confidences.</summary>
    public double Confidence { get; }

    /// <summary>Gets the five dimensions, in <see cref="HealthDimension"/> order.</summary>
    public ImmutableArray<DimensionScore> Dimensions => dimensions;

    /// <summary>Gets signals worth acting on, such as expiring certifications, ordered by code and message so that evidence order never changes them.</summary>
    public ImmutableArray<HealthSignal> Signals => signals;

    /// <summary>Gets every factor of every dimension.</summary>
    public IEnumerable<HealthFactor> Factors => dimensions.Items.SelectMany(d => d.Factors);

    /// <summary>Gets one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not defined.</exception>
    public DimensionScore this[HealthDimension dimension] =>
        unchecked((uint)dimension) < (uint)dimensions.Count
            ? dimensions[(int)dimension]
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"'{nameof(dimension)}' must be a defined HealthDimension; got {dimension}.");

    /// <summary>Gets a factor by its code.</summary>
    /// <param name="code">One of <see cref="FactorCodes"/>.</param>
    /// <returns>The factor, or <see langword="null"/> when the report has no factor with that code.</returns>
    public HealthFactor? Factor(string code)
    {
        foreach (var dimension in dimensions)
        {
            foreach (var factor in dimension.Factors)
            {
                if (factor.Code == code)
                {
                    return factor;
                }
            }
        }

        return null;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"PartnerId = {PartnerId}, AsOf = {Ensure.Iso(AsOf)}, Model = {ModelName} {ModelVersion}, Score = {Score}, Band = {Band}, Confidence = {Confidence}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Dimensions = [{string.Join(", ", dimensions.Items.Select(d => $"{d.Dimension} {d.Score?.ToString(CultureInfo.InvariantCulture) ?? "absent"}"))}], Signals = {signals.Count}");
        return true;
    }
}
