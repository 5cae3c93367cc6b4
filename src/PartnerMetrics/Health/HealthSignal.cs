namespace PartnerMetrics.Health;

/// <summary>Something worth acting on that is not itself scored, such as a required certification about to expire.</summary>
/// <param name="Code">The stable code, such as <see cref="FactorCodes.CertificationExpiring"/>.</param>
/// <param name="Message">A short human message.</param>
public readonly record struct HealthSignal(string Code, string Message);
