using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary><see cref="Backtest.Run"/>: which (partner, day) pairs are scored, and how churn is read from the outcomes.</summary>
public sealed class BacktestRunTests
{
    private static readonly DateOnly T = new(2025, 6, 30);
    private static readonly HealthScorer Scorer = new();

    private static Partnership Partnership(string id, int startedDaysBeforeT = 400, int keptPartnerCommitments = 0, int brokenPartnerCommitments = 0) => new(
        new Partner(new PartnerId(id), id, PartnerType.Reseller),
        T.AddDays(-startedDaysBeforeT),
        commitments:
        [
            .. Enumerable.Range(1, keptPartnerCommitments).Select(i => new Commitment(Side.Partner, T.AddDays(-10 * i), CommitmentOutcome.Kept)),
            .. Enumerable.Range(1, brokenPartnerCommitments).Select(i => new Commitment(Side.Partner, T.AddDays(-10 * i), CommitmentOutcome.Broken, T.AddDays(-10 * i))),
        ]);

    [Fact]
    public void Run_ChurnOnTheHorizonsLastDay_CountsAndTheDayAfterDoesNot()
    {
        // Horizon 180 days after T: churn on T + 180 is within it, on T + 181 is not.
        var result = Backtest.Run(
            Scorer,
            [Partnership("A"), Partnership("B")],
            [T],
            [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(180)), ChurnOutcome.Churned(new PartnerId("B"), T.AddDays(181))]);

        Assert.Equal([true, false], result.Samples.Select(s => s.Churned));
    }

    [Fact]
    public void Run_ADayListedTwice_IsScoredOnce()
    {
        // A day is a set of samples, one per partner: listed twice it adds none (Measure would refuse the repeats).
        Partnership[] partnerships = [Partnership("A"), Partnership("B")];
        ChurnOutcome[] outcomes = [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(30)), ChurnOutcome.Active(new PartnerId("B"))];

        var once = Backtest.Run(Scorer, partnerships, [T, T.AddDays(-90)], outcomes);
        var twice = Backtest.Run(Scorer, partnerships, [T, T.AddDays(-90), T, T.AddDays(-90), T], outcomes);

        Assert.Equal(4, twice.Count);
        Assert.Equal(once.Samples.Select(s => (s.PartnerId, s.AsOf, s.Score)), twice.Samples.Select(s => (s.PartnerId, s.AsOf, s.Score)));
    }

    [Fact]
    public void Run_ChurnedOnOrBeforeTheDayOrNotYetStarted_LeftOutAsInactive()
    {
        // A churned on T (gone on the day); B starts the day after T; C is scored.
        var result = Backtest.Run(
            Scorer,
            [Partnership("A"), Partnership("B", startedDaysBeforeT: -1), Partnership("C")],
            [T],
            [ChurnOutcome.Churned(new PartnerId("A"), T), ChurnOutcome.Active(new PartnerId("B")), ChurnOutcome.Active(new PartnerId("C"))]);

        Assert.Equal(["C"], result.Samples.Select(s => s.PartnerId.Value));
        Assert.Equal(2, result.Inactive);
        Assert.Equal(0, result.Censored);
    }

    [Fact]
    public void Run_HorizonNotYetObserved_LeftOutAsCensoredWhetherOrNotThePartnerChurned()
    {
        // Observed through T + 100 with a 180-day horizon. Day T − 200: both windows end on T − 20 ≤ T + 100, both
        // stayed (B's churn on T + 50 is after T − 20). Day T: both windows end on T + 180 > T + 100, so both are
        // censored — A, still active, might yet churn; and B, though it churned on T + 50, must go too: keeping B
        // alone would make day T all churners (1 of 1), selecting samples on their outcome.
        var options = new BacktestOptions { ObservedThrough = T.AddDays(100) };
        var result = Backtest.Run(
            Scorer,
            [Partnership("A"), Partnership("B")],
            [T, T.AddDays(-200)],
            [ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Churned(new PartnerId("B"), T.AddDays(50))],
            options);

        Assert.Equal([("A", T.AddDays(-200), false), ("B", T.AddDays(-200), false)], result.Samples.Select(s => (s.PartnerId.Value, s.AsOf, s.Churned)));
        Assert.Equal(2, result.Censored);
    }

    [Fact]
    public void Run_HorizonEndingOnTheLastObservedDay_IsKeptNotCensored()
    {
        // Pins the censoring boundary: a window that ends exactly on ObservedThrough (T + 180 with a 180-day horizon
        // from T) is fully observed and is scored; only a window ending the day after it (from T + 1) is censored.
        // A's churn on that last observed day counts within day T's horizon.
        var options = new BacktestOptions { ObservedThrough = T.AddDays(180) };
        var result = Backtest.Run(
            Scorer,
            [Partnership("A"), Partnership("B")],
            [T, T.AddDays(1)],
            [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(180)), ChurnOutcome.Active(new PartnerId("B"))],
            options);

        Assert.Equal([("A", T, true), ("B", T, false)], result.Samples.Select(s => (s.PartnerId.Value, s.AsOf, s.Churned)));
        Assert.Equal(2, result.Censored);
    }

    [Fact]
    public void Run_IncompleteHorizons_ChurnRateIsTheObservedWindowsOnly()
    {
        // Ten partners scored on T − 200 (windows observed to T − 20) and on T (windows end T + 180, past the
        // observed day T + 100). P0 and P1 churn on T + 30, within day T's window, but after day T − 200's.
        // Every observed window stayed: 0 churned of 10. Keeping day T's early churners would have given 2 of 12,
        // a churn rate made of nothing but the outcome the samples were chosen by.
        var options = new BacktestOptions { ObservedThrough = T.AddDays(100) };
        var partnerships = Enumerable.Range(0, 10).Select(i => Partnership($"P{i}")).ToArray();
        var outcomes = partnerships.Select((p, i) => i < 2 ? ChurnOutcome.Churned(p.Partner.Id, T.AddDays(30)) : ChurnOutcome.Active(p.Partner.Id));

        var result = Backtest.Run(Scorer, partnerships, [T, T.AddDays(-200)], outcomes, options);

        Assert.Equal((10, 0, 10), (result.Count, result.Churned, result.Censored));
        Assert.All(result.Samples, s => Assert.Equal(T.AddDays(-200), s.AsOf));
    }

    [Fact]
    public void Run_AnAsOfDayAfterTheOutcomes_ListsEveryBandEmpty_AsWithSamples()
    {
        // Observed through T with a 180-day horizon: day T's windows end on T + 180, so both pairs are censored and
        // nothing is scored. A scorer bands every sample, so the bands are still the four, each with no sample and no
        // rate, as an empty band is when others have samples; not an empty list that a per-band table cannot show.
        var options = new BacktestOptions { ObservedThrough = T };
        var result = Backtest.Run(
            Scorer,
            [Partnership("A"), Partnership("B")],
            [T],
            [ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Churned(new PartnerId("B"), T)],
            options);

        Assert.Equal((0, 1, 1), (result.Count, result.Censored, result.Inactive));
        Assert.Null(result.Auc);
        Assert.Equal(Enum.GetValues<HealthBand>(), result.Bands.Select(b => b.Band));
        Assert.All(result.Bands, b => Assert.Equal((0, 0, (double?)null), (b.Count, b.Churned, b.ChurnRate)));
        Assert.Empty(result.Calibration);
    }

    [Fact]
    public void Run_EachSample_IsTheScorersReportOnItsDay()
    {
        var partnerships = new[] { Partnership("A", keptPartnerCommitments: 3), Partnership("B", brokenPartnerCommitments: 2) };
        var days = new[] { T, T.AddDays(-30) };
        var result = Backtest.Run(
            Scorer,
            partnerships,
            days,
            [ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Churned(new PartnerId("B"), T.AddDays(90))],
            new BacktestOptions { Outcome = (id, day) => id.Value == "A" ? day.DayNumber : null, Reference = (_, _) => 50 });

        Assert.Equal(4, result.Count);
        foreach (var sample in result.Samples)
        {
            var report = Scorer.Score(partnerships.Single(p => p.Partner.Id == sample.PartnerId), sample.AsOf);
            Assert.Equal((report.Score, report.Confidence, report.Band), (sample.Score, sample.Confidence!.Value, sample.Band!.Value));
            Assert.Equal(50, sample.Reference);
            Assert.Equal(sample.PartnerId.Value == "A" ? sample.AsOf.DayNumber : null, sample.Outcome);
        }

        // Run measures exactly what Measure measures on the same samples.
        var measured = Backtest.Measure(result.Samples);
        Assert.Equal((result.Auc, result.AucStandardError, result.ReferenceSpearman), (measured.Auc, measured.AucStandardError, measured.ReferenceSpearman));
    }

    [Fact]
    public void Run_ModelOfTheScorer_IsTheOneMeasured()
    {
        // The kept partner (A) stays, the breaking one (B) churns. With only trust weighted, B's
        // broken commitments rank it below A: AUC 1.
        var partnerships = new[] { Partnership("A", keptPartnerCommitments: 4), Partnership("B", brokenPartnerCommitments: 4) };
        var outcomes = new[] { ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Churned(new PartnerId("B"), T.AddDays(30)) };
        var trustOnly = new HealthScorer(HealthModel.Default with { DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) });

        // A model that weighs only competency sees no difference (neither has certifications or deliveries): the two tie, AUC ½.
        var competencyOnly = new HealthScorer(HealthModel.Default with { DimensionWeights = new DimensionWeights(0, 1, 0, 0, 0) });

        Assert.Equal(1.0, Backtest.Run(trustOnly, partnerships, [T], outcomes).Auc);
        Assert.Equal(0.5, Backtest.Run(competencyOnly, partnerships, [T], outcomes).Auc);
    }

    [Fact]
    public void Run_MissingOrDuplicateOutcome_ThrowsNamingThePartner()
    {
        var missing = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A"), Partnership("B")], [T], [ChurnOutcome.Active(new PartnerId("A"))]));
        Assert.Equal("outcomes", missing.ParamName);
        Assert.Contains("'B'", missing.Message, StringComparison.Ordinal);

        var duplicate = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A")], [T], [ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Churned(new PartnerId("A"), T)]));
        Assert.Contains("more than once", duplicate.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A"), Partnership("A")], [T], [ChurnOutcome.Active(new PartnerId("A"))]));
        Assert.Equal("partnerships", twice.ParamName);
    }

    [Theory]
    [InlineData("A ", "A")]
    [InlineData("a", "A")]
    [InlineData(" a", "A ")]
    public void Run_AnOutcomeWhoseIdDiffersInCaseOrWhiteSpace_ThrowsNamingBothIds(string partnershipId, string outcomeId)
    {
        // Partner ids are compared exactly, as CRM keys are: an outcome for "A" is not one for "A " or "a". The partnership
        // has no outcome, which is an error; the error names the near miss, so that the caller looks at the ids' mapping
        // instead of adding an outcome the list seems to have already.
        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership(partnershipId)], [T], [ChurnOutcome.Active(new PartnerId(outcomeId))]));

        Assert.Equal("outcomes", error.ParamName);
        Assert.Contains($"no outcome for partner '{partnershipId}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{outcomeId}', which differs in case or in white space at either end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AChurnBeforeThePartnershipStarted_ThrowsNamingThePartnerAndBothDays()
    {
        // A started 400 days before T and churned 401 days before it: the outcome cannot be this partnership's (a churn of
        // an earlier one, or another partner's id). Taken as it is, A would be inactive on every day, left out of every
        // measure with nothing to say why; it is an error. A churn on the start day itself is a (short) partnership.
        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A"), Partnership("B")], [T], [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(-401)), ChurnOutcome.Active(new PartnerId("B"))]));

        Assert.Equal("outcomes", error.ParamName);
        Assert.Contains("partner 'A' churned on 2024-05-25, before its partnership started on 2024-05-26", error.Message, StringComparison.Ordinal);

        var sameDay = Backtest.Run(Scorer, [Partnership("A"), Partnership("B")], [T], [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(-400)), ChurnOutcome.Active(new PartnerId("B"))]);
        Assert.Equal((1, 1), (sameDay.Count, sameDay.Inactive));
    }

    [Fact]
    public void Run_OutcomesOfPartnersNotPassed_AreNotScoredButAreChecked()
    {
        // docs/backtest.md: outcomes of partners you did not pass are not scored, but are checked like the rest (a partner
        // listed twice, or churned after ObservedThrough, is an error wherever it is in the list).
        var options = new BacktestOptions { ObservedThrough = T.AddDays(200) };
        Partnership[] partnerships = [Partnership("A")];
        var a = ChurnOutcome.Active(new PartnerId("A"));

        var alone = Backtest.Run(Scorer, partnerships, [T], [a], options);
        var withZ = Backtest.Run(Scorer, partnerships, [T], [ChurnOutcome.Churned(new PartnerId("Z"), T.AddDays(10)), a], options);
        Assert.Equal(alone.Samples.Select(s => (s.PartnerId, s.Score, s.Churned)), withZ.Samples.Select(s => (s.PartnerId, s.Score, s.Churned)));
        Assert.Equal((1, 0, 0), (withZ.Count, withZ.Inactive, withZ.Censored));

        var twice = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, partnerships, [T], [ChurnOutcome.Active(new PartnerId("Z")), a, ChurnOutcome.Active(new PartnerId("Z"))], options));
        Assert.Equal(("outcomes", true), (twice.ParamName, twice.Message.Contains("'Z' more than once", StringComparison.Ordinal)));

        var late = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, partnerships, [T], [a, ChurnOutcome.Churned(new PartnerId("Z"), T.AddDays(201))], options));
        Assert.Equal(("outcomes", true), (late.ParamName, late.Message.Contains("partner 'Z' churned on 2026-01-17", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_NoPartnershipsOrAllOfOneOutcome_LeavesTheAucNullAndListsEveryBand()
    {
        // An empty portfolio scores nothing: the AUC and its error are null, never NaN, and the four bands are listed empty.
        var empty = Backtest.Run(Scorer, [], [T], []);
        Assert.Equal((0, 0, (double?)null, (double?)null), (empty.Count, empty.Inactive, empty.Auc, empty.AucStandardError));
        Assert.Equal(Enum.GetValues<HealthBand>(), empty.Bands.Select(b => b.Band));
        Assert.All(empty.Bands, b => Assert.Null(b.ChurnRate));

        // All churned, or none: no (stayer, churner) pair, so no AUC; the bands with samples have rates of 1 and 0.
        Partnership[] partnerships = [Partnership("A", keptPartnerCommitments: 3), Partnership("B", brokenPartnerCommitments: 3)];
        var allChurned = Backtest.Run(Scorer, partnerships, [T], [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(5)), ChurnOutcome.Churned(new PartnerId("B"), T.AddDays(5))]);
        var noneChurned = Backtest.Run(Scorer, partnerships, [T], [ChurnOutcome.Active(new PartnerId("A")), ChurnOutcome.Active(new PartnerId("B"))]);
        Assert.Equal(((double?)null, (double?)null, 2), (allChurned.Auc, allChurned.AucStandardError, allChurned.Churned));
        Assert.Equal(((double?)null, (double?)null, 0), (noneChurned.Auc, noneChurned.AucStandardError, noneChurned.Churned));
        Assert.All(allChurned.Bands.Where(b => b.Count > 0), b => Assert.Equal(1.0, b.ChurnRate));
        Assert.All(noneChurned.Bands.Where(b => b.Count > 0), b => Assert.Equal(0.0, b.ChurnRate));
    }

    [Fact]
    public void Run_ChurnAfterTheLastObservedDay_Throws()
    {
        var options = new BacktestOptions { ObservedThrough = T };
        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A")], [T], [ChurnOutcome.Churned(new PartnerId("A"), T.AddDays(1))], options));

        Assert.Contains("2025-07-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NonFiniteOutcome_ThrowsNamingPartnerAndDay()
    {
        var options = new BacktestOptions { Outcome = (_, _) => double.NaN };
        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, [Partnership("A")], [T], [ChurnOutcome.Active(new PartnerId("A"))], options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("'A' on 2025-06-30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Partnership[] partnerships = [Partnership("A")];
        ChurnOutcome[] outcomes = [ChurnOutcome.Active(new PartnerId("A"))];
        Assert.Equal("scorer", Assert.Throws<ArgumentNullException>(() => Backtest.Run(null!, partnerships, [T], outcomes)).ParamName);
        Assert.Equal("partnerships", Assert.Throws<ArgumentNullException>(() => Backtest.Run(Scorer, null!, [T], outcomes)).ParamName);
        Assert.Equal("asOfDays", Assert.Throws<ArgumentNullException>(() => Backtest.Run(Scorer, partnerships, null!, outcomes)).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentNullException>(() => Backtest.Run(Scorer, partnerships, [T], null!)).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => Backtest.Run(Scorer, partnerships, [T], [null!])).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-1.0)]
    public void BacktestOptions_HorizonNotWholePositiveDays_Throws(double days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BacktestOptions { Horizon = TimeSpan.FromDays(days) });
        Assert.Equal("Horizon", error.ParamName);
    }

    [Fact]
    public void ChurnOutcome_DefaultPartner_Throws() =>
        Assert.Equal("partnerId", Assert.Throws<ArgumentException>(() => ChurnOutcome.Active(default)).ParamName);
}
