using System.Collections.Immutable;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>A generative variant: a name, what it stands for, and a range for every <see cref="Knob"/>.</summary>
public sealed class Variant
{
    private readonly ImmutableDictionary<Knob, ParameterRange> ranges;

    /// <summary>Initializes a new instance of the <see cref="Variant"/> class.</summary>
    /// <param name="name">A short name.</param>
    /// <param name="description">What the variant stands for.</param>
    /// <param name="ranges">A range for every knob.</param>
    /// <exception cref="ArgumentException">A knob has no range.</exception>
    public Variant(string name, string description, IReadOnlyDictionary<Knob, ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        foreach (var knob in Enum.GetValues<Knob>())
        {
            if (!ranges.ContainsKey(knob))
            {
                throw new ArgumentException($"Variant '{name}' has no range for {knob}.", nameof(ranges));
            }
        }

        Name = name;
        Description = description;
        this.ranges = ranges.ToImmutableDictionary();
    }

    /// <summary>Gets the variant's name.</summary>
    public string Name { get; }

    /// <summary>Gets what the variant stands for.</summary>
    public string Description { get; }

    /// <summary>Gets the range of a knob.</summary>
    /// <param name="knob">The knob.</param>
    /// <returns>Its range.</returns>
    public ParameterRange this[Knob knob] => ranges[knob];

    /// <summary>Draws one value per knob, in the order of <see cref="Knob"/>.</summary>
    /// <param name="rng">The seed's stream.</param>
    /// <returns>The drawn parameters.</returns>
    public VariantParameters Draw(Rng rng)
    {
        var knobs = Enum.GetValues<Knob>();
        var values = new double[knobs.Length];
        foreach (var knob in knobs)
        {
            values[(int)knob] = ranges[knob].Draw(rng);
        }

        return new VariantParameters(this, values);
    }
}

/// <summary>The values a seed drew for every knob of a <see cref="Variant"/>.</summary>
public sealed class VariantParameters
{
    private readonly double[] values;

    internal VariantParameters(Variant variant, double[] values)
    {
        Variant = variant;
        this.values = values;
    }

    /// <summary>Gets the variant the values were drawn for.</summary>
    public Variant Variant { get; }

    /// <summary>Gets the value of a knob.</summary>
    /// <param name="knob">The knob.</param>
    /// <returns>Its drawn value.</returns>
    public double this[Knob knob] => values[(int)knob];
}
