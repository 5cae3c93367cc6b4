using System.Collections.Immutable;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>
/// The three generative variants of the harness. Their ranges are wide on purpose: each seed draws
/// its own parameters, so a scoring model cannot be tuned to one world.
/// </summary>
public static class Variants
{
    /// <summary>Gets the "steady" variant: rare shocks on both sides, logging independent of health.</summary>
    public static Variant Steady { get; } = new(
        "steady",
        "Rare shocks on both sides; well-logged partnerships whose logging is independent of their health.",
        new Dictionary<Knob, ParameterRange>
        {
            [Knob.PartnerMean] = new(1.0, 1.6),
            [Knob.VendorMean] = new(1.2, 1.8),
            [Knob.MeanSpread] = new(0.6, 0.9),
            [Knob.Reversion] = new(0.08, 0.15),
            [Knob.Volatility] = new(0.2, 0.3),
            [Knob.PartnerShockRate] = new(0.003, 0.008),
            [Knob.VendorShockRate] = new(0.002, 0.006),
            [Knob.ShockSize] = new(1.5, 2.5),
            [Knob.Activity] = new(0.8, 1.2),
            [Knob.LoggingMean] = new(0.65, 0.85),
            [Knob.LoggingSpread] = new(0.3, 0.6),
            [Knob.LoggingHealthLink] = ParameterRange.Fixed(0),
            [Knob.LoggingNoise] = new(0.0, 0.1),
            [Knob.HazardIntercept] = new(-3.0, -2.4),
            [Knob.HazardSlope] = new(1.2, 1.8),
        });

    /// <summary>Gets the "turbulent" variant: frequent shocks, the vendor side fails more often than the partner side.</summary>
    public static Variant Turbulent { get; } = new(
        "turbulent",
        "Frequent shocks and a volatile walk; vendor reorganisations dominate (lower vendor mean, higher vendor shock rate); logging independent of health.",
        new Dictionary<Knob, ParameterRange>
        {
            [Knob.PartnerMean] = new(1.0, 1.6),
            [Knob.VendorMean] = new(0.8, 1.4),
            [Knob.MeanSpread] = new(0.6, 0.9),
            [Knob.Reversion] = new(0.08, 0.15),
            [Knob.Volatility] = new(0.3, 0.45),
            [Knob.PartnerShockRate] = new(0.005, 0.015),
            [Knob.VendorShockRate] = new(0.015, 0.03),
            [Knob.ShockSize] = new(1.5, 3.0),
            [Knob.Activity] = new(0.8, 1.3),
            [Knob.LoggingMean] = new(0.6, 0.85),
            [Knob.LoggingSpread] = new(0.3, 0.6),
            [Knob.LoggingHealthLink] = ParameterRange.Fixed(0),
            [Knob.LoggingNoise] = new(0.1, 0.3),
            [Knob.HazardIntercept] = new(-3.0, -2.4),
            [Knob.HazardSlope] = new(1.2, 1.8),
        });

    /// <summary>Gets the "sparse" variant: little activity, sparse and noisy logging that follows the partner's health.</summary>
    public static Variant Sparse { get; } = new(
        "sparse",
        "Low activity; sparse, noisy logging that rises with the partner side's health (engaged partners log more).",
        new Dictionary<Knob, ParameterRange>
        {
            [Knob.PartnerMean] = new(1.0, 1.6),
            [Knob.VendorMean] = new(1.2, 1.8),
            [Knob.MeanSpread] = new(0.6, 0.9),
            [Knob.Reversion] = new(0.08, 0.15),
            [Knob.Volatility] = new(0.2, 0.35),
            [Knob.PartnerShockRate] = new(0.003, 0.01),
            [Knob.VendorShockRate] = new(0.002, 0.008),
            [Knob.ShockSize] = new(1.5, 2.5),
            [Knob.Activity] = new(0.4, 0.7),
            [Knob.LoggingMean] = new(0.25, 0.45),
            [Knob.LoggingSpread] = new(0.6, 1.0),
            [Knob.LoggingHealthLink] = new(0.6, 1.2),
            [Knob.LoggingNoise] = new(0.4, 0.8),
            [Knob.HazardIntercept] = new(-3.0, -2.4),
            [Knob.HazardSlope] = new(1.2, 1.8),
        });

    /// <summary>Gets every variant, in report order.</summary>
    public static ImmutableArray<Variant> All { get; } = [Steady, Turbulent, Sparse];
}
