using System.Globalization;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>A closed range a generative parameter is drawn from, uniformly, once per seed.</summary>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end; equal to <paramref name="Low"/> for a fixed value.</param>
public readonly record struct ParameterRange(double Low, double High)
{
    /// <summary>A range holding one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The range [value, value].</returns>
    public static ParameterRange Fixed(double value) => new(value, value);

    /// <summary>Draws a value.</summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <returns>A value in the range.</returns>
    public double Draw(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Low == High ? Low : rng.Uniform(Low, High);
    }

    /// <summary>Formats the range as "[low, high]", or the single value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Low == High
            ? Low.ToString("0.###", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"[{Low:0.###}, {High:0.###}]");
}
