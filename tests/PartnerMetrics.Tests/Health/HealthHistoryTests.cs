using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>The one-sweep history equals independent scores at every point, exactly (DOMAIN rule 19).</summary>
public class HealthHistoryTests
{
    private static readonly HealthScorer Scorer = new();

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "19")]
    public void History_EqualsScoreAtEveryPoint(HistoryCase c)
    {
        var scorer = new HealthScorer(c.Model);

        var history = scorer.History(c.Partnership, c.From, c.To, TimeSpan.FromDays(c.Step));

        Assert.Equal(c.Points, history.Length);
        for (var k = 0; k < history.Length; k++)
        {
            AssertSame(scorer.Score(c.Partnership, c.From.AddDays(k * c.Step)), history[k]);
        }
    }

    /// <summary>
    /// A promise kept without its day recorded counts on its due day — for trust and, as any resolved commitment, as
    /// activity: every report of a history is the same whether a kept commitment's day is recorded as its due day or not
    /// recorded. Before, trust dated it at the due day but the weekly cadence did not count it at all, so a partner whose
    /// CRM leaves "completed" blank read Stalled with a cadence of 0.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void AKeptCommitmentWithoutItsDay_CountsAsKeptOnItsDueDay(HistoryCase c)
    {
        var scorer = new HealthScorer(c.Model);
        var recorded = c.Partnership.With(commitments: c.Partnership.Commitments.Select(k => k.Outcome == CommitmentOutcome.Kept ? new Commitment(k.PromisedBy, k.DueOn, k.Outcome, k.DueOn, k.Description) : k));
        var unrecorded = c.Partnership.With(commitments: c.Partnership.Commitments.Select(k => k.Outcome == CommitmentOutcome.Kept ? new Commitment(k.PromisedBy, k.DueOn, k.Outcome, null, k.Description) : k));

        var expected = scorer.History(recorded, c.From, c.To, TimeSpan.FromDays(c.Step));
        var actual = scorer.History(unrecorded, c.From, c.To, TimeSpan.FromDays(c.Step));

        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal((expected[k].Score, expected[k].Confidence, expected[k].Band), (actual[k].Score, actual[k].Confidence, actual[k].Band));
            Assert.Equal(expected[k].Factors.Select(f => (f.Code, f.Value, f.Confidence)), actual[k].Factors.Select(f => (f.Code, f.Value, f.Confidence)));
        }
    }

    /// <summary>A trend is its history without the reports: each point the score, confidence and band of the report on its day, to the last bit.</summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "19")]
    public void Trend_IsTheHeadlineOfEachPointOfTheHistory(HistoryCase c)
    {
        var scorer = new HealthScorer(c.Model);
        var step = TimeSpan.FromDays(c.Step);

        var trend = scorer.Trend(c.Partnership, c.From, c.To, step);

        var history = scorer.History(c.Partnership, c.From, c.To, step);
        Assert.Equal(history.Length, trend.Length);
        for (var k = 0; k < trend.Length; k++)
        {
            var (report, point) = (history[k], trend[k]);
            Assert.Equal(report.AsOf, point.AsOf);
            Assert.Equal(BitConverter.DoubleToInt64Bits(report.Score), BitConverter.DoubleToInt64Bits(point.Score));
            Assert.Equal(BitConverter.DoubleToInt64Bits(report.Confidence), BitConverter.DoubleToInt64Bits(point.Confidence));
            Assert.Equal(report.Band, point.Band);
        }
    }

    [Fact]
    public void Trend_WhenTheVendorBreaksEveryPromise_IsCappedAtWatchAsTheHistoryIs()
    {
        // The weakest link caps each point's band without any signal being written.
        var partnership = WeakestLinkTests.VendorBreaksEveryPromise();

        var trend = Scorer.Trend(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7));

        Assert.Equal(HealthBand.Watch, trend[^1].Band);
        Assert.Equal(Scorer.History(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7)).Select(r => r.Band), trend.Select(p => p.Band));
    }

    [Fact]
    public void History_WorkedExample_WeeklyOverAYear()
    {
        var history = Scorer.History(WorkedExample(), T.AddDays(-364), T, TimeSpan.FromDays(7));

        Assert.Equal(53, history.Length);
        Assert.Equal(T, history[^1].AsOf);
        for (var k = 0; k < history.Length; k++)
        {
            AssertSame(Scorer.Score(WorkedExample(), history[k].AsOf), history[k]);
        }
    }

    [Fact]
    public void History_FromCenturiesBeforeTheEvidence_EqualsScore()
    {
        // 1600-01-01 lies over 1,024 trust half-lives (180 days) before the evidence: a weight scaled
        // relative to the first point, 2^((d − from) / H), would overflow a double.
        AssertHistoryEqualsScore(Scorer, WorkedExample(), new DateOnly(1600, 1, 1), T, 30);
    }

    [Fact]
    public void History_ThreeYearsWeeklyAtAOneDayHalfLife_EqualsScore()
    {
        // 156 weeks to T are 1,092 one-day half-lives: the evidence dated T lies beyond 2^1024 of the first point.
        var scorer = WithEveryHalfLife(TimeSpan.FromDays(1));

        AssertHistoryEqualsScore(scorer, WorkedExample(), T.AddDays(-156 * 7), T, 7);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(TimeSpan.TicksPerDay / 24)]
    [InlineData(180 * TimeSpan.TicksPerDay)]
    [InlineData(10_000_000 * TimeSpan.TicksPerDay)]
    public void History_OverEveryValidDay_EqualsScore(long halfLifeTicks)
    {
        // From the first year to the last valid day in about 10,000 points, one of them T (where evidence
        // dated T weighs 1 even at a half-life of one tick), at half-lives from one tick to about 27,000 years.
        var step = 366;
        var scorer = WithEveryHalfLife(TimeSpan.FromTicks(halfLifeTicks));

        AssertHistoryEqualsScore(scorer, WorkedExample(), DateOnly.FromDayNumber(T.DayNumber % step), DateOnly.MaxValue, step);
    }

    [Fact]
    public void History_OfMoreWeightsInOneTallyThanALimbHolds_EqualsScore()
    {
        // 20,000 partner promises kept the day before T, read weekly from T: at T each weighs about 2^100
        // units, so their high limbs (about 2^50 each) pass 2^64 unless carried.
        var kept = Enumerable.Repeat(new Commitment(Side.Partner, Day(-1), CommitmentOutcome.Kept, Day(-1)), 20_000).ToArray();

        AssertHistoryEqualsScore(new HealthScorer(), Empty().With(commitments: kept), T, T.AddDays(63), 7);
    }

    [Fact]
    public void History_OfTwoPointsLongAfterTheEvidence_EqualsScore()
    {
        // Ten years after the worked example, two points a year apart read each weight once: fewer weights
        // than laying out every age up to the oldest would read, so each is read as it is.
        AssertHistoryEqualsScore(new HealthScorer(), WorkedExample(), T.AddDays(3650), T.AddDays(4015), 365);
    }

    [Fact]
    public void Histories_OfOneScorer_AtOtherStepsAndOlderEvidence_EqualScore()
    {
        // One scorer keeps its weights laid out from one history to the next: a later history with older
        // evidence or another step must not read a layout made for the last one.
        var scorer = new HealthScorer();
        var partnership = WorkedExample();

        AssertHistoryEqualsScore(scorer, partnership, T.AddDays(-28), T, 7);
        AssertHistoryEqualsScore(scorer, partnership, T.AddDays(-28), T.AddDays(700), 7);
        AssertHistoryEqualsScore(scorer, partnership, T.AddDays(-30), T, 3);
        AssertHistoryEqualsScore(scorer, partnership, T.AddDays(-364), T, 7);
    }

    [Fact]
    public void History_OfOnePoint_ReadsTheWholeCadenceWindowBeforeIt()
    {
        // The only activity is 80 days before T: inside the oldest of the twelve weeks that end on T (days -83 to -77),
        // so a history of the one day T must read the activity of the eleven weeks before its own, as Score does.
        var partnership = Empty(400).With(interactions: [new Interaction(Day(-80), InteractionKind.Meeting, Side.Partner)]);

        var history = Scorer.History(partnership, T, T, TimeSpan.FromDays(1));

        AssertSame(Scorer.Score(partnership, T), Assert.Single(history));
        Assert.Equal("Activity logged in 1 of the last 12 weeks.", history[0].Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Reason);
    }

    /// <summary>A sweep's two views, a report or a point per day, as one signature: they take the same arguments.</summary>
    public static TheoryData<string> Sweeps => [nameof(HealthScorer.History), nameof(HealthScorer.Trend)];

    /// <summary><see cref="HealthScorer.History"/> and <see cref="HealthScorer.Trend"/> reject the same arguments the same way, and stop for a canceled token.</summary>
    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Sweep_BadArguments_Throw(string sweep)
    {
        Func<Partnership, DateOnly, DateOnly, TimeSpan, CancellationToken, object> run = sweep == nameof(HealthScorer.History)
            ? (partnership, from, to, step, token) => Scorer.History(partnership, from, to, step, token)
            : (partnership, from, to, step, token) => Scorer.Trend(partnership, from, to, step, token);
        var partnership = Empty();

        Rejects.Field<ArgumentOutOfRangeException>(() => run(partnership, T, T.AddDays(-1), TimeSpan.FromDays(7), default), "to");
        Rejects.Field<ArgumentOutOfRangeException>(() => run(partnership, T, T, TimeSpan.Zero, default), "step");
        Rejects.Field<ArgumentOutOfRangeException>(() => run(partnership, T, T, TimeSpan.FromHours(36), default), "step", "1.12:00:00");
        Assert.Throws<ArgumentNullException>(() => run(null!, T, T, TimeSpan.FromDays(1), default));
        Assert.Throws<OperationCanceledException>(() => run(partnership, T, T, TimeSpan.FromDays(1), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void History_OverdueCommitmentTurnsBrokenOnTheDayAfterTheGracePeriod()
    {
        // Due 20 days before T with a 14-day grace: open until T − 6, overdue (broken) from T − 5, kept late on T.
        var partnership = Empty().With(commitments: [new Commitment(Side.Partner, Day(-20), CommitmentOutcome.KeptLate, Day(0))]);

        var history = Scorer.History(partnership, Day(-7), Day(0), TimeSpan.FromDays(1));

        Assert.Equal([false, false, true, true, true, true, true, false], history.Select(r => r.Factor(FactorCodes.TrustPartnerReliability)!.Value.IsPresent && r.Factor(FactorCodes.TrustPartnerReliability)!.Value.Facts.Fourth == 1));
    }

    private static void AssertHistoryEqualsScore(HealthScorer scorer, Partnership partnership, DateOnly from, DateOnly to, int step)
    {
        var history = scorer.History(partnership, from, to, TimeSpan.FromDays(step));

        Assert.Equal(((to.DayNumber - from.DayNumber) / step) + 1, history.Length);
        // Some point must see recency-weighted evidence, or the sums compared are all 0.
        Assert.Contains(history, r => r.Factor(FactorCodes.TrustPartnerReliability)!.Value.EvidenceWeight + r.Factor(FactorCodes.TrustVendorReliability)!.Value.EvidenceWeight > 0);
        for (var k = 0; k < history.Length; k++)
        {
            AssertSame(scorer.Score(partnership, from.AddDays(k * step)), history[k]);
        }
    }

    /// <summary>
    /// Asserts that two reports are the same to the last bit. Record equality compares every field by
    /// value, internal ones included (each factor's variance and counts, each dimension's share); the
    /// public numbers are compared as bits too, which tells 0 from −0, and every reason as written.
    /// </summary>
    /// <remarks>
    /// A sweep over every valid day compares about 10,000 pairs, so the bits and the reasons are compared
    /// as plain arrays first; only when they differ are the numbers named, so that the failure says which
    /// one differs first. The checks are the same either way.
    /// </remarks>
    internal static void AssertSame(HealthReport expected, HealthReport actual)
    {
        if (!Bits(expected).SequenceEqual(Bits(actual)))
        {
            Assert.Equal(Numbers(expected), Numbers(actual));
        }

        var expectedReasons = expected.Factors.Select(f => f.Reason).ToArray();
        var actualReasons = actual.Factors.Select(f => f.Reason).ToArray();
        if (!expectedReasons.AsSpan().SequenceEqual(actualReasons))
        {
            Assert.Equal(expectedReasons, actualReasons);
        }

        Assert.Equal(expected, actual);
    }

    private static List<long> Bits(HealthReport report)
    {
        var bits = new List<long>();
        EachNumber(report, (_, _, value) => bits.Add(BitConverter.DoubleToInt64Bits(value ?? double.NaN)));
        return bits;
    }

    private static List<(string Number, double Value, long Bits)> Numbers(HealthReport report)
    {
        var numbers = new List<(string, double, long)>();
        EachNumber(report, (owner, what, value) => numbers.Add(($"{owner}{what}", value ?? double.NaN, BitConverter.DoubleToInt64Bits(value ?? double.NaN))));
        return numbers;
    }

    /// <summary>Every public number of a report, in one order, each with its owner (empty, a dimension or a factor code) and what it is.</summary>
    private static void EachNumber(HealthReport report, Action<string, string, double?> add)
    {
        add(string.Empty, "score", report.Score);
        add(string.Empty, "confidence", report.Confidence);
        add(string.Empty, "interval lower", report.Interval.Lower);
        add(string.Empty, "interval upper", report.Interval.Upper);
        foreach (var dimension in report.Dimensions)
        {
            var name = dimension.Dimension.ToString();
            add(name, " score", dimension.Score);
            add(name, " confidence", dimension.Confidence);
            add(name, " contribution", dimension.Contribution);
            foreach (var factor in dimension.Factors)
            {
                add(factor.Code, " value", factor.Value);
                add(factor.Code, " evidence", factor.EvidenceWeight);
                add(factor.Code, " confidence", factor.Confidence);
                add(factor.Code, " contribution", factor.Contribution);
            }
        }
    }

    /// <summary>A scorer whose every half-life (trust, competency, co-operation, tracked progress, escalations) is <paramref name="halfLife"/>.</summary>
    private static HealthScorer WithEveryHalfLife(TimeSpan halfLife) => new(HealthModel.Default with
    {
        TrustHalfLife = halfLife,
        CompetencyHalfLife = halfLife,
        CooperationHalfLife = halfLife,
        TrackedProgressHalfLife = halfLife,
        EscalationHalfLife = halfLife,
    });
    /// <summary>A token canceled while the points are scored stops the sweep before the next point, not at its end.</summary>
    [Fact]
    public void Sweep_CanceledBetweenPoints_StopsBeforeTheNextPoint()
    {
        using var source = new CancellationTokenSource();
        var seen = new List<int>();

        Assert.Throws<OperationCanceledException>(() => HistorySweep.Run<int, CancelingAt>(
            Empty(), new ScoringContext(HealthModel.Default), T.DayNumber - 70, 7, 11, new CancelingAt(3, source, seen), source.Token));

        // Points 0, 1 and 2 were scored, and the third canceled: point 3 was not.
        Assert.Equal([T.DayNumber - 70, T.DayNumber - 63, T.DayNumber - 56], seen);
    }

    /// <summary>A point scorer that cancels <paramref name="source"/> once it has scored <paramref name="points"/> points.</summary>
    private readonly struct CancelingAt(int points, CancellationTokenSource source, List<int> seen) : IPointScore<int>
    {
        public int At(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in ActivityDays weeks, ReadOnlySpan<HeldCertification> held)
        {
            seen.Add(day);
            if (seen.Count == points)
            {
                source.Cancel();
            }

            return day;
        }
    }
}
