using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>
/// One simulated partnership: what the CRM shows on the as-of day, the hidden truth behind it, and
/// what happened next.
/// </summary>
public sealed class SimulatedPartnership
{
    internal SimulatedPartnership(
        Partnership partnership,
        DateOnly asOf,
        double partnerLatent,
        double vendorLatent,
        double combinedLatent,
        double loggingPropensity,
        DateOnly? churnedOn,
        double nextTwoQuartersRevenue,
        PlanHistory? plan)
    {
        Partnership = partnership;
        AsOf = asOf;
        PartnerLatent = partnerLatent;
        VendorLatent = vendorLatent;
        CombinedLatent = combinedLatent;
        LoggingPropensity = loggingPropensity;
        ChurnedOn = churnedOn;
        NextTwoQuartersRevenue = nextTwoQuartersRevenue;
        Plan = plan;
    }

    /// <summary>Gets the partnership as the CRM shows it on <see cref="AsOf"/>: logged evidence only, each item in the state it was in that day.</summary>
    public Partnership Partnership { get; }

    /// <summary>Gets the partner's id.</summary>
    public PartnerId PartnerId => Partnership.Partner.Id;

    /// <summary>Gets the as-of day T.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the partner side's latent health on T (logit scale).</summary>
    public double PartnerLatent { get; }

    /// <summary>Gets the vendor side's latent health on T (logit scale).</summary>
    public double VendorLatent { get; }

    /// <summary>Gets the combined latent health z on T: the soft minimum of the two sides that drives the churn hazard.</summary>
    public double CombinedLatent { get; }

    /// <summary>Gets the latent health on T as a probability-like value in (0, 1): σ(z).</summary>
    public double LatentHealth => Latent.Logistic(CombinedLatent);

    /// <summary>Gets the partnership's logging propensity: the mean, over its months, of the share of real events that reached the CRM.</summary>
    public double LoggingPropensity { get; }

    /// <summary>Gets the day the partner churned within the horizon after T, or <see langword="null"/> if it stayed.</summary>
    public DateOnly? ChurnedOn { get; }

    /// <summary>Gets whether the partner churned within the horizon.</summary>
    public bool Churned => ChurnedOn is not null;

    /// <summary>Gets the partner's revenue in the two quarters after T (zero after churn).</summary>
    public double NextTwoQuartersRevenue { get; }

    /// <summary>Gets the dated plan history as the CRM logged it, or <see langword="null"/> when no plan was ever logged.</summary>
    public PlanHistory? Plan { get; }
}
