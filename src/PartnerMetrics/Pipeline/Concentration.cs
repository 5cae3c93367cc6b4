namespace PartnerMetrics.Pipeline;

/// <summary>
/// The Herfindahl–Hirschman index of concentration (seed 000: "go-to-market efforts are not balanced"), the measure
/// behind <see cref="PipelineResult.PartnerConcentration"/>, <see cref="PipelineResult.CustomerConcentration"/> and
/// <see cref="PipelineResult.RouteConcentration"/>, for values of your own: won value per product line, per region,
/// per sales rep.
/// </summary>
public static class Concentration
{
    /// <summary>Σ (100 × shareᵢ)² of the values: 10,000 / n for n equal parts, up to 10,000 for one part holding everything.</summary>
    /// <param name="values">The parts, such as each partner's won value; zeros count as parts with no share.</param>
    /// <returns>The index; <see langword="null"/> when there are no values or they add up to 0.</returns>
    /// <remarks>
    /// Computed exactly, as 10,000 × Σ vᵢ² ÷ (Σ vᵢ)² of the values as integers at their largest scale, rounded once to the
    /// nearest double: the result does not depend on the order the values are given in, n equal values give 10,000 / n
    /// to the last bit, and it is the one the pipeline results give for the same values.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is negative (the message gives its position and value), or the values add up to more than <see cref="decimal.MaxValue"/>.</exception>
    public static double? Herfindahl(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        decimal[] parts = [.. values];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] < 0)
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A concentration is of parts that are not negative; value {i} is {parts[i]}."), nameof(values));
            }
        }

        try
        {
            return WonShares.Of(parts, top: 0).Index;
        }
        catch (OverflowException error)
        {
            throw new ArgumentException("The values add up to more than the largest decimal.", nameof(values), error);
        }
    }
}
