using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>DOMAIN.md rules 13 and 14: mergeable accumulators, and metrics in their ranges.</summary>
public class PipelineRulesTests
{
    private static readonly PipelineOptions Options = new() { RemainingTarget = 1_000_000m, TopPartners = 3 };

    /// <summary>Deals, cut into shards at random places, and a seed for the merge order.</summary>
    private static Arbitrary<(Opportunity[] Deals, int[] Cuts, int Seed)> Sharded { get; } =
        (from deals in ModelGenerators.Deals
         from cuts in Gen.Choose(0, deals.Length).ListOf()
         from seed in Gen.Choose(int.MinValue, int.MaxValue)
         select (deals, cuts.Order().ToArray(), seed)).ToArbitrary();

    /// <summary>
    /// Rule 13's second clause for retention: accumulators over different windows (another start, another end, or both)
    /// never merge — the merge throws, naming <c>other</c>, and leaves the target as it was; over the same window they do.
    /// </summary>
    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_RetentionOverAnotherWindow_NeverMerges() =>
        Prop.ForAll(
            (from mine in ModelGenerators.Snapshots
             from theirs in ModelGenerators.Snapshots
             from start in Gen.Choose(new DateOnly(2016, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber)
             from length in Gen.Choose(0, 3 * 365)
             from which in Gen.Choose(0, 2)
             from shift in Gen.Choose(1, 400)
             select (mine, theirs, DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(start + length), which, shift)).ToArbitrary(),
            t =>
            {
                var (mine, theirs, start, end, which, shift) = t;
                var (otherStart, otherEnd) = which switch
                {
                    0 => (start.AddDays(-shift), end),
                    1 => (start, end.AddDays(shift)),
                    _ => (start.AddDays(shift), end.AddDays(shift)),
                };
                var target = new RetentionAccumulator(start, end);
                target.AddRange(mine);
                var before = target.Result();
                var other = new RetentionAccumulator(otherStart, otherEnd);
                other.AddRange(theirs);

                var error = Assert.Throws<ArgumentException>(() => target.Merge(other));

                Assert.Equal("other", error.ParamName);
                Assert.Equal(before, target.Result());
                var same = new RetentionAccumulator(start, end);
                same.AddRange(theirs);
                target.Merge(same);
            });

    /// <summary>
    /// Rule 13's second clause for groupings: a grouping by another key function — another method, or one lambda that
    /// captured another value (even an equal one: another object) — or with another comparer never merges: the merge
    /// throws, naming <c>other</c>, and leaves the target as it was; by the same key delegate and comparer it merges, to
    /// the single pass.
    /// </summary>
    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_GroupingsByAnotherKeyOrComparer_NeverMerge() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from cut in Gen.Choose(0, deals.Length)
             from days in Gen.Choose(0, 400)
             from which in Gen.Choose(0, 3)
             select (deals, cut, days, which)).ToArbitrary(),
            t =>
            {
                var (deals, cut, days, which) = t;
                var key = ClosedWithin(days);
                GroupedPipelineAccumulator<string> Grouping(Func<Opportunity, string?> by, IEqualityComparer<string>? comparer, IEnumerable<Opportunity> part)
                {
                    var grouping = new GroupedPipelineAccumulator<string>(by, comparer);
                    grouping.AddRange(part);
                    return grouping;
                }

                var target = Grouping(key, null, deals[..cut]);
                var before = target.Result(Options);
                var other = which switch
                {
                    0 => Grouping(ClosedWithin(days), null, deals[cut..]),
                    1 => Grouping(ClosedWithin(days + 1), null, deals[cut..]),
                    2 => Grouping(PipelineKeys.District, null, deals[cut..]),
                    _ => Grouping(key, StringComparer.OrdinalIgnoreCase, deals[cut..]),
                };

                var error = Assert.Throws<ArgumentException>(() => target.Merge(other));

                Assert.Equal("other", error.ParamName);
                Assert.Equal(before, target.Result(Options));
                target.Merge(Grouping(key, null, deals[cut..]));
                Assert.Equal(Grouping(key, null, deals).Result(Options), target.Result(Options));
            });

    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_AnySplitMergedInAnyOrderEqualsOnePass() =>
        Prop.ForAll(Sharded, t =>
        {
            var single = new PipelineAccumulator();
            single.AddRange(t.Deals);

            var shards = Split(t.Deals, t.Cuts).Select(part =>
            {
                var shard = new PipelineAccumulator();
                shard.AddRange(part);
                return shard;
            }).ToList();

            Assert.Equal(single.Result(Options), MergeInRandomOrder(shards, new Random(t.Seed), (a, b) => a.Merge(b), () => new PipelineAccumulator()).Result(Options));
            Assert.Equal(single.Result(Options), MergeAsTree(shards, (a, b) => a.Merge(b), () => new PipelineAccumulator()).Result(Options));

            // Shards shipped between machines as JSON merge to the same answer.
            var shipped = shards.Select(s => PartnerMetricsJson.Deserialize<PipelineAccumulator>(PartnerMetricsJson.Serialize(s))).ToList();
            Assert.Equal(single.Result(Options), MergeInRandomOrder(shipped, new Random(t.Seed), (a, b) => a.Merge(b), () => new PipelineAccumulator()).Result(Options));
        });

    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_GroupedShardsMergeToTheSinglePassGrouping() =>
        Prop.ForAll(Sharded, t =>
        {
            static (string?, MotionClass, Quarter) Key(Opportunity o) => PipelineExamples.DistrictClassQuarter(o);
            var single = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
            single.AddRange(t.Deals);
            var shards = Split(t.Deals, t.Cuts).Select(part =>
            {
                var shard = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
                shard.AddRange(part);
                return shard;
            }).ToList();

            var merged = MergeInRandomOrder(shards, new Random(t.Seed), (a, b) => a.Merge(b), () => new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key));

            Assert.Equal(single.Result(Options), merged.Result(Options));
            Assert.Equal(PipelineAnalytics.Summarize(t.Deals, Options), merged.Result(Options).Total);
        });

    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_RetentionAndBrandEquityDebtShardsMergeToOnePass() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from snapshots in ModelGenerators.Snapshots
             from cuts in Gen.Choose(0, snapshots.Length).ListOf()
             from start in Gen.Choose(new DateOnly(2017, 1, 1).DayNumber, new DateOnly(2025, 1, 1).DayNumber)
             from length in Gen.Choose(0, 800)
             from seed in Gen.Choose(int.MinValue, int.MaxValue)
             select (deals, snapshots, cuts.Order().ToArray(), start, length, seed)).ToArbitrary(),
            t =>
            {
                var (deals, snapshots, cuts, start, length, seed) = t;
                var (from, to) = (DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(start + length));
                var retention = new RetentionAccumulator(from, to);
                retention.AddRange(snapshots);
                var debt = new BrandEquityDebtAccumulator();
                Array.ForEach(deals, debt.Add);
                Array.ForEach(snapshots, debt.Add);

                var retentionShards = Split(snapshots, cuts).Select(part =>
                {
                    var shard = new RetentionAccumulator(from, to);
                    shard.AddRange(part);
                    return shard;
                }).ToList();
                var debtShards = Split(snapshots, cuts).Select((part, i) =>
                {
                    var shard = new BrandEquityDebtAccumulator();
                    Array.ForEach(part, shard.Add);
                    if (i == 0)
                    {
                        Array.ForEach(deals, shard.Add);
                    }

                    return shard;
                }).ToList();

                Assert.Equal(retention.Result(), MergeInRandomOrder(retentionShards, new Random(seed), (a, b) => a.Merge(b), () => new RetentionAccumulator(from, to)).Result());
                Assert.Equal(debt.Result(), MergeInRandomOrder(debtShards, new Random(seed), (a, b) => a.Merge(b), () => new BrandEquityDebtAccumulator()).Result());

                // Shipped as JSON between machines, they merge to the same answer.
                var shippedRetention = retentionShards.Select(s => PartnerMetricsJson.Deserialize<RetentionAccumulator>(PartnerMetricsJson.Serialize(s))).ToList();
                var shippedDebt = debtShards.Select(s => PartnerMetricsJson.Deserialize<BrandEquityDebtAccumulator>(PartnerMetricsJson.Serialize(s))).ToList();
                Assert.Equal(retention.Result(), MergeInRandomOrder(shippedRetention, new Random(seed), (a, b) => a.Merge(b), () => new RetentionAccumulator(from, to)).Result());
                Assert.Equal(debt.Result(), MergeInRandomOrder(shippedDebt, new Random(seed), (a, b) => a.Merge(b), () => new BrandEquityDebtAccumulator()).Result());
            });

    /// <summary>
    /// Two snapshots of one account on one day are an error exactly when that day is read, so the verdict — a result or
    /// the same message — is the one pass's whatever the order of the snapshots, the split into shards, the order of
    /// the merges and a trip through JSON. A few accounts over a few weeks around a short window make such days common;
    /// the general generator keeps one snapshot a day and would almost never make one.
    /// </summary>
    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_TwoSnapshotsOfADay_GiveTheSameVerdict_InAnyOrderAndSplit() =>
        Prop.ForAll(
            (from length in Gen.Choose(0, 10)
             from snapshots in (from account in Gen.Choose(1, 4)
                                from offset in Gen.Choose(-8, 14)
                                from arr in Gen.Elements(0m, 5m, 6m, 7m)
                                select (account, offset, arr)).ListOf()
             from cuts in Gen.Choose(0, snapshots.Count).ListOf()
             from seed in Gen.Choose(int.MinValue, int.MaxValue)
             select (length, snapshots.ToArray(), cuts.Order().ToArray(), seed)).ToArbitrary(),
            t =>
            {
                var (length, items, cuts, seed) = t;
                var (from, to) = (new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1).AddDays(length));
                var snapshots = items.Select(i => new RevenueSnapshot(new AccountId($"A-{i.account}"), from.AddDays(i.offset), i.arr)).ToArray();
                var onePass = new RetentionAccumulator(from, to);
                onePass.AddRange(snapshots);

                var shuffled = snapshots.ToArray();
                new Random(seed).Shuffle(shuffled);
                var shards = Split(shuffled, cuts).Select(part =>
                {
                    var shard = new RetentionAccumulator(from, to);
                    shard.AddRange(part);
                    return PartnerMetricsJson.Deserialize<RetentionAccumulator>(PartnerMetricsJson.Serialize(shard))!;
                }).ToList();
                var merged = MergeInRandomOrder(shards, new Random(seed), (a, b) => a.Merge(b), () => new RetentionAccumulator(from, to));

                // The oracle: a day is read when it is an account's latest on or before the start or the end.
                var read = snapshots.Where(s => s.Date <= to).GroupBy(s => s.AccountId)
                    .SelectMany(g => new[] { g.Where(s => s.Date <= from).Select(s => (DateOnly?)s.Date).Max(), g.Max(s => s.Date) }.OfType<DateOnly>().Select(day => (g.Key, day)))
                    .ToHashSet();
                var twice = snapshots.CountBy(s => (s.AccountId, s.Date)).Any(c => c.Value > 1 && read.Contains(c.Key));

                Assert.Equal(twice, Verdict(onePass).StartsWith("Two revenue snapshots", StringComparison.Ordinal));
                Assert.Equal(Verdict(onePass), Verdict(merged));
            });

    [Property]
    [Trait("Rule", "14")]
    public Property Rule14_RatesSharesAndIndicesStayInTheirRanges() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from snapshots in ModelGenerators.Snapshots
             from start in Gen.Choose(new DateOnly(2017, 1, 1).DayNumber, new DateOnly(2025, 1, 1).DayNumber)
             select (deals, snapshots, start)).ToArbitrary(),
            t =>
            {
                var result = PipelineAnalytics.Summarize(t.deals, Options);
                foreach (var rate in new[] { result.WinRateByCount, result.WinRateByValue, result.HuntingShareByCount, result.HuntingShareByValue, result.DealFlowReciprocity, result.TopPartnerShare, result.TopCustomerShare, result.RepeatBusinessRate })
                {
                    Assert.True(rate is null || (rate >= 0 && rate <= 1), $"{rate} outside [0, 1]");
                }

                var partners = t.deals.Where(d => d is { Outcome: DealOutcome.Won, PartnerId: not null, Amount: > 0 }).Select(d => d.PartnerId).Distinct().Count();
                if (result.PartnerConcentration is { } hhi)
                {
                    Assert.InRange(hhi, (10_000.0 / partners) - 1e-9, 10_000.0 + 1e-9);
                }

                // The customers' index likewise: from 10,000 / n for n customers that won value to 10,000 for one.
                var customers = t.deals.Where(d => d is { Outcome: DealOutcome.Won, Amount: > 0 }).Select(d => d.AccountId).Distinct().Count();
                Assert.Equal(customers == 0, result.CustomerConcentration is null);
                if (result.CustomerConcentration is { } customerHhi)
                {
                    Assert.InRange(customerHhi, (10_000.0 / customers) - 1e-9, 10_000.0 + 1e-9);
                }

                Assert.True(result.RouteConcentration is null || result.RouteConcentration is >= (10_000.0 / 3) - 1e-9 and <= 10_000.0 + 1e-9);
                Assert.Equal(result.WonCount + result.LostCount == 0, result.WinRateByCount is null);

                var retention = new RetentionAccumulator(DateOnly.FromDayNumber(t.start), DateOnly.FromDayNumber(t.start + 365));
                retention.AddRange(t.snapshots);
                var r = retention.Result();
                Assert.True(r.GrossRevenueRetention is null || r.GrossRevenueRetention is >= 0 and <= 1, $"GRR {r.GrossRevenueRetention}");
                Assert.True(r.NetRevenueRetention is null || r.NetRevenueRetention >= 0, $"NRR {r.NetRevenueRetention}");
                Assert.True(r.NetRevenueRetention is null || r.NetRevenueRetention >= r.GrossRevenueRetention, "NRR below GRR");
            });

    [Property]
    [Trait("Rule", "14")]
    public Property Rule14_HhiIsTenThousandForOnePartnerAndTenThousandOverNForNEqualPartners() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 25)
             from dealsEach in Gen.Choose(1, 4)
             from cents in Gen.Choose(1, 10_000_000)
             from accountPerPartner in ArbMap.Default.GeneratorFor<bool>()
             select (n, dealsEach, amount: cents / 100m, accountPerPartner)).ToArbitrary(),
            t =>
            {
                // Every partner's deals with one customer of its own (n equal customers), or all with the same customer.
                var deals = Enumerable.Range(0, t.n).SelectMany(p => Enumerable.Range(0, t.dealsEach).Select(k => new Opportunity(
                    new OpportunityId($"O-{p}-{k}"), new AccountId(t.accountPerPartner ? $"A-{p}" : "A"), new DateOnly(2025, 1, 1), DealMotion.Renewal, DealSource.CoSell, RouteToMarket.Partner,
                    DealOutcome.Won, t.amount, new PartnerId($"P-{p}"), closedOn: new DateOnly(2025, 2, 1))));

                var result = PipelineAnalytics.Summarize(deals);

                Assert.Equal(10_000.0 / t.n, result.PartnerConcentration!.Value, 1e-9);
                Assert.Equal(10_000.0, result.RouteConcentration!.Value, 1e-9);
                Assert.Equal(t.accountPerPartner ? 10_000.0 / t.n : 10_000.0, result.CustomerConcentration!.Value, 1e-9);
            });

    private static string Verdict(RetentionAccumulator accumulator)
    {
        try
        {
            return accumulator.Result().ToString();
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }

    internal static List<T[]> Split<T>(T[] items, int[] cuts)
    {
        var parts = new List<T[]>();
        var from = 0;
        foreach (var cut in cuts.Append(items.Length))
        {
            parts.Add(items[from..Math.Max(from, cut)]);
            from = Math.Max(from, cut);
        }

        return parts;
    }

    private static T MergeInRandomOrder<T>(List<T> shards, Random random, Action<T, T> merge, Func<T> empty)
    {
        var order = shards.ToArray();
        random.Shuffle(order);
        var result = empty();
        foreach (var shard in order)
        {
            merge(result, shard);
        }

        return result;
    }

    private static T MergeAsTree<T>(List<T> shards, Action<T, T> merge, Func<T> empty)
    {
        var level = shards.Count == 0 ? [empty()] : shards.ToList();
        while (level.Count > 1)
        {
            var next = new List<T>();
            for (var i = 0; i < level.Count; i += 2)
            {
                var left = empty();
                merge(left, level[i]);
                if (i + 1 < level.Count)
                {
                    merge(left, level[i + 1]);
                }

                next.Add(left);
            }

            level = next;
        }

        return level[0];
    }

    /// <summary>A key function that captures a value: each call makes another delegate of one method, on another object.</summary>
    private static Func<Opportunity, string?> ClosedWithin(int days) =>
        deal => deal.ClosedOn is not { } closed ? null : closed.DayNumber - deal.CreatedOn.DayNumber <= days ? "fast" : "slow";
}
