using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary>
/// A realistic demo portfolio, generated deterministically: 50 partners over 3 districts with up to
/// two years of commitments, interactions, certifications, deliveries, dated joint plans and deals.
/// </summary>
/// <remarks>
/// Each partner has a hidden quality that decides how its evidence turns out, the vendor's own
/// reliability towards it, a tenure, and a logging discipline: the share of weeks whose activity
/// reaches the CRM (seed 002: "if it isn't in your CRM — it didn't happen"). Thirteen established
/// partners log nearly every week for two years, one of whose vendor account team breaks its promises; six
/// joined in the last five weeks; the rest log now and then. So the portfolio spans every band —
/// Healthy, Watch, AtRisk and InsufficientEvidence — and confidence from almost none to above 0.85.
/// The poorest partners have no joint plan: logging every week alone earns a partner about 12 points
/// (weekly cadence is 0.8 of tracked progress, itself 0.15 of the score), so a poor partner that logs
/// every week and plans nothing with the vendor is AtRisk, and judged so with the confidence of two years.
/// </remarks>
internal static class DemoPortfolio
{
    /// <summary>The last day of the demo evidence: the default as-of day.</summary>
    public static readonly DateOnly Today = new(2025, 6, 30);

    private const int Partners = 50;
    private const int Established = 12;
    private const int Newcomers = 6;

    private static readonly string[] Districts = ["North", "South", "West"];
    private static readonly string[] Competencies = ["Azure", "Security", "Data & AI", "Modern Work"];
    private static readonly InteractionKind[] Conversations = [InteractionKind.Meeting, InteractionKind.Call, InteractionKind.Email];
    private static readonly string[] Names =
    [
        "Contoso", "Fabrikam", "Northwind", "Adventure Works", "Tailspin", "Wingtip", "Litware", "Proseware", "Lucerne", "Woodgrove",
        "Alpine Ski", "Blue Yonder", "Coho Vineyard", "Fourth Coffee", "Graphic Design", "Humongous", "Margie's Travel", "Relecloud", "Southridge", "Trey Research",
    ];

    public static Portfolio Create()
    {
        var random = new Random(2025);
        var profiles = Profiles(random);
        var partnerships = new List<Partnership>();
        for (var p = 0; p < Partners; p++)
        {
            partnerships.Add(Partnership(random, p, profiles[p]));
        }

        var snapshots = partnerships.SelectMany(p => p.Opportunities)
            .Where(o => o.Outcome == DealOutcome.Won)
            .SelectMany(o => Enumerable.Range(0, 4).Select(q => (o.AccountId, Date: o.ClosedOn!.Value.AddDays(90 * q), Arr: (o.Amount ?? 0m) * (decimal)(1 + (0.1 * (q - random.Next(3)))))))
            .Where(s => s.Date <= Today)
            .DistinctBy(s => (s.AccountId, s.Date))
            .Select(s => new RevenueSnapshot(s.AccountId, s.Date, Math.Max(0m, Math.Round(s.Arr, 2))));
        return new Portfolio(partnerships, revenueSnapshots: snapshots);
    }

    /// <summary>
    /// The hidden traits of each partner, in a shuffled order so that every district gets a mix.
    /// Qualities are stratified within each group, so that each group spans good and poor partners.
    /// </summary>
    private static Profile[] Profiles(Random random)
    {
        var profiles = new List<Profile>();
        double Stratum(int k, int of) => 0.05 + (0.9 * (k + random.NextDouble()) / of);
        double VendorQuality() => 0.85 + (0.12 * random.NextDouble());

        // Established: two years, nearly every week logged.
        for (var k = 0; k < Established; k++)
        {
            profiles.Add(new Profile(Stratum(k, Established), VendorQuality(), 0.97 + (0.03 * random.NextDouble()), 700 + random.Next(31)));
        }

        // Established too, with a vendor account team that breaks its promises: trust's weakest link.
        profiles.Add(new Profile(0.95, 0.1, 1.0, 720));

        // Newcomers: onboarded in the last five weeks, a handful of events so far.
        for (var k = 0; k < Newcomers; k++)
        {
            profiles.Add(new Profile(0.3 + (0.6 * random.NextDouble()), VendorQuality(), 0.2 + (0.4 * random.NextDouble()), 5 + random.Next(31)));
        }

        // Occasional loggers: a year or two, a fraction of the weeks logged.
        var occasional = Partners - profiles.Count;
        for (var k = 0; k < occasional; k++)
        {
            profiles.Add(new Profile(Stratum(k, occasional), VendorQuality(), 0.03 + (0.32 * random.NextDouble()), 300 + random.Next(431)));
        }

        var shuffled = profiles.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    private static Partnership Partnership(Random random, int index, Profile profile)
    {
        var id = new PartnerId($"P-{index + 1:D3}");
        var district = Districts[index % Districts.Length];
        var onboarded = Today.AddDays(-profile.TenureDays);
        bool Good() => random.NextDouble() < profile.Quality;
        bool VendorGood() => random.NextDouble() < profile.VendorQuality;
        bool Logged() => random.NextDouble() < profile.Discipline;
        bool Chance(double p) => random.NextDouble() < p;
        DateOnly? Visible(DateOnly day) => day <= Today ? day : null;

        var commitments = new List<Commitment>();
        var interactions = new List<Interaction>();
        var deliveries = new List<Delivery>();
        var opportunities = new List<Opportunity>();
        var hunting = 0.15 + (0.7 * (index % 3) / 2.0);

        // Week by week from onboarding: a week whose activity was not logged leaves nothing in the CRM.
        for (var week = onboarded; week <= Today; week = week.AddDays(7))
        {
            if (!Logged())
            {
                continue;
            }

            DateOnly Day() => Min(week.AddDays(random.Next(7)), Today);

            foreach (var _ in Enumerable.Range(0, 1 + random.Next(3)))
            {
                // A good partner takes the initiative about half the time; a poor one leaves it to the vendor.
                var side = Chance(0.15 + (0.35 * profile.Quality)) ? Side.Partner : Side.Vendor;
                interactions.Add(new Interaction(Day(), Chance(0.05) ? InteractionKind.JointEvent : Conversations[random.Next(Conversations.Length)], side));
            }

            foreach (var _ in Enumerable.Range(0, 1 + random.Next(2)))
            {
                commitments.Add(Promise(random, Side.Partner, Day(), Good()));
            }

            if (Chance(0.8))
            {
                commitments.Add(Promise(random, Side.Vendor, Day(), VendorGood()));
            }

            foreach (var _ in Enumerable.Range(0, 1 + random.Next(2)))
            {
                // The vendor asks and the partner answers; then the partner asks and the vendor answers.
                interactions.Add(Request(random, Side.Vendor, Day(), Good()));
                interactions.Add(Request(random, Side.Partner, Day(), VendorGood()));
            }

            if (Chance(0.25))
            {
                var raised = Day();
                var resolved = Good() ? raised.AddDays(random.Next(1, 12)) : Chance(0.5) ? raised.AddDays(random.Next(15, 40)) : (DateOnly?)null;
                interactions.Add(new Interaction(raised, InteractionKind.Escalation, Chance(0.5) ? Side.Partner : Side.Vendor, resolvedOn: resolved is { } r ? Visible(r) : null));
            }

            if (Chance(0.5))
            {
                var good = Good();
                deliveries.Add(new Delivery(Day(), good || Chance(0.3), Math.Round(good ? 0.7 + (0.3 * random.NextDouble()) : 0.3 + (0.4 * random.NextDouble()), 2)));
            }

            // A deal registered after today is not in the CRM yet.
            if (Chance(0.7) && Day() is var created && created.AddDays(Good() ? random.Next(0, 5) : random.Next(8, 30)) is var registered && registered <= Today)
            {
                var closes = created.AddDays(random.Next(20, 200));
                var outcome = closes > Today ? DealOutcome.Open : Good() ? DealOutcome.Won : DealOutcome.Lost;
                var updated = outcome != DealOutcome.Open ? closes
                    : Logged() ? Max(registered, Today.AddDays(-random.Next(0, 10)))
                    : Min(registered.AddDays(random.Next(0, 60)), Today);
                var deal = opportunities.Count + 1;
                opportunities.Add(new Opportunity(
                    new OpportunityId($"{id}-O{deal:D3}"),
                    new AccountId($"A-{index + 1:D3}-{random.Next(1, 12):D2}"),
                    created,
                    Chance(hunting) ? DealMotion.NewLogo : (DealMotion)random.Next(1, 5),
                    Chance(1 / 3.0) ? DealSource.VendorReferred : DealSource.PartnerSourced,
                    RouteToMarket.Partner,
                    outcome,
                    Logged() || Chance(0.3) ? random.Next(5, 200) * 1000m : null,
                    id,
                    district,
                    registered,
                    updated,
                    Logged() ? closes : null,
                    outcome == DealOutcome.Open ? null : closes,
                    outcome == DealOutcome.Lost ? (random.Next(3) switch { 0 => "Price", 1 => "Competitor", _ => "No decision" }) : null,
                    outcome == DealOutcome.Open ? (Logged() ? "Propose" : null) : "Closed"));
            }
        }

        var certifications = Competencies.Where(_ => Good()).Select(c =>
        {
            var obtained = onboarded.AddDays(random.Next(0, profile.TenureDays + 1));
            return new Certification(c, obtained, Chance(1 / 3.0) ? obtained.AddDays(random.Next(200, 800)) : null);
        }).ToList();

        var partner = new Partner(id, $"{Names[index % Names.Length]} {(char)('A' + (index / Names.Length))}", (PartnerType)(index % 7), index % 4 == 0 ? "Gold" : "Silver", district, onboarded);
        return new Partnership(partner, onboarded, Competencies.Take(2), commitments, interactions, certifications, deliveries, Plan(random, profile, onboarded), opportunities);
    }

    /// <summary>A promise due on a day: kept if it goes well, else kept late or broken; open while not yet resolved.</summary>
    private static Commitment Promise(Random random, Side side, DateOnly due, bool kept)
    {
        if (kept)
        {
            var on = due.AddDays(-random.Next(0, 5));
            return on <= Today ? new Commitment(side, due, CommitmentOutcome.Kept, on) : new Commitment(side, due, CommitmentOutcome.Open);
        }

        var late = random.Next(2) == 0;
        var resolved = due.AddDays(late ? random.Next(1, 20) : random.Next(0, 10));
        return resolved > Today ? new Commitment(side, due, CommitmentOutcome.Open)
            : new Commitment(side, due, late ? CommitmentOutcome.KeptLate : CommitmentOutcome.Broken, resolved);
    }

    /// <summary>
    /// A request by one side that the other answers: within hours if it goes well, else days late or never. An answer that
    /// would come after the export day is not in the export: the request is still unanswered on it.
    /// </summary>
    private static Interaction Request(Random random, Side askedBy, DateOnly day, bool answered)
    {
        TimeSpan? response = answered ? TimeSpan.FromHours(random.Next(1, 40)) : random.Next(2) == 0 ? TimeSpan.FromDays(random.Next(3, 10)) : null;
        return new Interaction(day, InteractionKind.Request, askedBy, response is { } r && day.AddDays((int)Math.Ceiling(r.TotalDays)) > Today ? null : response);
    }

    /// <summary>
    /// A joint plan a month after onboarding (none for the poorest partners, below quality 0.2, for half of
    /// the other poor ones, below 0.35, and for newcomers), reviewed each quarter when the partner's
    /// discipline holds, each review recording alignment and goal progress.
    /// </summary>
    private static JointPlan? Plan(Random random, Profile profile, DateOnly onboarded)
    {
        var created = onboarded.AddDays(30);
        if (created > Today || profile.Quality < 0.2 || (profile.Quality < 0.35 && random.Next(2) == 0))
        {
            return null;
        }

        var certifyDue = Today.AddDays(180);
        var pipelineDue = Today.AddDays(90);
        List<PlanReview> reviews = [new(created, Math.Round(profile.Quality * (0.4 + (0.4 * random.NextDouble())), 2))];
        List<GoalCheckIn> certify = [], pipeline = [];
        for (var day = created.AddDays(90); day <= Today; day = day.AddDays(90))
        {
            if (random.NextDouble() >= profile.Discipline + 0.1)
            {
                continue;
            }

            var on = Min(day.AddDays(random.Next(-10, 11)), Today);
            reviews.Add(new PlanReview(on, random.Next(5) == 0 ? null : Math.Round(Math.Clamp(profile.Quality * (0.6 + (0.5 * random.NextDouble())), 0, 1), 2)));
            certify.Add(new GoalCheckIn(on, Progress(random, profile, created, certifyDue, on)));
            pipeline.Add(new GoalCheckIn(on, Progress(random, profile, created, pipelineDue, on)));
        }

        return new JointPlan(
            created,
            [
                new PlanGoal("Certify engineers", random.NextDouble() < profile.Quality ? GoalOwner.Both : GoalOwner.Partner, certify, new MeasurableTarget(4, "engineers"), created, certifyDue),
                new PlanGoal("Joint pipeline", GoalOwner.Both, pipeline, random.NextDouble() < profile.Quality ? new MeasurableTarget(1_000_000, "USD") : null, dueOn: pipelineDue),
            ],
            reviews);
    }

    /// <summary>A goal's progress on a day: the elapsed share of its period, scaled by the partner's quality, with noise.</summary>
    private static double Progress(Random random, Profile profile, DateOnly start, DateOnly due, DateOnly on)
    {
        var elapsed = (on.DayNumber - start.DayNumber) / (double)(due.DayNumber - start.DayNumber);
        return Math.Round(Math.Clamp(elapsed * profile.Quality * (0.8 + (0.5 * random.NextDouble())), 0, 1), 2);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;

    /// <param name="Quality">How well the partner's evidence turns out, in (0, 1).</param>
    /// <param name="VendorQuality">How well the vendor keeps its promises and answers this partner.</param>
    /// <param name="Discipline">The share of weeks whose activity is logged in the CRM.</param>
    /// <param name="TenureDays">Days since onboarding, as of <see cref="Today"/>.</param>
    private readonly record struct Profile(double Quality, double VendorQuality, double Discipline, int TenureDays);
}
