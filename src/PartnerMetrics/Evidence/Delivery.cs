using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>A piece of work the partner delivered to a customer (seed 002: "deliver what you say you will").</summary>
[JsonConverter(typeof(DocumentConverter<Delivery, DeliveryDocument>))]
public sealed record Delivery
{
    /// <summary>Initializes a new instance of the <see cref="Delivery"/> class.</summary>
    /// <param name="date">The day the delivery completed.</param>
    /// <param name="onTime">Whether it was delivered on time.</param>
    /// <param name="satisfaction">The customer's satisfaction, in [0, 1].</param>
    /// <param name="description">What was delivered; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="satisfaction"/> is outside [0, 1] or NaN.</exception>
    public Delivery(DateOnly date, bool onTime, double satisfaction, string? description = null)
    {
        Date = date;
        OnTime = onTime;
        Satisfaction = Ensure.UnitInterval(satisfaction, nameof(satisfaction));
        Description = Ensure.OptionalText(description, nameof(description));
    }

    /// <summary>Gets the day the delivery completed.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets a value indicating whether it was on time.</summary>
    public bool OnTime { get; }

    /// <summary>Gets the customer's satisfaction, in [0, 1].</summary>
    public double Satisfaction { get; }

    /// <summary>Gets what was delivered, or <see langword="null"/>.</summary>
    public string? Description { get; }
}
