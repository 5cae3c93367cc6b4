namespace PartnerMetrics.Health;

/// <summary>Something worth acting on that is not itself scored, such as a required certification about to expire.</summary>
public readonly record struct HealthSignal
{
    internal HealthSignal(string code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>Gets the stable code, such as <see cref="FactorCodes.CertificationExpiring"/>.</summary>
    public string Code { get; }

    /// <summary>Gets a short message for a person.</summary>
    public string Message { get; }
}
