using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>The one-sweep history equals independent scores at every point.</summary>
public class HealthHistoryTests
{
    /// <summary>
    /// Score sums each item's weight rounded to 2⁻⁴⁰; the sweep rounds each point's sum once. The two
    /// differ by under 10⁻¹⁰ in a weight, which can show as about 10⁻⁹ of a score point.
    /// </summary>
    private const double Tolerance = 1e-7;
    private static readonly HealthScorer Scorer = new();

    [Property]
    public Property History_EqualsScoreAtEveryPoint() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from back in Gen.Choose(0, 2 * 365)
             from span in Gen.Choose(0, 2 * 365)
             from step in Gen.Choose(1, 35)
             select (c.Partnership, From: c.AsOf.AddDays(-back), To: c.AsOf.AddDays(-back + span), Step: step)).ToArbitrary(),
            t =>
            {
                var history = Scorer.History(t.Partnership, t.From, t.To, TimeSpan.FromDays(t.Step));

                Assert.Equal(((t.To.DayNumber - t.From.DayNumber) / t.Step) + 1, history.Length);
                for (var k = 0; k < history.Length; k++)
                {
                    AssertSame(Scorer.Score(t.Partnership, t.From.AddDays(k * t.Step)), history[k]);
                }
            });

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
    public void History_BadArguments_Throw()
    {
        var partnership = Empty();

        Rejects.Field<ArgumentOutOfRangeException>(() => Scorer.History(partnership, T, T.AddDays(-1), TimeSpan.FromDays(7)), "to");
        Rejects.Field<ArgumentOutOfRangeException>(() => Scorer.History(partnership, T, T, TimeSpan.Zero), "step");
        Rejects.Field<ArgumentOutOfRangeException>(() => Scorer.History(partnership, T, T, TimeSpan.FromHours(36)), "step", "1.12:00:00");
        Assert.Throws<ArgumentNullException>(() => Scorer.History(null!, T, T, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void History_OverdueCommitmentTurnsBrokenOnTheDayAfterTheGracePeriod()
    {
        // Due 20 days before T with a 14-day grace: open until T − 6, overdue (broken) from T − 5, kept late on T.
        var partnership = Empty().With(commitments: [new Commitment(Side.Partner, Day(-20), CommitmentOutcome.KeptLate, Day(0))]);

        var history = Scorer.History(partnership, Day(-7), Day(0), TimeSpan.FromDays(1));

        Assert.Equal([false, false, true, true, true, true, true, false], history.Select(r => r.Factor(FactorCodes.TrustPartnerReliability)!.Value.IsPresent && r.Factor(FactorCodes.TrustPartnerReliability)!.Value.Facts.Fourth == 1));
    }

    internal static void AssertSame(HealthReport expected, HealthReport actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.Score, actual.Score, Tolerance);
        Assert.Equal(expected.Confidence, actual.Confidence, Tolerance);
        Assert.Equal(expected.Signals.ToArray(), actual.Signals.ToArray());
        var nearThreshold = Math.Abs(expected.Score - 70) < 1e-6 || Math.Abs(expected.Score - 40) < 1e-6 || Math.Abs(expected.Confidence - 0.25) < 1e-6;
        Assert.True(nearThreshold || expected.Band == actual.Band, $"band {expected.Band} ≠ {actual.Band}");
        for (var d = 0; d < expected.Dimensions.Length; d++)
        {
            var (e, a) = (expected.Dimensions[d], actual.Dimensions[d]);
            Assert.Equal(e.IsPresent, a.IsPresent);
            Assert.Equal(e.Score ?? -1, a.Score ?? -1, Tolerance);
            Assert.Equal(e.Confidence, a.Confidence, Tolerance);
            Assert.Equal(e.Contribution, a.Contribution, Tolerance);
            Assert.Equal(e.Factors.Select(f => f.Code), a.Factors.Select(f => f.Code));
            for (var f = 0; f < e.Factors.Length; f++)
            {
                var (x, y) = (e.Factors[f], a.Factors[f]);
                Assert.Equal(x.IsPresent, y.IsPresent);
                Assert.Equal(x.Value ?? -1, y.Value ?? -1, Tolerance);
                Assert.Equal(x.EvidenceWeight, y.EvidenceWeight, Tolerance * Math.Max(1, x.EvidenceWeight));
                Assert.Equal(x.Contribution, y.Contribution, Tolerance);
                Assert.Equal(x.Reason, y.Reason);
            }
        }
    }
}
