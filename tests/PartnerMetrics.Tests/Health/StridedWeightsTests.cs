using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Health;

/// <summary>The weights of a recency table laid out for a history's step add up to the table's own weights, exactly.</summary>
public class StridedWeightsTests
{
    /// <summary>
    /// Any half-life, step and items: each point's sum is the 128-bit sum of <see cref="RecencyTable.Weight"/>
    /// at the item's age on that point. Half-lives run from an hour to 50 years, so ages beyond the
    /// tabulated 4,096 days and past the last weight (40 half-lives) both occur.
    /// </summary>
    [Property]
    public Property Sum_IsTheSumOfTheTablesWeights() =>
        Prop.ForAll(
            (from halfLife in ModelGenerators.HalfLife
             from step in Gen.Choose(1, 400)
             from points in Gen.Choose(1, 60)
             from items in Gen.ListOf(
                 from start in Gen.Choose(0, points - 1)
                 from length in Gen.Choose(1, points - start)
                 from age in Gen.Choose(0, 6000)
                 select (Age: age, Start: start, Stop: start + length))
             select (halfLife, step, points, items: items.ToArray())).ToArbitrary(),
            c =>
            {
                var table = new RecencyTable(c.halfLife);
                var oldest = c.items.Length == 0 ? 0 : c.items.Max(item => item.Age + ((item.Stop - 1 - item.Start) * c.step));
                var expected = new Int128[c.points];
                foreach (var (age, start, stop) in c.items)
                {
                    for (var k = start; k < stop; k++)
                    {
                        expected[k] += table.Weight(age + ((k - start) * c.step));
                    }
                }

                Assert.Equal(expected, Sum(new StridedWeights(table, c.step, oldest), c.items, c.points));
            });

    [Fact]
    public void Sum_OfMoreWeightsThanALimbHolds_CarriesThem()
    {
        // 40,000 weights of 2^100 units (age 0) at one point: the high limbs, 2^50 each, would pass 2^64
        // after 16,384 of them; carried every 16,383, the sum is exact.
        var table = new RecencyTable(TimeSpan.FromDays(90));
        var items = Enumerable.Repeat((Age: 0, Start: 0, Stop: 1), 40_000).ToArray();

        Assert.Equal([40_000 * (Int128)FixedPoint.Unit], Sum(new StridedWeights(table, 7, 0), items, 1));
    }

    [Fact]
    public void Strided_KeepsTheLongestLayoutOfAStep()
    {
        var table = new RecencyTable(TimeSpan.FromDays(90));

        var first = table.Strided(7, 100);
        var shorter = table.Strided(7, 50);
        var longer = table.Strided(7, 200);
        var within = table.Strided(7, 150);
        var daily = table.Strided(1, 10);

        Assert.Same(first, shorter);
        Assert.Equal((7, 200), (longer.Step, longer.Oldest));
        Assert.Same(longer, within);

        // One step is kept at a time: another step replaces it.
        Assert.Equal((1, 10), (daily.Step, daily.Oldest));
        Assert.Equal((7, 150), (table.Strided(7, 150).Step, table.Strided(7, 150).Oldest));

        // Longer than is kept: laid out for the one history, not kept for the next.
        var ancient = table.Strided(1, 1 << 17);
        Assert.NotSame(ancient, table.Strided(1, 1 << 17));
        Assert.Equal((1, 1 << 17), (ancient.Step, ancient.Oldest));
    }

    /// <summary>The items' sums as the history adds them: item by item, carried after every <see cref="StridedWeights.MaxTerms"/> items and at the end.</summary>
    private static Int128[] Sum(StridedWeights weights, (int Age, int Start, int Stop)[] items, int points)
    {
        var sums = new Tally[points];
        var limbs = new ulong[2 * points];
        var terms = 0;
        foreach (var (age, start, stop) in items)
        {
            if (terms == StridedWeights.MaxTerms)
            {
                StridedWeights.Carry(limbs, sums, 1);
                Array.Clear(limbs);
                terms = 0;
            }

            weights.Add(age, start, stop, limbs);
            terms++;
        }

        StridedWeights.Carry(limbs, sums, 1);
        return [.. sums.Select(tally => (Int128)tally.Weight)];
    }
}
