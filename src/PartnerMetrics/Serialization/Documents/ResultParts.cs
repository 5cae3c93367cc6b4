using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>The parts the pipeline's documents read alike (its results', and the accumulator's overflow-safe checks): counts, sums of amounts, and checks over sums that may overflow.</summary>
internal static class ResultParts
{
    /// <summary>A count: present, at least 0.</summary>
    public static long Count(long? value, string property)
    {
        var count = Required(value, property);
        Agree(count >= 0, property, $"must be a number of at least 0; got {count}");
        return count;
    }

    /// <summary>A sum of amounts: present, at least 0, in whole ten-thousandths (<see cref="Opportunity.MaxDecimals"/>).</summary>
    public static decimal Amount(decimal? value, string property)
    {
        var amount = Required(value, property);
        Agree(amount >= 0 && decimal.Round(amount, Opportunity.MaxDecimals) == amount, property, $"must be a sum of amounts: at least 0, with at most {Opportunity.MaxDecimals} decimal places; got {amount}");
        return amount;
    }

    /// <summary>
    /// Whether <paramref name="deals"/> deals of at most <see cref="Opportunity.MaxAmount"/> each can carry three values together (each at
    /// least 0), without adding them up: their sum may be more than a decimal holds, and so may the deals' most when they are many, which
    /// then carry any value a decimal holds.
    /// </summary>
    public static bool CarryAll(decimal first, decimal second, decimal third, long deals)
    {
        if (deals > decimal.MaxValue / Opportunity.MaxAmount)
        {
            return true;
        }

        var most = deals * Opportunity.MaxAmount;
        return first <= most && second <= most - first && third <= most - first - second;
    }

    /// <summary>A condition over sums that may pass their type's range: an overflow is a disagreement.</summary>
    public static bool Fits(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
