using System.Globalization;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Opportunities as columns (struct of arrays), built once from the records for fast repeated
/// analytics over millions of deals with <see cref="PipelineCube"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Amounts are stored exactly as whole ten-thousandths: every amount the model accepts (up to
/// <see cref="Opportunity.MaxAmount"/>, with at most <see cref="Opportunity.MaxDecimals"/> decimal places) fits.
/// The columns take 17 bytes per deal.
/// </remarks>
public sealed class OpportunityBatch
{
    /// <summary>Amounts are held as whole multiples of 1/<see cref="AmountScale"/>.</summary>
    internal const long AmountScale = 10_000;

    private OpportunityBatch(int count, List<string?> districts, int firstQuarter, int quarters)
    {
        Count = count;
        Districts = districts;
        FirstQuarter = firstQuarter;
        Quarters = quarters;
        Cells = new int[count];
        Outcomes = new byte[count];
        Amounts = new long[count];
        Cycles = new int[count];
    }

    /// <summary>Gets the number of opportunities.</summary>
    public int Count { get; }

    /// <summary>Gets each deal's cube cell: (district × 2 + motion class) × quarters + quarter.</summary>
    internal int[] Cells { get; }

    /// <summary>Gets each deal's <see cref="DealOutcome"/>.</summary>
    internal byte[] Outcomes { get; }

    /// <summary>Gets each deal's amount in ten-thousandths (0 when not recorded).</summary>
    internal long[] Amounts { get; }

    /// <summary>Gets each won deal's cycle in days (0 otherwise).</summary>
    internal int[] Cycles { get; }

    /// <summary>Gets the district of each district code.</summary>
    internal List<string?> Districts { get; }

    /// <summary>Gets the index (year × 4 + quarter − 1) of the earliest quarter.</summary>
    internal int FirstQuarter { get; }

    /// <summary>Gets the number of quarters spanned.</summary>
    internal int Quarters { get; }

    /// <summary>Gets the number of cube cells.</summary>
    internal int CellCount => Districts.Count * 2 * Quarters;

    /// <summary>Builds the columns of a sequence of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>, or the deals span more district × motion class × quarter cells than a batch holds (2^24).</exception>
    public static OpportunityBatch From(IEnumerable<Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        return From(opportunities as Opportunity[] ?? [.. opportunities]);
    }

    /// <summary>Builds the columns of a span of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>, or the deals span more district × motion class × quarter cells than a batch holds (2^24).</exception>
    public static OpportunityBatch From(ReadOnlySpan<Opportunity> opportunities)
    {
        var districts = new List<string?>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        int first = int.MaxValue, last = int.MinValue;
        for (var i = 0; i < opportunities.Length; i++)
        {
            var quarter = DealClass.QuarterIndex(Ensure.Item(opportunities[i], i, nameof(opportunities)).CreatedOn);
            first = Math.Min(first, quarter);
            last = Math.Max(last, quarter);
        }

        var batch = new OpportunityBatch(opportunities.Length, districts, opportunities.IsEmpty ? 0 : first, opportunities.IsEmpty ? 0 : last - first + 1);
        var nullDistrict = -1;
        string? lastDistrict = null;
        var lastCode = -1;
        for (var i = 0; i < opportunities.Length; i++)
        {
            var deal = opportunities[i];
            int district;
            if (deal.District is null)
            {
                district = nullDistrict >= 0 ? nullDistrict : nullDistrict = AddDistrict(districts, null);
            }
            else if (ReferenceEquals(deal.District, lastDistrict))
            {
                district = lastCode;
            }
            else
            {
                if (!codes.TryGetValue(deal.District, out district))
                {
                    district = AddDistrict(districts, deal.District);
                    codes.Add(deal.District, district);
                }

                (lastDistrict, lastCode) = (deal.District, district);
            }

            // Exact: an amount is at most 10^14 in whole ten-thousandths (Opportunity.MaxDecimals), so 10^18 at most here.
            batch.Amounts[i] = (long)((deal.Amount ?? 0m) * AmountScale);

            batch.Outcomes[i] = (byte)deal.Outcome;
            batch.Cycles[i] = deal.Outcome == DealOutcome.Won ? DealClass.CycleDays(deal.CreatedOn, deal.ClosedOn!.Value) : 0;
            // Unchecked: the index of a batch with too many cells may overflow, and the check below refuses that batch.
            batch.Cells[i] = unchecked((((district * 2) + DealClass.MotionIndex(deal.Motion)) * batch.Quarters) + (DealClass.QuarterIndex(deal.CreatedOn) - batch.FirstQuarter));
        }

        // The cube of a batch is dense: every district × motion class × quarter between the first and the last has its
        // cell in each partition's tables, whether deals fall in it or not. A stray date (a deal created in year 1 among
        // deals of 2025) would make billions of them; the count is checked once all districts are known, and a cell
        // index that overflowed on the way (unchecked, so that it reaches this check) is never used.
        var cells = (long)districts.Count * 2 * batch.Quarters;
        if (cells > MaxCells)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The deals span {batch.Quarters} quarters of creation and {districts.Count} districts: {cells} cells, more than the {MaxCells} a batch's dense cube holds. Compute the cube from the deals themselves (PipelineCube.Compute(deals)), whose memory grows with the cells that have deals, or check the creation days for a stray one."),
                nameof(opportunities));
        }

        return batch;
    }

    /// <summary>
    /// A sum of amounts in ten-thousandths as money: <paramref name="tenThousandths"/> / <see cref="AmountScale"/>, exactly
    /// the <see cref="decimal"/> that dividing by <see cref="AmountScale"/> gives (the fewest decimal places that hold it, so
    /// 12.5 rather than 12.5000), built from its digits instead of by a division.
    /// </summary>
    /// <remarks>The sum of at most 2^31 amounts of at most 10^18 ten-thousandths each is under 2^96, what a <see cref="decimal"/> holds.</remarks>
    internal static decimal Money(Int128 tenThousandths)
    {
        byte scale = 4;
        while (scale > 0 && tenThousandths % 10 == 0)
        {
            tenThousandths /= 10;
            scale--;
        }

        var negative = Int128.IsNegative(tenThousandths);
        var magnitude = (UInt128)Int128.Abs(tenThousandths);
        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale));
    }

    /// <summary>The most district × motion class × quarter cells a batch's cube holds: 2^24, some 900 MB of tables per partition at most.</summary>
    internal const long MaxCells = 1L << 24;

    private static int AddDistrict(List<string?> districts, string? district)
    {
        districts.Add(district);
        return districts.Count - 1;
    }
}
