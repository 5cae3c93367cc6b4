using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation.Harness;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Tests;

/// <summary>The CRM on T must not carry the latent state of any month after T (DOMAIN §3.1: no look-ahead).</summary>
public sealed class LookAheadTests
{
    /// <summary>
    /// A world whose months are independent: full mean reversion (θ = 1) around one fixed mean (spread 0), a wide
    /// monthly walk (σ = 6), no shocks, everything logged. The partner's health next month then says nothing about
    /// this month's, so evidence on T that follows next month's health can only have read the future.
    /// </summary>
    private static readonly Variant IndependentMonths = new(
        "independent-months",
        "Each month's latent health drawn afresh; every event logged.",
        new Dictionary<Knob, ParameterRange>
        {
            [Knob.PartnerMean] = ParameterRange.Fixed(0),
            [Knob.VendorMean] = ParameterRange.Fixed(0),
            [Knob.MeanSpread] = ParameterRange.Fixed(0),
            [Knob.Reversion] = ParameterRange.Fixed(1),
            [Knob.Volatility] = ParameterRange.Fixed(6),
            [Knob.PartnerShockRate] = ParameterRange.Fixed(0),
            [Knob.VendorShockRate] = ParameterRange.Fixed(0),
            [Knob.ShockSize] = ParameterRange.Fixed(0),
            [Knob.Activity] = ParameterRange.Fixed(8),
            [Knob.LoggingMean] = ParameterRange.Fixed(0.999999),
            [Knob.LoggingSpread] = ParameterRange.Fixed(0),
            [Knob.LoggingHealthLink] = ParameterRange.Fixed(0),
            [Knob.LoggingNoise] = ParameterRange.Fixed(0),
            [Knob.HazardIntercept] = ParameterRange.Fixed(-3),
            [Knob.HazardSlope] = ParameterRange.Fixed(1),
        });

    [Fact]
    public void Simulate_CommitmentDueAfterT_KeptAsThePromiserWasOnT()
    {
        // A promise due a few days after T can be kept before T (on time means up to 5 days early), so it is on
        // record on T. Its outcome must come from the promiser's health up to T, not from the month of its due day:
        // a partner at health σ(−6) ≈ 0.0025 on T keeps with probability 0.8 · 0.0025 = 0.002. Drawn from the next
        // month's health instead (σ(6ε), above ½ half the time), about 0.4 of them would be kept.
        var options = new ValidationOptions { Partnerships = 3000, Seeds = 1, FitWeights = false, EvidenceLimit = false };
        var (_, partnerships) = ValidationRun.Simulate(IndependentMonths, 1, options);
        var t = options.AsOf;

        var dueAfterT = partnerships
            .Where(s => s.PartnerLatent < -6)
            .SelectMany(s => s.Partnership.Commitments.Where(c => c.PromisedBy == Side.Partner && c.DueOn > t))
            .ToArray();
        var kept = dueAfterT.Count(c => c.Outcome == CommitmentOutcome.Kept);

        Assert.True(dueAfterT.Length >= 200, $"only {dueAfterT.Length} commitments due after T: the test has too little to see.");
        Assert.True(kept <= 3, $"{kept} of {dueAfterT.Length} commitments due after T of partners at health below 0.0025 on T were kept before T.");
    }
}
