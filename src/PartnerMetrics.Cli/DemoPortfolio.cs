using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary>
/// A realistic demo portfolio, generated deterministically: 50 partners over 3 districts with two
/// years of commitments, interactions, certifications, deliveries, joint plans and deals. Each
/// partner has a hidden quality that drives how its evidence turns out, so the portfolio spans the bands.
/// </summary>
internal static class DemoPortfolio
{
    /// <summary>The last day of the demo evidence: the default as-of day.</summary>
    public static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly string[] Districts = ["North", "South", "West"];
    private static readonly string[] Competencies = ["Azure", "Security", "Data & AI", "Modern Work"];
    private static readonly string[] Names =
    [
        "Contoso", "Fabrikam", "Northwind", "Adventure Works", "Tailspin", "Wingtip", "Litware", "Proseware", "Lucerne", "Woodgrove",
        "Alpine Ski", "Blue Yonder", "Coho Vineyard", "Fourth Coffee", "Graphic Design", "Humongous", "Margie's Travel", "Relecloud", "Southridge", "Trey Research",
    ];

    public static Portfolio Create()
    {
        var random = new Random(2025);
        var start = Today.AddDays(-730);
        var partnerships = new List<Partnership>();
        for (var p = 0; p < 50; p++)
        {
            var quality = 0.15 + (0.8 * random.NextDouble());
            partnerships.Add(Partnership(random, p, quality, start));
        }

        var snapshots = partnerships.SelectMany(p => p.Opportunities)
            .Where(o => o.Outcome == DealOutcome.Won)
            .SelectMany(o => Enumerable.Range(0, 4).Select(q => (o.AccountId, Date: o.ClosedOn!.Value.AddDays(90 * q), Arr: (o.Amount ?? 0m) * (decimal)(1 + (0.1 * (q - random.Next(3)))))))
            .Where(s => s.Date <= Today)
            .DistinctBy(s => (s.AccountId, s.Date))
            .Select(s => new RevenueSnapshot(s.AccountId, s.Date, Math.Max(0m, Math.Round(s.Arr, 2))));
        return new Portfolio(partnerships, revenueSnapshots: snapshots);
    }

    private static Partnership Partnership(Random random, int index, double quality, DateOnly start)
    {
        var id = new PartnerId($"P-{index + 1:D3}");
        var district = Districts[index % Districts.Length];
        var onboarded = start.AddDays(random.Next(0, 200));
        DateOnly Day() => onboarded.AddDays(random.Next(0, Today.DayNumber - onboarded.DayNumber + 1));
        bool Good() => random.NextDouble() < quality;
        var activity = (int)(10 + (60 * quality));

        var commitments = Enumerable.Range(0, activity / 3).Select(_ =>
        {
            var due = Day();
            var side = random.Next(3) == 0 ? Side.Vendor : Side.Partner;
            if (due > Today.AddDays(-5))
            {
                return new Commitment(side, due, CommitmentOutcome.Open);
            }

            return Good()
                ? new Commitment(side, due, CommitmentOutcome.Kept, due.AddDays(-random.Next(0, 5)))
                : random.Next(2) == 0
                    ? new Commitment(side, due, CommitmentOutcome.KeptLate, due.AddDays(random.Next(1, 20)))
                    : new Commitment(side, due, CommitmentOutcome.Broken, due.AddDays(random.Next(0, 10)));
        }).ToList();

        var interactions = Enumerable.Range(0, activity).Select(_ =>
        {
            var date = Day();
            var kind = (InteractionKind)random.Next(6);
            var side = Good() || random.Next(2) == 0 ? Side.Partner : Side.Vendor;
            return kind switch
            {
                InteractionKind.Request => new Interaction(date, kind, side, Good() ? TimeSpan.FromHours(random.Next(1, 40)) : random.Next(2) == 0 ? TimeSpan.FromDays(random.Next(3, 10)) : null),
                InteractionKind.Escalation => new Interaction(date, kind, side, resolvedOn: Good() ? date.AddDays(random.Next(1, 12)) : random.Next(2) == 0 ? date.AddDays(random.Next(15, 40)) : null),
                _ => new Interaction(date, kind, side),
            };
        }).Select(i => i.ResolvedOn > Today ? new Interaction(i.Date, i.Kind, i.InitiatedBy) : i).ToList();

        var certifications = Competencies.Where(_ => Good()).Select(c =>
        {
            var obtained = Day();
            return new Certification(c, obtained, random.Next(3) == 0 ? obtained.AddDays(random.Next(200, 800)) : null);
        }).ToList();

        var deliveries = Enumerable.Range(0, activity / 4).Select(_ => new Delivery(Day(), Good(), Math.Round(Good() ? 0.7 + (0.3 * random.NextDouble()) : 0.3 + (0.4 * random.NextDouble()), 2))).ToList();

        var plan = quality < 0.3 && random.Next(2) == 0
            ? null
            : new JointPlan(
                onboarded.AddDays(30),
                Math.Round(quality * random.NextDouble(), 2),
                [
                    new PlanGoal("Certify engineers", Good() ? GoalOwner.Both : GoalOwner.Partner, Math.Round(quality, 2), new MeasurableTarget(4, "engineers"), onboarded.AddDays(30), Today.AddDays(180)),
                    new PlanGoal("Joint pipeline", GoalOwner.Both, Math.Round(quality * random.NextDouble(), 2), Good() ? new MeasurableTarget(1_000_000, "USD") : null, dueOn: Today.AddDays(90)),
                ],
                Today.AddDays(-random.Next(10, 250)) is var reviewed && reviewed > onboarded.AddDays(30) ? reviewed : null);

        var opportunities = Enumerable.Range(0, activity / 2).Select(i =>
        {
            var created = Day();
            var motion = random.NextDouble() < 0.3 + (0.4 * (index % 3) / 2.0) ? DealMotion.NewLogo : (DealMotion)random.Next(1, 5);
            var closes = created.AddDays(random.Next(20, 200));
            var outcome = closes > Today ? DealOutcome.Open : Good() ? DealOutcome.Won : DealOutcome.Lost;
            return new Opportunity(
                new OpportunityId($"{id}-O{i + 1:D3}"),
                new AccountId($"A-{index + 1:D3}-{random.Next(1, 12):D2}"),
                created,
                motion,
                random.Next(3) == 0 ? DealSource.VendorReferred : DealSource.PartnerSourced,
                RouteToMarket.Partner,
                outcome,
                Good() || random.Next(2) == 0 ? random.Next(5, 200) * 1000m : null,
                id,
                district,
                created.AddDays(Good() ? random.Next(0, 5) : random.Next(5, 30)) is var registered && registered <= Today ? registered : created,
                created.AddDays(random.Next(0, 60)) is var updated && updated <= Today ? updated : null,
                closes,
                outcome == DealOutcome.Open ? null : closes,
                outcome == DealOutcome.Lost ? (random.Next(3) switch { 0 => "Price", 1 => "Competitor", _ => "No decision" }) : null,
                outcome == DealOutcome.Open ? "Propose" : Good() ? "Closed" : null);
        }).ToList();

        var partner = new Partner(id, $"{Names[index % Names.Length]} {(char)('A' + (index / Names.Length))}", (PartnerType)(index % 7), index % 4 == 0 ? "Gold" : "Silver", district, onboarded);
        return new Partnership(partner, onboarded, Competencies.Take(2), commitments, interactions, certifications, deliveries, plan, opportunities);
    }
}
