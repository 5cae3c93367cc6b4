namespace PartnerMetrics.Validation.Simulation;

/// <summary>A generative parameter of the simulator. Each variant gives every knob a range; each seed draws a value from it.</summary>
public enum Knob
{
    /// <summary>Long-run mean of the partner side's latent health, on the logit scale (portfolio centre).</summary>
    PartnerMean,

    /// <summary>Long-run mean of the vendor side's latent health, on the logit scale (portfolio centre).</summary>
    VendorMean,

    /// <summary>Standard deviation of a partnership's own long-run means around the portfolio centre.</summary>
    MeanSpread,

    /// <summary>Monthly mean reversion θ of the Ornstein–Uhlenbeck walk (a deviation halves in ln 2 / θ months).</summary>
    Reversion,

    /// <summary>Monthly volatility σ of the walk.</summary>
    Volatility,

    /// <summary>Monthly probability that the partner's champion leaves (a drop of the partner side).</summary>
    PartnerShockRate,

    /// <summary>Monthly probability that the vendor reorganises (a drop of the vendor side).</summary>
    VendorShockRate,

    /// <summary>Mean size of a shock on the logit scale (each shock is this times U(0.6, 1.4)).</summary>
    ShockSize,

    /// <summary>Median activity multiplier of a partnership (log-normal, log-sd 0.5 across partnerships).</summary>
    Activity,

    /// <summary>Median logging propensity: the share of real events that reach the CRM.</summary>
    LoggingMean,

    /// <summary>Log-odds standard deviation of the logging propensity across partnerships.</summary>
    LoggingSpread,

    /// <summary>How strongly logging follows the partner side's health (log-odds per logit unit of deviation from its mean); 0 = independent.</summary>
    LoggingHealthLink,

    /// <summary>Month-to-month log-odds noise of the logging propensity.</summary>
    LoggingNoise,

    /// <summary>Intercept a of the monthly churn hazard σ(a − b·z), z the combined latent health on the as-of day.</summary>
    HazardIntercept,

    /// <summary>Slope b of the monthly churn hazard σ(a − b·z).</summary>
    HazardSlope,
}
