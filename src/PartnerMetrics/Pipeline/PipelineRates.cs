using System.Numerics;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The metrics of a <see cref="PipelineResult"/> that follow from its own counts and values: computed here once, by an
/// accumulator for its result and by the reader of a result's JSON, which refuses a document whose rates are not these.
/// </summary>
internal readonly record struct PipelineRates(
    double? WinRateByCount,
    double? WinRateByValue,
    double? HuntingShareByCount,
    double? HuntingShareByValue,
    decimal? AverageWonDealSize,
    decimal? Velocity,
    double? DealFlowReciprocity,
    double? RepeatBusinessRate,
    PartnerProfile? Profile)
{
    public static PipelineRates Of(
        long open,
        long won,
        long lost,
        long lostWithAmount,
        decimal wonValue,
        decimal lostValue,
        long huntingWon,
        decimal huntingWonValue,
        CycleStatistics? wonCycle,
        long partnerSourced,
        long vendorReferred,
        long partnersWithWins,
        long partnersWithRepeatWins)
    {
        var winRate = Ratio(won, won + lost);
        decimal? averageWon = won > 0 ? wonValue / won : null;
        double? huntingByValue = wonValue > 0 ? (double)(huntingWonValue / wonValue) : null;
        var huntingByCount = Ratio(huntingWon, won);

        // Honest nulls (DOMAIN section 4, v2): a value win rate is not defined when no lost deal carries an amount,
        // because a CRM that writes 0 (or nothing) on lost deals would make it read 100 %.
        var winRateByValue = lost > 0 && lostWithAmount == 0 ? null : ShareOfBoth(wonValue, lostValue);
        decimal? velocity = won > 0 && wonCycle is { Mean: > 0 } cycle ? VelocityOf(open, won, won + lost, wonValue, cycle.TotalDays) : null;
        var reciprocity = ReciprocityOf(partnerSourced, vendorReferred);
        // The thresholds are compared exactly, in integers: the share as a double rounds 69.99999999999999999 % up to 0.7.
        var profile = wonValue > 0 ? ProfileOf(huntingWonValue, wonValue)
            : won > 0 ? ProfileOf((BigInteger)huntingWon, won)
            : (PartnerProfile?)null;
        return new(winRate, winRateByValue, huntingByCount, huntingByValue, averageWon, velocity, reciprocity, Ratio(partnersWithRepeatWins, partnersWithWins), profile);
    }

    /// <summary>
    /// Hunter from 70 % of the won value hunted, Farmer up to 30 %, exactly: the values as integers at their common scale,
    /// compared as 10 × hunted against 7 (3) × the whole. 0.7 × the whole in decimal is rounded once it passes 28 digits
    /// (merged shards), which made 69.99… % read Hunter.
    /// </summary>
    private static PartnerProfile ProfileOf(decimal hunted, decimal whole)
    {
        var scale = Math.Max(hunted.Scale, whole.Scale);
        return ProfileOf(Integer(hunted, scale), Integer(whole, scale));

        static BigInteger Integer(decimal value, int scale)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var mantissa = new BigInteger(unchecked((uint)bits[0])) | (new BigInteger(unchecked((uint)bits[1])) << 32) | (new BigInteger(unchecked((uint)bits[2])) << 64);
            return mantissa * BigInteger.Pow(10, scale - value.Scale);
        }
    }

    /// <summary>Hunter from 70 % of the whole hunted, Farmer up to 30 %, compared exactly (a count's share as a double rounds 69.99… % up to 0.7 past 2⁵³ deals).</summary>
    private static PartnerProfile ProfileOf(BigInteger hunted, BigInteger whole) =>
        hunted * 10 >= whole * 7 ? PartnerProfile.Hunter : hunted * 10 <= whole * 3 ? PartnerProfile.Farmer : PartnerProfile.Balanced;

    /// <summary>
    /// The first value's share of both, or null when both are 0. The sum of merged shards' values can pass what a decimal
    /// holds though each fits: then both are halved first, which the share, a double, does not notice.
    /// </summary>
    private static double? ShareOfBoth(decimal first, decimal second)
    {
        decimal whole;
        try
        {
            whole = first + second;
        }
        catch (OverflowException)
        {
            (first, whole) = (first / 2, (first / 2) + (second / 2));
        }

        return whole > 0 ? (double)(first / whole) : null;
    }

    /// <summary>
    /// The balance of deal flow, 1 − |2p − 1| with p = partner-sourced ÷ both: the same as 2 × the smaller ÷ both, which is
    /// computed here, rounded once. Through p it was rounded three times, so 1 of 10 read 0.19999999999999996.
    /// </summary>
    public static double? ReciprocityOf(long partnerSourced, long vendorReferred) =>
        Ratio(2 * (Int128)Math.Min(partnerSourced, vendorReferred), (Int128)partnerSourced + vendorReferred);

    /// <summary>The reciprocity as earlier releases wrote it in result documents, 1 − |2p − 1| through a double p. A document that states it is still read.</summary>
    internal static double? LegacyReciprocity(long partnerSourced, long vendorReferred) =>
        Ratio(partnerSourced, partnerSourced + vendorReferred) is { } p ? 1.0 - Math.Abs((2.0 * p) - 1.0) : null;

    /// <summary>A part of a whole, or null without a whole.</summary>
    private static double? Ratio(Int128 part, Int128 whole) => whole > 0 ? (double)part / (double)whole : null;

    /// <summary>A part of a whole, or null without a whole.</summary>
    public static double? Ratio(long part, long whole) => whole > 0 ? (double)part / whole : null;

    /// <summary>
    /// Open deals × average won size × win rate ÷ mean won cycle, per day, in decimal: open × won value × won ÷ ((won +
    /// lost) × the won cycle's total days), the product exact and rounded once by the division (3 open deals, 100 won in
    /// 2 closed and 3 days make 50, not 50.0000000000001). When the product or the divisor is more than a decimal holds,
    /// the value is divided first; null when the velocity itself is, which merged shards of enormous pipelines can reach
    /// even though each shard's own result fits.
    /// </summary>
    private static decimal? VelocityOf(long open, long won, long closed, decimal wonValue, Int128 totalDays)
    {
        var days = (decimal)totalDays;
        try
        {
            return open * wonValue * won / (closed * days);
        }
        catch (OverflowException)
        {
        }

        try
        {
            return wonValue / closed / days * won * open;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The velocity as earlier releases wrote it in result documents: the win rate ÷ the mean cycle as a double, taken to a
    /// decimal (15 significant digits), times open deals and the average won size. A document that states it is still read.
    /// </summary>
    internal static decimal? LegacyVelocity(long open, long won, long lost, decimal wonValue, CycleStatistics? wonCycle)
    {
        if (won == 0 || wonCycle is not { Mean: > 0 } cycle)
        {
            return null;
        }

        try
        {
            return open * (wonValue / won) * (decimal)(((double)won / (won + lost)) / cycle.Mean);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
