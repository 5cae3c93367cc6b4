using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>A measurable target for a joint-plan goal, such as 12 "certified engineers" or 500000 "USD bookings".</summary>
/// <remarks>Seed 002, step 5: "Set Great Expectations — Just Be Clear About Them".</remarks>
[JsonConverter(typeof(DocumentConverter<MeasurableTarget, MeasurableTargetDocument>))]
public sealed record MeasurableTarget
{
    /// <summary>Initializes a new instance of the <see cref="MeasurableTarget"/> class.</summary>
    /// <param name="value">The target value.</param>
    /// <param name="unit">What the value counts.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public MeasurableTarget(decimal value, string unit)
    {
        Value = value;
        Unit = Ensure.Text(unit, nameof(unit));
    }

    /// <summary>Gets the target value.</summary>
    public decimal Value { get; }

    /// <summary>Gets what the value counts.</summary>
    public string Unit { get; }
}
