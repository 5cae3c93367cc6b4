using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// Builds a deterministic, CRM-shaped portfolio of any size: every partnership carries about
/// <c>evidencePerPartnership</c> items of every evidence kind spread over two years, a joint plan
/// for most partners, and opportunities in every motion and outcome.
/// </summary>
public static class SyntheticPortfolio
{
    private static readonly string[] Districts = ["North", "South", "West"];
    private static readonly string[] Competencies = ["Azure", "Security", "Data & AI", "Modern Work"];

    public static Portfolio Create(int partnerships, int evidencePerPartnership, int seed = 42)
    {
        var random = new Random(seed);
        var end = End;
        var list = new List<Partnership>(partnerships);
        for (var p = 0; p < partnerships; p++)
        {
            list.Add(CreatePartnership(random, p, evidencePerPartnership, end));
        }

        var snapshots = new List<RevenueSnapshot>();
        for (var a = 0; a < partnerships; a++)
        {
            for (var q = 0; q < 8; q++)
            {
                snapshots.Add(new RevenueSnapshot(new AccountId($"A-{a}"), end.AddDays(-90 * q), random.Next(0, 200_000)));
            }
        }

        return new Portfolio(list, revenueSnapshots: snapshots);
    }

    /// <summary>The last day of the synthetic evidence; score as of it.</summary>
    public static readonly DateOnly End = new(2025, 12, 31);

    /// <summary>One partnership with about <paramref name="evidence"/> items, a fifth of each kind.</summary>
    public static Partnership CreatePartnership(int evidence, int seed = 7) => CreatePartnership(new Random(seed), 0, evidence, End);

    private static Partnership CreatePartnership(Random random, int index, int evidence, DateOnly end)
    {
        var id = new PartnerId($"P-{index:D6}");
        var start = end.AddDays(-730);
        DateOnly Day() => start.AddDays(random.Next(0, 730));
        var share = Math.Max(1, evidence / 5);

        var commitments = new Commitment[share];
        for (var i = 0; i < share; i++)
        {
            var due = Day();
            commitments[i] = (random.Next(10)) switch
            {
                < 6 => new Commitment((Side)random.Next(2), due, CommitmentOutcome.Kept, due.AddDays(-random.Next(5))),
                < 8 => new Commitment((Side)random.Next(2), due, CommitmentOutcome.KeptLate, due.AddDays(1 + random.Next(20))),
                < 9 => new Commitment((Side)random.Next(2), due, CommitmentOutcome.Broken, due.AddDays(random.Next(10))),
                _ => new Commitment((Side)random.Next(2), due, CommitmentOutcome.Open),
            };
        }

        var interactions = new Interaction[share];
        for (var i = 0; i < share; i++)
        {
            var kind = (InteractionKind)random.Next(6);
            var date = Day();
            interactions[i] = new Interaction(
                date,
                kind,
                (Side)random.Next(2),
                kind == InteractionKind.Request && random.Next(5) > 0 ? TimeSpan.FromHours(random.Next(1, 120)) : null,
                kind == InteractionKind.Escalation && random.Next(4) > 0 ? date.AddDays(random.Next(30)) : null);
        }

        var certifications = new Certification[share];
        for (var i = 0; i < share; i++)
        {
            var obtained = Day();
            certifications[i] = new Certification(Competencies[random.Next(Competencies.Length)], obtained, random.Next(3) > 0 ? obtained.AddDays(365 * 2) : null);
        }

        var deliveries = new Delivery[share];
        for (var i = 0; i < share; i++)
        {
            deliveries[i] = new Delivery(Day(), random.Next(5) > 0, Math.Round(random.NextDouble(), 2));
        }

        var opportunities = new Opportunity[share];
        for (var i = 0; i < share; i++)
        {
            var created = Day();
            var outcome = (DealOutcome)random.Next(3);
            var closed = outcome == DealOutcome.Open ? (DateOnly?)null : created.AddDays(random.Next(10, 200));
            opportunities[i] = new Opportunity(
                new OpportunityId($"{id}-O{i}"),
                new AccountId($"A-{random.Next(10_000)}"),
                created,
                (DealMotion)random.Next(5),
                (DealSource)random.Next(4),
                (RouteToMarket)random.Next(3),
                outcome,
                random.Next(1, 500) * 1000m,
                id,
                Districts[index % Districts.Length],
                created.AddDays(random.Next(0, 14)),
                created.AddDays(random.Next(0, 30)),
                created.AddDays(random.Next(30, 120)),
                closed,
                outcome == DealOutcome.Lost ? "Price" : null,
                "Propose");
        }

        var plan = random.Next(4) == 0
            ? null
            : new JointPlan(
                start,
                Math.Round(random.NextDouble(), 2),
                [
                    new PlanGoal("Certify engineers", GoalOwner.Partner, Math.Round(random.NextDouble(), 2), new MeasurableTarget(4, "engineers"), start, end),
                    new PlanGoal("Joint pipeline", GoalOwner.Both, Math.Round(random.NextDouble(), 2), new MeasurableTarget(1_000_000, "USD"), start, end),
                ],
                Day());

        var partner = new Partner(id, $"Partner {index}", (PartnerType)(index % 7), index % 3 == 0 ? "Gold" : "Silver", Districts[index % Districts.Length], start);
        return new Partnership(partner, start, Competencies.Take(2), commitments, interactions, certifications, deliveries, plan, opportunities);
    }
}
