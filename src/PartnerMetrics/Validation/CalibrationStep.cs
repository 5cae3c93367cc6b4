using System.Globalization;

namespace PartnerMetrics.Validation;

/// <summary>One step of an isotonic calibration: from a score upwards, until the next step, the churn probability.</summary>
public sealed class CalibrationStep
{
    internal CalibrationStep(double fromScore, double probability)
    {
        FromScore = fromScore;
        Probability = probability;
    }

    /// <summary>Gets the lowest score of the step.</summary>
    public double FromScore { get; }

    /// <summary>Gets the churn probability over the horizon for scores from <see cref="FromScore"/> to the next step.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"from {FromScore:0.##}: {Probability:0.###}");
}
