using PartnerMetrics.Evidence;
using PartnerMetrics.Validation.Harness;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Tests;

public sealed class PartnershipSimulatorTests
{
    private static readonly ValidationOptions Small = new() { Partnerships = 150, Seeds = 1, FitWeights = false };

    public static TheoryData<string> VariantNames => [.. Variants.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Simulate_AnyVariant_NoEvidenceDatedAfterAsOf(string name)
    {
        var variant = Variants.All.Single(v => v.Name == name);
        var (_, partnerships) = ValidationRun.Simulate(variant, 1, Small);
        var t = Small.AsOf;

        foreach (var simulated in partnerships)
        {
            var p = simulated.Partnership;
            Assert.Equal(t, simulated.AsOf);
            Assert.True(p.StartedOn <= t);
            Assert.All(p.Interactions, i =>
            {
                Assert.True(i.Date <= t);
                Assert.True(i.ResolvedOn is null || i.ResolvedOn <= t);
                Assert.True(i.ResponseTime is null || i.Date.DayNumber + i.ResponseTime.Value.TotalDays <= t.DayNumber + 1);
            });

            // A commitment's due day looks forward by nature; an outcome is on record only once it happened.
            Assert.All(p.Commitments, c =>
            {
                Assert.True(c.ResolvedOn is null || c.ResolvedOn <= t);
                Assert.True(c.DueOn <= t || c.Outcome is CommitmentOutcome.Open or CommitmentOutcome.Kept);
            });
            Assert.All(p.Certifications, c => Assert.True(c.ObtainedOn <= t));
            Assert.All(p.Deliveries, d => Assert.True(d.Date <= t));
            Assert.All(p.Opportunities, o =>
            {
                Assert.True(o.CreatedOn <= t);
                Assert.True(o.RegisteredOn is null || o.RegisteredOn <= t);
                Assert.True(o.LastUpdatedOn is null || o.LastUpdatedOn <= t);
                Assert.True(o.ClosedOn is null || o.ClosedOn <= t);
            });
            if (p.JointPlan is { } plan)
            {
                Assert.True(plan.CreatedOn <= t);
                Assert.All(plan.Reviews, r => Assert.True(r.On <= t));
                Assert.All(plan.Goals, g => Assert.All(g.CheckIns, c => Assert.True(c.On <= t)));
                Assert.All(plan.Goals, g => Assert.True(g.StartsOn is null || g.StartsOn <= t));
            }

            if (simulated.Plan is { } history)
            {
                Assert.All(history.Reviews, r => Assert.True(r.On <= t));
                Assert.All(history.Goals, g => Assert.All(g.CheckIns, c => Assert.True(c.On <= t)));
            }

            Assert.True(simulated.ChurnedOn is null || (simulated.ChurnedOn > t && simulated.ChurnedOn <= t.AddDays(180)));
        }
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Simulate_AnyVariant_ProducesEveryKindOfEvidence(string name)
    {
        var variant = Variants.All.Single(v => v.Name == name);
        var (_, partnerships) = ValidationRun.Simulate(variant, 1, Small);
        var all = partnerships.Select(s => s.Partnership).ToArray();

        Assert.All(Enum.GetValues<InteractionKind>(), kind => Assert.Contains(all, p => p.Interactions.Any(i => i.Kind == kind)));
        Assert.All(Enum.GetValues<CommitmentOutcome>(), outcome => Assert.Contains(all, p => p.Commitments.Any(c => c.Outcome == outcome)));
        Assert.Contains(all, p => p.Certifications.Length > 0);
        Assert.Contains(all, p => p.Deliveries.Length > 0);
        Assert.Contains(all, p => p.JointPlan is { Goals.Length: > 0, Reviews.Length: > 1 });
        Assert.Contains(all, p => p.Opportunities.Any(o => o.ClosedOn is not null) && p.Opportunities.Any(o => o.ClosedOn is null));
        Assert.Contains(partnerships, s => s.Plan is { } h && h.Goals.Any(g => g.CheckIns.Length > 1));
    }

    [Fact]
    public void Simulate_SameSeedAndIndex_EqualPartnership()
    {
        var (_, first) = ValidationRun.Simulate(Variants.Sparse, 2, Small);
        var (_, second) = ValidationRun.Simulate(Variants.Sparse, 2, Small);
        var (_, otherSeed) = ValidationRun.Simulate(Variants.Sparse, 3, Small);

        Assert.Equal(first.Select(s => s.Partnership), second.Select(s => s.Partnership));
        Assert.Equal(first.Select(s => s.CombinedLatent), second.Select(s => s.CombinedLatent));
        Assert.NotEqual(first.Select(s => s.CombinedLatent), otherSeed.Select(s => s.CombinedLatent));
    }

    [Fact]
    public void Simulate_IndependentLogging_LoggingUncorrelatedWithHealthUnlikeSparse()
    {
        // Steady logs independently of health; sparse logs more when the partner side is healthier.
        var options = Small with { Partnerships = 600 };
        var steady = ValidationRun.Simulate(Variants.Steady, 1, options).Partnerships;
        var sparse = ValidationRun.Simulate(Variants.Sparse, 1, options).Partnerships;

        Assert.InRange(Correlation(steady), -0.15, 0.15);
        Assert.True(Correlation(sparse) > 0.3, $"sparse: correlation {Correlation(sparse):0.00}");

        static double Correlation(IReadOnlyList<SimulatedPartnership> items)
        {
            var x = items.Select(s => s.PartnerLatent).ToArray();
            var y = items.Select(s => s.LoggingPropensity).ToArray();
            double mx = x.Average(), my = y.Average();
            var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
            return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
        }
    }
}
