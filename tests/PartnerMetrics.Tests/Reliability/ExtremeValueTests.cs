using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Reliability;

/// <summary>
/// Values at the edges of their types and inputs far larger than a CRM holds: the answer is right, or
/// the error is the documented one (docs/reliability.md, "Extreme values").
/// </summary>
public class ExtremeValueTests
{
    private static readonly HealthScorer Scorer = new();
    private static readonly PartnerId Id = new("P-1");
    private static readonly Partner Partner = new(Id, "Contoso", PartnerType.Reseller);

    /// <summary>
    /// Rule 3 pushed to the calendar's edges: the same partnership moved so that its latest date is
    /// <see cref="DateOnly.MaxValue"/>, or its earliest <see cref="DateOnly.MinValue"/>, scores the same.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Scoring_AtTheEdgesOfTheCalendar_EqualsScoringInTheMiddle(ScoringCase c, bool toTheEnd, byte margin)
    {
        var days = Dates(c.Partnership).Append(c.AsOf).Select(d => d.DayNumber).ToArray();
        var shift = toTheEnd ? DateOnly.MaxValue.DayNumber - margin - days.Max() : DateOnly.MinValue.DayNumber + margin - days.Min();
        var moved = c.Partnership.Shift(shift);
        var asOf = c.AsOf.AddDays(shift);

        var original = Scorer.Score(c.Partnership, c.AsOf);
        var atTheEdge = Scorer.Score(moved, asOf);

        Assert.Equal(original.Dimensions.ToArray(), atTheEdge.Dimensions.ToArray());
        Assert.Equal((original.Score, original.Band, original.Confidence), (atTheEdge.Score, atTheEdge.Band, atTheEdge.Confidence));
        AssertSane(Scorer.Score(moved, toTheEnd ? DateOnly.MaxValue : DateOnly.MinValue));
        AssertSane(Scorer.Compare(moved, DateOnly.MinValue, DateOnly.MaxValue).After);
        Assert.All(new PartnershipAdvisor(Scorer).Recommend(moved, asOf), r => Assert.True(double.IsFinite(r.Impact)));
    }

    [Fact]
    public void History_EndingOnTheLastDayOfTheCalendar_EndsThere()
    {
        var partnership = new Partnership(Partner, DateOnly.MaxValue.AddDays(-400), commitments: [new(Side.Partner, DateOnly.MaxValue, CommitmentOutcome.Open)]);

        var history = Scorer.History(partnership, DateOnly.MaxValue.AddDays(-30), DateOnly.MaxValue, TimeSpan.FromDays(7));

        Assert.Equal(DateOnly.MaxValue.AddDays(-2), history[^1].AsOf);
        Assert.Equal(5, history.Length);
        Assert.All(history, AssertSane);
    }

    [Fact]
    public void Evidence_5000YearsOld_WeighsExactlyNothing()
    {
        var asOf = new DateOnly(7025, 6, 30);
        var ancient = new Partnership(
            Partner,
            new DateOnly(2020, 1, 1),
            commitments: Enumerable.Range(0, 50).Select(i => new Commitment(Side.Partner, new DateOnly(2025, 1, 1).AddDays(i), CommitmentOutcome.Broken, new DateOnly(2025, 1, 1).AddDays(i))),
            deliveries: [new Delivery(new DateOnly(2025, 3, 1), false, 0.0)]);
        var recentOnly = new Partnership(Partner, new DateOnly(2020, 1, 1));

        var report = Scorer.Score(ancient, asOf);

        // The items are still counted (and their reasons say so); they weigh nothing: the partner side sits at
        // its prior (0 + 1) / (0 + 2) = 0.5 with certainty 0, as the vendor side does, so trust = 100 × √(0.5 × 0.5) = 50.
        var partnerSide = report.Factor(FactorCodes.TrustPartnerReliability)!.Value;
        Assert.Equal((0.5, 0.0, 0.0), (partnerSide.Value, partnerSide.EvidenceWeight, partnerSide.Confidence));
        Assert.StartsWith("50 of 50 partner commitments broken", partnerSide.Reason, StringComparison.Ordinal);
        Assert.Equal(50.0, report.Dimensions.Single(d => d.Dimension == HealthDimension.Trust).Score!.Value, 12);
        Assert.Equal(0.0, report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.EvidenceWeight);
        Assert.Equal(Numbers(Scorer.Score(recentOnly, asOf)), Numbers(report));
    }

    [Fact]
    public void OnePartnershipWithAMillionEvidenceItems_ScoresTheSameInAnyOrder()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var random = new Random(1_000_000);
        DateOnly Day() => asOf.AddDays(-random.Next(0, 3 * 365));
        var commitments = Enumerable.Range(0, 400_000).Select(i =>
        {
            var due = Day();
            var outcome = (CommitmentOutcome)random.Next(0, 4);
            DateOnly? resolved = outcome switch
            {
                CommitmentOutcome.Open => null,
                CommitmentOutcome.Kept => due.AddDays(-random.Next(0, 5)),
                _ => due.AddDays(1 + random.Next(0, 5)),
            };
            return new Commitment((Side)(i % 2), due, outcome, resolved);
        }).ToArray();
        var interactions = Enumerable.Range(0, 300_000).Select(i => new Interaction(Day(), (InteractionKind)(i % 4), (Side)(i % 2))).ToArray();
        var deliveries = Enumerable.Range(0, 300_000).Select(i => new Delivery(Day(), i % 3 != 0, (i % 101) / 100.0)).ToArray();
        var partnership = new Partnership(Partner, asOf.AddDays(-4 * 365), commitments: commitments, interactions: interactions, deliveries: deliveries);
        var reversed = new Partnership(Partner, asOf.AddDays(-4 * 365), commitments: commitments.Reverse(), interactions: interactions.Reverse(), deliveries: deliveries.Reverse());

        var report = Scorer.Score(partnership, asOf);

        AssertSane(report);
        Assert.Equal(report, Scorer.Score(reversed, asOf));
        Assert.All(report.Dimensions.Where(d => d.Dimension is HealthDimension.Trust or HealthDimension.Competency or HealthDimension.Cooperation), d => Assert.NotNull(d.Score));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(100_000)]
    public void ThousandsOfCommitmentsKeptOnOneDay_GiveTheExactBetaMean(int kept)
    {
        var asOf = new DateOnly(2025, 6, 30);
        var partnership = new Partnership(Partner, asOf.AddDays(-10), commitments: Enumerable.Repeat(new Commitment(Side.Partner, asOf, CommitmentOutcome.Kept, asOf), kept));

        var report = Scorer.Score(partnership, asOf);
        var trust = report.Dimensions.Single(d => d.Dimension == HealthDimension.Trust);

        // Beta(1, 1) prior: the partner side is (kept + 1) / (kept + 2), each kept today weighing exactly 1.
        // The untracked vendor side sits at its prior 0.5; trust is the geometric mean of the two sides,
        // 100 × √((kept + 1) / (kept + 2) × 0.5): 57.735 for 1, 67.420 for 9, 70.710 for 100,000.
        var partnerSide = (kept + 1.0) / (kept + 2.0);
        Assert.Equal(partnerSide, report.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 1e-12);
        Assert.Equal((double)kept, report.Factor(FactorCodes.TrustPartnerReliability)!.Value.EvidenceWeight);
        Assert.Equal(0.5, report.Factor(FactorCodes.TrustVendorReliability)!.Value.Value);
        Assert.Equal(100.0 * Math.Sqrt(partnerSide * 0.5), trust.Score!.Value, 1e-9);
    }

    [Fact]
    public void HundredThousandBrokenAndKeptOnOneDay_WeighLossAversionExactly()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var kept = Enumerable.Repeat(new Commitment(Side.Partner, asOf, CommitmentOutcome.Kept, asOf), 50_000);
        var broken = Enumerable.Repeat(new Commitment(Side.Partner, asOf, CommitmentOutcome.Broken, asOf), 50_000);
        var one = new Partnership(Partner, asOf.AddDays(-10), commitments: [new(Side.Partner, asOf, CommitmentOutcome.Kept, asOf), new(Side.Partner, asOf, CommitmentOutcome.Broken, asOf)]);
        var many = new Partnership(Partner, asOf.AddDays(-10), commitments: kept.Concat(broken));
        var lambda = HealthModel.Default.LossAversion;

        var report = Scorer.Score(many, asOf);
        var partnerSide = report.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value;
        var trust = report.Dimensions.Single(d => d.Dimension == HealthDimension.Trust).Score!.Value;

        // Each item weighs exactly 1 (resolved on the as-of day). The partner side is
        // (50,000 + 1) / (50,000 + λ·50,000 + 2) = 50,001 / 175,002 ≈ 0.285717: with the prior's weight
        // negligible next to 100,000 items, the rate is 1 / (1 + λ) = 0.285714. The vendor side sits at its
        // prior 0.5, so trust = 100 × √(0.285717 × 0.5) = 37.797.
        var expected = (50_000 + 1) / (50_000 + (lambda * 50_000) + 2);
        Assert.Equal(expected, partnerSide, 1e-12);
        Assert.Equal(1 / (1 + lambda), partnerSide, 1e-5);
        Assert.Equal(100.0 * Math.Sqrt(expected * 0.5), trust, 1e-9);

        // One of each: (1 + 1) / (1 + λ + 2) = 2 / 5.5 ≈ 0.364, above 1 / (1 + λ): more of the same pulls towards it.
        var oneReport = Scorer.Score(one, asOf);
        Assert.Equal(2 / (3 + lambda), oneReport.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 1e-12);
        Assert.True(partnerSide < oneReport.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value);
        Assert.True(trust < oneReport.Dimensions.Single(d => d.Dimension == HealthDimension.Trust).Score);
    }

    [Fact]
    public void Amount_AboveTheMaximum_IsRejectedNamingTheField()
    {
        var tooMuch = Opportunity.MaxAmount + 0.0001m;

        Rejects.Field<ArgumentOutOfRangeException>(() => Deal("O-1", tooMuch, DateOnly.MinValue, null), "amount", "100000000000000.0001");
        Rejects.Field<ArgumentOutOfRangeException>(() => new RevenueSnapshot(new AccountId("A-1"), DateOnly.MinValue, decimal.MaxValue), "annualRecurringRevenue", "79228162514264337593543950335");
    }

    [Fact]
    public void DealsOfTheMaximumAmountAcrossTheWholeCalendar_SumExactlyWithoutOverflow()
    {
        var deals = Enumerable.Range(0, 1_000).Select(i => Deal($"O-{i}", Opportunity.MaxAmount, DateOnly.MinValue.AddDays(i), DateOnly.MaxValue.AddDays(-i))).ToArray();

        var result = PipelineAnalytics.Summarize(deals);
        var grouped = PipelineAnalytics.GroupBy(deals, PipelineKeys.Quarter);

        Assert.Equal(1_000m * Opportunity.MaxAmount, result.WonValue);
        Assert.Equal(1_000m * Opportunity.MaxAmount, grouped.Total.WonValue);
        Assert.Equal(DateOnly.MaxValue.DayNumber - DateOnly.MinValue.DayNumber - 999.0, result.WonCycle!.Mean, 1e-6);
        Assert.Equal(1_000m * Opportunity.MaxAmount, PipelineCube.Compute(deals).Sum(c => c.WonValue));
    }

    private static Opportunity Deal(string id, decimal amount, DateOnly created, DateOnly? closed) =>
        new(new OpportunityId(id), new AccountId("A-1"), created, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            closed is null ? DealOutcome.Open : DealOutcome.Won, amount, Id, "North", closedOn: closed);

    private static object Numbers(HealthReport report) =>
        (report.Score, report.Confidence, report.Band, string.Join(';', report.Dimensions.SelectMany(d => d.Factors).Select(f => $"{f.Code}={f.Value}@{f.Weight}")));

    private static void AssertSane(HealthReport report)
    {
        Assert.InRange(report.Score, 0.0, 100.0);
        Assert.InRange(report.Confidence, 0.0, 1.0);
        Assert.All(report.Dimensions, d =>
        {
            Assert.True(d.Score is null || d.Score is >= 0.0 and <= 100.0, $"{d.Dimension}: {d.Score}");
            Assert.True(double.IsFinite(d.Contribution));
        });
    }

    private static IEnumerable<DateOnly> Dates(Partnership p)
    {
        yield return p.StartedOn;
        if (p.Partner.OnboardedOn is { } onboarded)
        {
            yield return onboarded;
        }

        foreach (var c in p.Commitments)
        {
            yield return c.DueOn;
            if (c.ResolvedOn is { } resolved)
            {
                yield return resolved;
            }
        }

        foreach (var i in p.Interactions)
        {
            yield return i.Date;
            if (i.ResolvedOn is { } resolved)
            {
                yield return resolved;
            }
        }

        foreach (var c in p.Certifications)
        {
            yield return c.ObtainedOn;
            if (c.ExpiresOn is { } expires)
            {
                yield return expires;
            }
        }

        foreach (var d in p.Deliveries)
        {
            yield return d.Date;
        }

        if (p.JointPlan is { } plan)
        {
            yield return plan.CreatedOn;
            foreach (var review in plan.Reviews)
            {
                yield return review.On;
            }

            foreach (var checkIn in plan.Goals.SelectMany(g => g.CheckIns).Where(c => !PartnershipEdits.Undated(c.On)))
            {
                yield return checkIn.On;
            }

            foreach (var day in plan.Goals.SelectMany(g => new[] { g.StartsOn, g.DueOn }))
            {
                if (day is { } present)
                {
                    yield return present;
                }
            }
        }

        foreach (var o in p.Opportunities)
        {
            foreach (var day in new[] { (DateOnly?)o.CreatedOn, o.RegisteredOn, o.LastUpdatedOn, o.ExpectedCloseOn, o.ClosedOn })
            {
                if (day is { } present)
                {
                    yield return present;
                }
            }
        }
    }
}
