using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The district × motion class × quarter cube (count, won, lost, values, won cycle) — the grouped
/// report most pipelines run — computed fast over millions of deals, from records or from an
/// <see cref="OpportunityBatch"/>, on all cores.
/// </summary>
/// <remarks>
/// Every path gives equal cells, in the same order, whatever the number of threads: sums are exact
/// (integers and <see cref="decimal"/>). For any other grouping, or the full metrics of each group,
/// use <see cref="PipelineAnalytics.GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/>.
/// </remarks>
public static class PipelineCube
{
    /// <summary>Below this many deals a cube is computed on one thread.</summary>
    internal const int ParallelThreshold = 1 << 16;

    /// <summary>The mask of the deal index at which a partition checks for cancellation: every 65,536 deals, too seldom to cost anything.</summary>
    private const int CheckEvery = (1 << 16) - 1;

    /// <summary>Computes the cube of a sequence of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked on each partition every <c>65,536</c> deals.</param>
    /// <returns>The non-empty cells, by district (deals without one first), motion class and quarter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static ImmutableArray<PipelineCell> Compute(IEnumerable<Opportunity> opportunities, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        return Compute(opportunities as Opportunity[] ?? [.. opportunities], maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>Computes the cube of an array of opportunity records, partitioned over the cores.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked on each partition every <c>65,536</c> deals.</param>
    /// <returns>The non-empty cells, by district (deals without one first), motion class and quarter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The array contains <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static ImmutableArray<PipelineCell> Compute(Opportunity[] opportunities, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var parts = Partitions(opportunities.Length, maxDegreeOfParallelism);
        using var operation = Start(opportunities.Length, parts);
        try
        {
            return Cube(opportunities, parts, cancellationToken);
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    private static ImmutableArray<PipelineCell> Cube(Opportunity[] opportunities, int parts, CancellationToken cancellationToken)
    {
        var partials = new RecordCube[parts];
        // ParallelParts, not Parallel.For: a null deal is the ArgumentException of the first null, not an AggregateException.
        ParallelParts.Run(parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, part =>
        {
            var (from, to) = Range(opportunities.Length, parts, part);
            var cube = new RecordCube();
            for (var i = from; i < to; i++)
            {
                if ((i & CheckEvery) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                cube.Add(Ensure.Item(opportunities[i], i, nameof(opportunities)));
            }

            partials[part] = cube;
        });

        var total = partials[0];
        for (var part = 1; part < parts; part++)
        {
            total.Merge(partials[part]);
        }

        Telemetry.Accumulated("cube", opportunities.Length);
        return total.Cells();
    }

    /// <summary>Starts timing and tracing a cube of <paramref name="deals"/> deals in <paramref name="parts"/> partitions.</summary>
    private static Telemetry.Operation? Start(int deals, int parts)
    {
        var operation = Telemetry.Start("partnermetrics.pipeline.cube", Telemetry.PipelineDuration, "cube");
        operation?.Tag("partnermetrics.deals", deals);
        operation?.Tag("partnermetrics.partitions", parts);
        return operation;
    }

    /// <summary>Computes the cube of a columnar batch, partitioned over the cores.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Checked on each partition every <c>65,536</c> deals.</param>
    /// <returns>The non-empty cells, by district (deals without one first), motion class and quarter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static ImmutableArray<PipelineCell> Compute(OpportunityBatch batch, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var parts = Partitions(batch.Count, maxDegreeOfParallelism);
        using var operation = Start(batch.Count, parts);
        try
        {
            var cells = Cube(batch, parts, cancellationToken);
            Telemetry.Accumulated("cube", batch.Count);
            return cells;
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    private static ImmutableArray<PipelineCell> Cube(OpportunityBatch batch, int parts, CancellationToken cancellationToken)
    {
        var cellCount = batch.CellCount;

        // Value sums in 64 bits first, which is what fits real pipelines and runs fastest; a cell whose
        // value passes 922 trillion overflows (checked arithmetic), and then the sums are redone in 128 bits.
        var total = (IColumnTotals?)Totals<long>(batch, cellCount, parts, cancellationToken) ?? Totals<Int128>(batch, cellCount, parts, cancellationToken)!;

        // Cells are numbered by district code, motion class and quarter; visiting the district codes in the ordinal order of
        // their names (no district first) gives the cells in the order of the result, with no sort of the cells.
        var districts = new int[batch.Districts.Count];
        for (var code = 0; code < districts.Length; code++)
        {
            districts[code] = code;
        }

        Array.Sort(districts, (x, y) => string.CompareOrdinal(batch.Districts[x], batch.Districts[y]));
        var cells = ImmutableArray.CreateBuilder<PipelineCell>();
        foreach (var code in districts)
        {
            for (var motion = 0; motion < 2; motion++)
            {
                for (var quarter = 0; quarter < batch.Quarters; quarter++)
                {
                    var cell = (((code * 2) + motion) * batch.Quarters) + quarter;
                    var count = (long)total.Counts[(cell * 3) + 0] + total.Counts[(cell * 3) + 1] + total.Counts[(cell * 3) + 2];
                    if (count == 0)
                    {
                        continue;
                    }

                    var index = quarter + batch.FirstQuarter;
                    cells.Add(new PipelineCell(
                        batch.Districts[code],
                        motion == 0 ? MotionClass.Hunting : MotionClass.Farming,
                        new Quarter(index / 4, (index % 4) + 1),
                        count,
                        total.Counts[(cell * 3) + (int)DealOutcome.Open],
                        total.Counts[(cell * 3) + (int)DealOutcome.Won],
                        total.Counts[(cell * 3) + (int)DealOutcome.Lost],
                        total.Value((cell * 3) + (int)DealOutcome.Open),
                        total.Value((cell * 3) + (int)DealOutcome.Won),
                        total.Value((cell * 3) + (int)DealOutcome.Lost),
                        total.CycleDays[cell]));
                }
            }
        }

        return cells.DrainToImmutable();
    }

    /// <summary>Sums a batch into per-cell totals on the cores; <see langword="null"/> when a value sum overflows <typeparamref name="TSum"/>.</summary>
    private static ColumnTotals<TSum>? Totals<TSum>(OpportunityBatch batch, int cellCount, int parts, CancellationToken cancellationToken)
        where TSum : struct, IBinaryInteger<TSum>
    {
        var partials = new ColumnTotals<TSum>?[parts];
        ParallelParts.Run(parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, part =>
        {
            var (from, to) = Range(batch.Count, parts, part);
            partials[part] = ColumnTotals<TSum>.Sum(batch, cellCount, from, to, cancellationToken);
        });

        var total = partials[0];
        for (var part = 1; part < parts && total is not null; part++)
        {
            total = partials[part] is { } partial ? total.Add(partial) : null;
        }

        return total;
    }

    /// <summary>How many parts a cube of <paramref name="count"/> deals is split into: one below <see cref="ParallelThreshold"/> deals, otherwise one per <see cref="ParallelThreshold"/> deals, at most one per thread allowed.</summary>
    internal static int Partitions(int count, int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, $"'{nameof(maxDegreeOfParallelism)}' must be -1 (all cores) or positive; got {maxDegreeOfParallelism}.");
        }

        var cores = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        return count < ParallelThreshold ? 1 : Math.Max(1, Math.Min(cores, count / ParallelThreshold));
    }

    private static (int From, int To) Range(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    /// <summary>The per-cell totals of a batch, whatever the width of their value sums.</summary>
    private interface IColumnTotals
    {
        int[] Counts { get; }

        long[] CycleDays { get; }

        /// <summary>Gets a value sum as money.</summary>
        decimal Value(int slot);
    }

    /// <summary>Per-cell sums of one partition of a batch: counts and amounts by outcome, won cycle days.</summary>
    /// <typeparam name="TSum">The integer the value sums (in ten-thousandths) are kept in: <see cref="long"/>, or <see cref="Int128"/> when that overflows.</typeparam>
    private sealed class ColumnTotals<TSum> : IColumnTotals
        where TSum : struct, IBinaryInteger<TSum>
    {
        private ColumnTotals(int cells)
        {
            Counts = new int[cells * 3];
            Amounts = new TSum[cells * 3];
            CycleDays = new long[cells];
        }

        /// <summary>Gets the deals of each slot: a batch holds fewer than 2^31 deals, so they fit an <see cref="int"/>.</summary>
        public int[] Counts { get; }

        public TSum[] Amounts { get; }

        public long[] CycleDays { get; }

        public decimal Value(int slot) => OpportunityBatch.Money(Int128.CreateTruncating(Amounts[slot]));

        /// <summary>Sums deals <paramref name="from"/> to <paramref name="to"/>; <see langword="null"/> when a value sum overflows.</summary>
        /// <remarks>
        /// The hot loop reads the columns and writes the tables without bounds checks: a batch is immutable, its columns
        /// hold <see cref="OpportunityBatch.Count"/> deals each (so every index in <c>[from, to)</c> is inside them), every
        /// cell number is below <see cref="OpportunityBatch.CellCount"/> and every outcome below 3 (both set by
        /// <see cref="OpportunityBatch.From(ReadOnlySpan{Opportunity})"/>, which refuses a batch whose cell numbers overflow), so
        /// every slot is inside the tables sized here. Counts and cycle days cannot overflow (a partition holds fewer than
        /// 2^31 deals, a cycle is under 2^22 days), so only the value sums are checked.
        /// </remarks>
        public static ColumnTotals<TSum>? Sum(OpportunityBatch batch, int cells, int from, int to, CancellationToken cancellationToken)
        {
            Debug.Assert(from >= 0 && from <= to && to <= batch.Count && cells == batch.CellCount, "A partition lies inside its batch.");
            var totals = new ColumnTotals<TSum>(cells);
            ref var counts = ref MemoryMarshal.GetArrayDataReference(totals.Counts);
            ref var amounts = ref MemoryMarshal.GetArrayDataReference(totals.Amounts);
            ref var cycleDays = ref MemoryMarshal.GetArrayDataReference(totals.CycleDays);
            ref var cellOf = ref MemoryMarshal.GetArrayDataReference(batch.Cells);
            ref var outcomes = ref MemoryMarshal.GetArrayDataReference(batch.Outcomes);
            ref var values = ref MemoryMarshal.GetArrayDataReference(batch.Amounts);
            ref var cycles = ref MemoryMarshal.GetArrayDataReference(batch.Cycles);
            try
            {
                for (var start = from; start < to; start += CheckEvery + 1)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var end = (int)Math.Min(to, (long)start + CheckEvery + 1);
                    for (var i = start; i < end; i++)
                    {
                        // Branch-free: outcome selects the slot; a cycle is 0 unless the deal was won.
                        var cell = Unsafe.Add(ref cellOf, i);
                        var slot = (cell * 3) + Unsafe.Add(ref outcomes, i);
                        unchecked
                        {
                            Unsafe.Add(ref counts, slot)++;
                            Unsafe.Add(ref cycleDays, cell) += Unsafe.Add(ref cycles, i);
                        }

                        Unsafe.Add(ref amounts, slot) += TSum.CreateTruncating(Unsafe.Add(ref values, i));
                    }
                }
            }
            catch (OverflowException)
            {
                return null;
            }

            return totals;
        }

        /// <summary>Adds another partition's totals; <see langword="null"/> when a value sum overflows.</summary>
        public ColumnTotals<TSum>? Add(ColumnTotals<TSum> other)
        {
            try
            {
                for (var i = 0; i < Counts.Length; i++)
                {
                    Counts[i] += other.Counts[i];
                    Amounts[i] += other.Amounts[i];
                }
            }
            catch (OverflowException)
            {
                return null;
            }

            for (var i = 0; i < CycleDays.Length; i++)
            {
                CycleDays[i] += other.CycleDays[i];
            }

            return this;
        }
    }

    /// <summary>Cube cells keyed by (district, motion class, quarter) from records, one per partition.</summary>
    /// <remarks>
    /// The hot loop avoids hashing strings and computing calendar dates per deal: districts are looked
    /// up by reference in a small cache in front of an ordinal dictionary, and each creation day's
    /// quarter comes from a table built as days are seen. Cells are keyed by one packed integer.
    /// </remarks>
    internal sealed class RecordCube
    {
        private const int CacheSlots = 64;
        private readonly Dictionary<long, int> index = [];
        private readonly List<Totals> totals = [];
        private readonly List<(string? District, int Motion, int Quarter)> keys = [];
        private readonly Dictionary<string, int> districtCodes = new(StringComparer.Ordinal);
        private readonly List<string?> districts = [null];
        private readonly (string? District, int Code)[] districtCache = new (string?, int)[CacheSlots];
        private int[] quarterOfDay = [];
        private int firstDay;

        /// <summary>Gets the days the quarter table covers: <c>Days</c> of them from <c>FirstDay</c> (none before the first deal).</summary>
        internal (int FirstDay, int Days) QuarterTable => (firstDay, quarterOfDay.Length);

        public void Add(Opportunity deal)
        {
            var created = deal.CreatedOn.DayNumber;
            var motion = DealClass.MotionIndex(deal.Motion);
            ref var cell = ref Cell(DistrictCode(deal.District), motion, QuarterOf(created));
            var amount = deal.Amount ?? 0m;
            cell.Count++;
            switch (deal.Outcome)
            {
                case DealOutcome.Open:
                    cell.Open++;
                    cell.OpenValue += amount;
                    break;
                case DealOutcome.Won:
                    cell.Won++;
                    cell.WonValue += amount;
                    cell.CycleDays += DealClass.CycleDays(deal.CreatedOn, deal.ClosedOn!.Value);
                    break;
                default:
                    cell.Lost++;
                    cell.LostValue += amount;
                    break;
            }
        }

        private ref Totals Cell(int district, int motion, int quarter)
        {
            var packed = ((((long)district * 2) + motion) << 20) | (uint)quarter;
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, packed, out var exists);
            if (!exists)
            {
                at = totals.Count;
                totals.Add(default);
                keys.Add((districts[district], motion, quarter));
            }

            return ref CollectionsMarshal.AsSpan(totals)[at];
        }

        /// <summary>0 for no district; otherwise a code per distinct district text.</summary>
        private int DistrictCode(string? district)
        {
            if (district is null)
            {
                return 0;
            }

            ref var slot = ref districtCache[RuntimeHelpers.GetHashCode(district) & (CacheSlots - 1)];
            if (ReferenceEquals(slot.District, district))
            {
                return slot.Code;
            }

            if (!districtCodes.TryGetValue(district, out var code))
            {
                code = districts.Count;
                districts.Add(district);
                districtCodes.Add(district, code);
            }

            slot = (district, code);
            return code;
        }

        /// <summary>The quarter index (year × 4 + quarter − 1) of a day, from a table that grows to cover the days seen.</summary>
        private int QuarterOf(int day)
        {
            var offset = day - firstDay;
            if (unchecked((uint)offset) < (uint)quarterOfDay.Length)
            {
                return quarterOfDay[offset];
            }

            return Cover(day) ? quarterOfDay[day - firstDay] : DealClass.QuarterIndex(DateOnly.FromDayNumber(day));
        }

        /// <summary>Extends the table to <paramref name="day"/> unless it would span more than a century: outliers are computed directly.</summary>
        private bool Cover(int day)
        {
            const int MaxTableDays = 36_525;
            var from = quarterOfDay.Length == 0 ? day : Math.Min(firstDay, day);
            var to = quarterOfDay.Length == 0 ? day : Math.Max(firstDay + quarterOfDay.Length - 1, day);
            if (to - from > MaxTableDays)
            {
                return false;
            }

            from = Math.Max(DateOnly.MinValue.DayNumber, from - 366);
            to = Math.Min(DateOnly.MaxValue.DayNumber, to + 366);
            var table = new int[to - from + 1];
            for (var d = from; d <= to; d++)
            {
                table[d - from] = DealClass.QuarterIndex(DateOnly.FromDayNumber(d));
            }

            (quarterOfDay, firstDay) = (table, from);
            return true;
        }

        public void Merge(RecordCube other)
        {
            for (var i = 0; i < other.keys.Count; i++)
            {
                var (district, motion, quarter) = other.keys[i];
                ref var cell = ref Cell(DistrictCode(district), motion, quarter);
                var theirs = other.totals[i];
                cell.Count += theirs.Count;
                cell.Open += theirs.Open;
                cell.Won += theirs.Won;
                cell.Lost += theirs.Lost;
                cell.OpenValue += theirs.OpenValue;
                cell.WonValue += theirs.WonValue;
                cell.LostValue += theirs.LostValue;
                cell.CycleDays += theirs.CycleDays;
            }
        }

        public ImmutableArray<PipelineCell> Cells() =>
        [
            .. keys.Select((key, i) => (Key: key, Totals: totals[i]))
                .OrderBy(c => c.Key.District, StringComparer.Ordinal)
                .ThenBy(c => c.Key.Motion)
                .ThenBy(c => c.Key.Quarter)
                .Select(c => new PipelineCell(
                    c.Key.District,
                    c.Key.Motion == 0 ? MotionClass.Hunting : MotionClass.Farming,
                    new Quarter(c.Key.Quarter / 4, (c.Key.Quarter % 4) + 1),
                    c.Totals.Count,
                    c.Totals.Open,
                    c.Totals.Won,
                    c.Totals.Lost,
                    c.Totals.OpenValue,
                    c.Totals.WonValue,
                    c.Totals.LostValue,
                    c.Totals.CycleDays)),
        ];

        private struct Totals
        {
            public long Count, Open, Won, Lost, CycleDays;
            public decimal OpenValue, WonValue, LostValue;
        }
    }
}
