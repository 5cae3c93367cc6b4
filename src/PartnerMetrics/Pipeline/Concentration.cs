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
    /// Computed in <see cref="decimal"/> over the values in ascending order, so the result does not depend on the
    /// order they are given in, and is the one the pipeline results give for the same values.
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

        PipelineAccumulator.SortExactly(parts);
        try
        {
            return HerfindahlInOrder(parts);
        }
        catch (OverflowException error)
        {
            throw new ArgumentException("The values add up to more than the largest decimal.", nameof(values), error);
        }
    }

    /// <summary>The index of values summed in the order given: the accumulators pass a deterministic order, so that merged results are exact.</summary>
    internal static double? HerfindahlInOrder(IEnumerable<decimal> values)
    {
        var parts = values as decimal[] ?? [.. values];
        var total = 0m;
        foreach (var value in parts)
        {
            total += value;
        }

        if (total <= 0)
        {
            return null;
        }

        var index = 0m;
        foreach (var value in parts)
        {
            var share = value / total;
            index += share * share;
        }

        return (double)(index * 10_000m);
    }
}
