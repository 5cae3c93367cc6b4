using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>Checks shared by the weight records of <see cref="HealthModel"/>.</summary>
internal static class Weights
{
    public static double Check(double value, string paramName)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be a finite weight of 0 or more; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    public static void CheckNotAllZero(string setting, params ReadOnlySpan<double> weights)
    {
        foreach (var weight in weights)
        {
            if (weight > 0.0)
            {
                return;
            }
        }

        throw new ArgumentOutOfRangeException(setting, 0.0, $"'{setting}' must have at least one positive weight; all are 0.");
    }
}
