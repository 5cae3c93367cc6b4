namespace PartnerMetrics.Pipeline;

/// <summary>The Herfindahl–Hirschman index (seed 000: "go-to-market efforts are not balanced").</summary>
internal static class Concentration
{
    /// <summary>Σ (100 × shareᵢ)², from 10,000 / n for n equal parts to 10,000 for one; <see langword="null"/> when the total is 0.</summary>
    /// <remarks>Sums in <see cref="decimal"/>, in the order given: callers pass a deterministic order so that merged results are exact.</remarks>
    public static double? Herfindahl(IEnumerable<decimal> values)
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
