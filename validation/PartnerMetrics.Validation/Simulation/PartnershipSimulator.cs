using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>
/// Simulates partnerships from a latent state (DOMAIN §3.4) and shows each one as the CRM would on
/// the as-of day T.
/// </summary>
/// <remarks>
/// <para>
/// Time runs in 30-day months from the partnership's start. Each side's health x (logit scale)
/// follows a mean-reverting walk x ← x + θ(μ − x) + σ·ε, with rare shocks (the partner's champion
/// leaves; the vendor reorganises) that drop one side by a shock size. Every real event of the
/// month is drawn from the state of that month, and each reaches the CRM with the month's logging
/// propensity ℓ; so does each later update of it (an outcome, a response time, a resolution),
/// which otherwise stays open in the CRM.
/// </para>
/// <para>
/// After T the partnership churns in each of the next six months with the hazard σ(a − b·z), z the
/// combined latent on T; the hazard is held at T's state so that P(churn | everything known on T)
/// is a function of z alone, which makes z's AUC the exact limit for any score computed on T.
/// </para>
/// </remarks>
public sealed class PartnershipSimulator
{
    /// <summary>The length of a simulated month in days.</summary>
    public const int MonthDays = 30;

    /// <summary>The churn horizon in months after T (180 days).</summary>
    public const int HorizonMonths = 6;

    private static readonly string[] Competencies = ["Cloud", "Security", "Data", "Modern Work", "Infrastructure"];
    private static readonly PartnerType[] Types = [PartnerType.Reseller, PartnerType.SystemIntegrator, PartnerType.ManagedServiceProvider];
    private static readonly string[] Stages = ["Qualify", "Propose", "Negotiate"];
    private static readonly string[] LossReasons = ["Price", "Competitor", "No decision"];

    private readonly VariantParameters parameters;
    private readonly Rng seedStream;
    private readonly string prefix;

    /// <summary>Initializes a new instance of the <see cref="PartnershipSimulator"/> class.</summary>
    /// <param name="parameters">The drawn parameters of the variant.</param>
    /// <param name="seedStream">The seed's stream; each partnership derives its own from it.</param>
    /// <param name="asOf">The as-of day T.</param>
    /// <param name="idPrefix">A prefix for partner ids, so that runs can be pooled without collisions.</param>
    public PartnershipSimulator(VariantParameters parameters, Rng seedStream, DateOnly asOf, string idPrefix)
    {
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        this.seedStream = seedStream ?? throw new ArgumentNullException(nameof(seedStream));
        AsOf = asOf;
        prefix = idPrefix;
    }

    /// <summary>Gets the as-of day T.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Simulates the partnership with a given index; the same index always gives the same partnership.</summary>
    /// <param name="index">The index, from 0.</param>
    /// <returns>The partnership, its latent state on T and its outcome.</returns>
    public SimulatedPartnership Simulate(int index)
    {
        var rng = seedStream.Derive((ulong)index + 1);
        var id = new PartnerId(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D5}"));
        var state = new World(this, rng, id);
        return state.Run();
    }

    /// <summary>The simulation of one partnership: its latent paths and its growing CRM record.</summary>
    private sealed class World
    {
        private readonly VariantParameters p;
        private readonly Rng rng;
        private readonly PartnerId id;
        private readonly int t;
        private readonly int start;
        private readonly int monthOfT;
        private readonly double[] partner;
        private readonly double[] vendor;
        private readonly double[] logging;
        private readonly double activity;
        private readonly List<Commitment> commitments = [];
        private readonly List<Interaction> interactions = [];
        private readonly List<Certification> certifications = [];
        private readonly List<Delivery> deliveries = [];
        private readonly List<Opportunity> opportunities = [];
        private int accounts;

        public World(PartnershipSimulator owner, Rng rng, PartnerId id)
        {
            p = owner.parameters;
            this.rng = rng;
            this.id = id;
            t = owner.AsOf.DayNumber;
            start = t - rng.Between(90, 730);
            monthOfT = (t - start) / MonthDays;
            var months = monthOfT + HorizonMonths + 1;
            partner = new double[months];
            vendor = new double[months];
            logging = new double[months];
            activity = p[Knob.Activity] * Math.Exp(0.5 * rng.Normal());
            DrawPaths();
        }

        public SimulatedPartnership Run()
        {
            var required = DrawRequiredCompetencies();
            for (var m = 0; m <= monthOfT; m++)
            {
                var first = start + (m * MonthDays);
                var last = Math.Min(first + MonthDays - 1, t);
                if (first > t)
                {
                    break;
                }

                var share = (last - first + 1) / (double)MonthDays;
                SimulateMonth(m, first, last, share);
            }

            foreach (var competency in required)
            {
                SimulateCertification(competency);
            }

            if (rng.Chance(0.5))
            {
                SimulateCertification(Competencies[rng.Between(0, Competencies.Length - 1)] + " Specialist");
            }

            var plan = SimulatePlan();
            var partnerInfo = new Partner(
                id,
                "Partner " + id.Value,
                Types[rng.Between(0, Types.Length - 1)],
                onboardedOn: DateOnly.FromDayNumber(start));
            var partnership = new Partnership(
                partnerInfo,
                DateOnly.FromDayNumber(start),
                required,
                commitments,
                interactions,
                certifications,
                deliveries,
                plan?.AsOf(DateOnly.FromDayNumber(t)),
                opportunities);

            var combined = Latent.Combine(partner[monthOfT], vendor[monthOfT]);
            var (churnedOn, revenue) = SimulateOutcome(combined);
            var meanLogging = 0.0;
            for (var m = 0; m <= monthOfT; m++)
            {
                meanLogging += logging[m];
            }

            return new SimulatedPartnership(
                partnership,
                DateOnly.FromDayNumber(t),
                partner[monthOfT],
                vendor[monthOfT],
                combined,
                meanLogging / (monthOfT + 1),
                churnedOn,
                revenue,
                plan);
        }

        private void DrawPaths()
        {
            var theta = p[Knob.Reversion];
            var sigma = p[Knob.Volatility];
            var stationary = sigma / Math.Sqrt((2 * theta) - (theta * theta));
            var partnerMean = p[Knob.PartnerMean] + (p[Knob.MeanSpread] * rng.Normal());
            var vendorMean = p[Knob.VendorMean] + (p[Knob.MeanSpread] * rng.Normal());
            var loggingBase = Latent.Logit(p[Knob.LoggingMean]) + (p[Knob.LoggingSpread] * rng.Normal());
            var xp = partnerMean + (stationary * rng.Normal());
            var xv = vendorMean + (stationary * rng.Normal());
            for (var m = 0; m < partner.Length; m++)
            {
                if (m > 0)
                {
                    xp += (theta * (partnerMean - xp)) + (sigma * rng.Normal());
                    xv += (theta * (vendorMean - xv)) + (sigma * rng.Normal());
                    if (rng.Chance(p[Knob.PartnerShockRate]))
                    {
                        xp -= p[Knob.ShockSize] * rng.Uniform(0.6, 1.4);
                    }

                    if (rng.Chance(p[Knob.VendorShockRate]))
                    {
                        xv -= p[Knob.ShockSize] * rng.Uniform(0.6, 1.4);
                    }
                }

                partner[m] = xp;
                vendor[m] = xv;
                logging[m] = Latent.Logistic(
                    loggingBase
                    + (p[Knob.LoggingHealthLink] * (xp - p[Knob.PartnerMean]))
                    + (p[Knob.LoggingNoise] * rng.Normal()));
            }
        }

        private int MonthOf(int day) => Math.Clamp((day - start) / MonthDays, 0, partner.Length - 1);

        private double PartnerHealth(int day) => Latent.Logistic(partner[MonthOf(day)]);

        private double VendorHealth(int day) => Latent.Logistic(vendor[MonthOf(day)]);

        private double Health(Side side, int day) => side == Side.Partner ? PartnerHealth(day) : VendorHealth(day);

        /// <summary>Whether a real event (or an update of one) dated <paramref name="day"/> reaches the CRM.</summary>
        private bool Logged(int day) => rng.Chance(logging[MonthOf(day)]);

        private ImmutableArray<string> DrawRequiredCompetencies()
        {
            var count = rng.Between(1, 3);
            var chosen = new List<string>(Competencies);
            while (chosen.Count > count)
            {
                chosen.RemoveAt(rng.Between(0, chosen.Count - 1));
            }

            return [.. chosen];
        }

        private void SimulateMonth(int month, int first, int last, double share)
        {
            var hp = Latent.Logistic(partner[month]);
            var hv = Latent.Logistic(vendor[month]);
            var engagement = 0.3 + (0.7 * hp);
            var rate = activity * share;

            Repeat(rng.Poisson(rate * 1.5 * engagement), () => Touch(InteractionKind.Meeting, first, last, hp, hv));
            Repeat(rng.Poisson(rate * 2.0 * engagement), () => Touch(InteractionKind.Call, first, last, hp, hv));
            Repeat(rng.Poisson(rate * 3.0 * engagement), () => Touch(InteractionKind.Email, first, last, hp, hv));
            Repeat(rng.Poisson(rate * 0.2 * engagement), () => Touch(InteractionKind.JointEvent, first, last, hp, hv));
            Repeat(rng.Poisson(rate * 1.0), () => Request(Side.Partner, rng.Between(first, last)));
            Repeat(rng.Poisson(rate * 1.0), () => Request(Side.Vendor, rng.Between(first, last)));
            Repeat(rng.Poisson(rate * 0.5 * (1.0 - Math.Min(hp, hv))), () => Escalation(rng.Between(first, last), hp, hv));
            Repeat(rng.Poisson(rate * 1.0), () => Promise(Side.Partner, rng.Between(first, last)));
            Repeat(rng.Poisson(rate * 0.8), () => Promise(Side.Vendor, rng.Between(first, last)));
            Repeat(rng.Poisson(rate * (0.4 + (0.6 * hp))), () => Deliver(rng.Between(first, last), hp));
            Repeat(rng.Poisson(rate * 0.8 * (0.3 + (0.7 * hp))), () => Deal(rng.Between(first, last)));
        }

        private static void Repeat(int count, Action action)
        {
            for (var i = 0; i < count; i++)
            {
                action();
            }
        }

        /// <summary>
        /// A delay in days, log-normal: its median moves on the log scale from <paramref name="slowest"/> at a quality of 0
        /// to <paramref name="fastest"/> at 1, spread by <paramref name="spread"/> (the log's standard deviation), at most a
        /// year. Continuous, so that no threshold of the scoring model (2 days to answer, 14 to resolve, 7 to register) is
        /// an edge of the simulation: the medians and spreads were set before any run with them and not adjusted after.
        /// </summary>
        private double Delay(double slowest, double fastest, double quality, double spread)
        {
            var logMedian = Math.Log(slowest) + (quality * (Math.Log(fastest) - Math.Log(slowest)));
            return Math.Min(365.0, Math.Exp(logMedian + (spread * rng.Normal())));
        }

        private void Touch(InteractionKind kind, int first, int last, double hp, double hv)
        {
            // A healthy pair shares the initiative; a weak side leaves it to the other (reciprocity).
            var partnerPull = Math.Min(1.0, hp / 0.7);
            var vendorPull = Math.Min(1.0, hv / 0.7);
            var side = rng.Chance(partnerPull / (partnerPull + vendorPull)) ? Side.Partner : Side.Vendor;
            var day = rng.Between(first, last);
            if (Logged(day))
            {
                interactions.Add(new Interaction(DateOnly.FromDayNumber(day), kind, side));
            }
        }

        private void Request(Side asker, int day)
        {
            var answerer = asker == Side.Partner ? Side.Vendor : Side.Partner;
            var health = Health(answerer, day);
            // Never answered with the probability 0.3 × (0.85 − 0.8·h); otherwise the time to the answer is continuous in
            // the answerer's health, with no edge at the model's 2-day target (see Delay).
            double? days = rng.Chance(0.3 * (0.85 - (0.8 * health))) ? null : Delay(slowest: 6.0, fastest: 0.25, health, spread: 0.9);
            if (!Logged(day))
            {
                return;
            }

            // The answer is on record only when it came by T and was itself logged.
            if (days is { } d && (day + d > t || !Logged(day + (int)d)))
            {
                days = null;
            }

            interactions.Add(new Interaction(
                DateOnly.FromDayNumber(day),
                InteractionKind.Request,
                asker,
                responseTime: days is { } answered ? TimeSpan.FromHours(Math.Round(answered * 24.0)) : null));
        }

        private void Escalation(int day, double hp, double hv)
        {
            // The side that is let down raises it.
            var raiser = hp >= hv ? Side.Partner : Side.Vendor;
            var health = Math.Min(hp, hv);
            // Never resolved with the probability 0.3 × (0.8 − 0.7·min h); otherwise a whole number of days, at least one,
            // continuous in the weaker side's health, with no edge at the model's 14-day target.
            int? resolvedIn = rng.Chance(0.3 * (0.8 - (0.7 * health))) ? null : (int)Math.Ceiling(Delay(slowest: 40.0, fastest: 5.0, health, spread: 0.8));
            if (!Logged(day))
            {
                return;
            }

            int? resolved = resolvedIn is { } r && day + r <= t && Logged(day + r) ? day + r : null;
            interactions.Add(new Interaction(
                DateOnly.FromDayNumber(day),
                InteractionKind.Escalation,
                raiser,
                resolvedOn: resolved is { } on ? DateOnly.FromDayNumber(on) : null));
        }

        private void Promise(Side side, int madeOn)
        {
            var due = madeOn + rng.Between(7, 45);

            // The promiser's health on the due day, or on T for a promise due after it: a promise due just after T can
            // be kept before T (on time is up to 5 days early), and the CRM on T must not carry a later month's state.
            var health = Health(side, Math.Min(due, t));
            var draw = rng.NextDouble();
            CommitmentOutcome outcome;
            int? resolved;
            if (draw < 0.8 * health)
            {
                outcome = CommitmentOutcome.Kept;
                resolved = Math.Max(madeOn, due - rng.Between(0, 5));
            }
            else if (draw < health)
            {
                outcome = CommitmentOutcome.KeptLate;
                resolved = due + rng.Between(1, 21);
            }
            else if (rng.Chance(0.6))
            {
                outcome = CommitmentOutcome.Broken;
                resolved = due + rng.Between(0, 30);
            }
            else
            {
                // Quietly dropped: never resolved, so it stays open for ever.
                outcome = CommitmentOutcome.Open;
                resolved = null;
            }

            if (!Logged(madeOn))
            {
                return;
            }

            // The outcome is on record only when it happened by T and was itself logged.
            if (resolved is not { } on || on > t || !Logged(on))
            {
                commitments.Add(new Commitment(side, DateOnly.FromDayNumber(due), CommitmentOutcome.Open));
                return;
            }

            commitments.Add(new Commitment(side, DateOnly.FromDayNumber(due), outcome, DateOnly.FromDayNumber(on)));
        }

        private void Deliver(int day, double hp)
        {
            var onTime = rng.Chance(0.1 + (0.85 * hp));
            var satisfaction = Math.Clamp(0.25 + (0.7 * hp) + rng.Normal(0, 0.12), 0.0, 1.0);
            if (Logged(day))
            {
                deliveries.Add(new Delivery(DateOnly.FromDayNumber(day), onTime, Math.Round(satisfaction, 3)));
            }
        }

        private void Deal(int created)
        {
            var hp = PartnerHealth(created);
            var discipline = logging[MonthOf(created)];
            // Registered after whole days continuous in the month's logging discipline, with no edge at the model's 7-day window.
            var registered = created + (int)Math.Floor(Delay(slowest: 20.0, fastest: 1.5, discipline, spread: 1.0));
            var closes = created + rng.Between(30, 180);
            var won = rng.Chance(0.15 + (0.6 * (hp + VendorHealth(closes)) / 2.0));
            var motionDraw = rng.NextDouble();
            var motion = motionDraw < 0.5 ? DealMotion.NewLogo : motionDraw < 0.8 ? DealMotion.Expansion : motionDraw < 0.9 ? DealMotion.CrossSell : DealMotion.Renewal;
            var source = rng.Chance(0.7) ? DealSource.PartnerSourced : DealSource.CoSell;
            var amount = Math.Round((decimal)(50_000.0 * Math.Exp(0.8 * rng.Normal())), 0);

            // The partner keeps the deal up to date every one to four weeks, each update logged or not.
            var lastUpdate = (int?)null;
            for (var day = registered + rng.Between(7, 30); day <= Math.Min(closes, t); day += rng.Between(7, 30))
            {
                if (rng.Chance(0.4 + (0.6 * PartnerHealth(day))) && Logged(day))
                {
                    lastUpdate = day;
                }
            }

            var hasAmount = Logged(created);
            var hasExpected = Logged(created);
            var hasStage = Logged(created);
            if (!Logged(created) || registered > t)
            {
                return;
            }

            var closed = closes <= t;
            var outcome = closed ? (won ? DealOutcome.Won : DealOutcome.Lost) : DealOutcome.Open;
            var account = new AccountId(string.Create(CultureInfo.InvariantCulture, $"{id.Value}-a{accounts++:D3}"));
            opportunities.Add(new Opportunity(
                new OpportunityId(string.Create(CultureInfo.InvariantCulture, $"{id.Value}-o{opportunities.Count:D4}")),
                account,
                DateOnly.FromDayNumber(created),
                motion,
                source,
                RouteToMarket.Partner,
                outcome,
                hasAmount ? amount : null,
                id,
                registeredOn: DateOnly.FromDayNumber(registered),
                lastUpdatedOn: lastUpdate is { } u ? DateOnly.FromDayNumber(u) : null,
                expectedCloseOn: hasExpected ? DateOnly.FromDayNumber(Math.Max(created, closes + rng.Between(-15, 15))) : null,
                closedOn: closed ? DateOnly.FromDayNumber(closes) : null,
                lossReason: outcome == DealOutcome.Lost && Logged(closes) ? LossReasons[rng.Between(0, LossReasons.Length - 1)] : null,
                stage: closed ? "Closed" : hasStage ? Stages[rng.Between(0, Stages.Length - 1)] : null));
        }

        private void SimulateCertification(string competency)
        {
            const int Validity = 365;
            var obtained = start + (int)rng.Exponential(60.0 + (200.0 * (1.0 - PartnerHealth(start))));
            while (obtained <= t)
            {
                var expires = obtained + Validity;
                if (Logged(obtained))
                {
                    certifications.Add(new Certification(competency, DateOnly.FromDayNumber(obtained), DateOnly.FromDayNumber(expires)));
                }

                // Renewal before expiry depends on the partner's health at the time; a lapse is retaken later, or never.
                var renewBy = expires - rng.Between(0, 45);
                if (rng.Chance(0.3 + (0.65 * PartnerHealth(renewBy))))
                {
                    obtained = renewBy;
                }
                else if (rng.Chance(0.5))
                {
                    obtained = expires + 30 + (int)rng.Exponential(120.0);
                }
                else
                {
                    break;
                }
            }
        }

        private PlanHistory? SimulatePlan()
        {
            var created = start + rng.Between(15, 150);
            if (created > t || !rng.Chance(0.3 + (0.6 * PartnerHealth(created))))
            {
                return null;
            }

            var reviews = ImmutableArray.CreateBuilder<PlanReview>();
            var goals = ImmutableArray.CreateBuilder<GoalHistory>();
            var firstLogged = Logged(created) ? created : (int?)null;
            var initialAlignment = Alignment(created);
            var goalCount = rng.Between(2, 4);
            for (var g = 0; g < goalCount; g++)
            {
                AddGoal(goals, created, ref firstLogged);
            }

            for (var k = 1; ; k++)
            {
                var review = created + (k * 90) + rng.Between(-10, 10);
                if (review > t)
                {
                    break;
                }

                if (!rng.Chance((PartnerHealth(review) + VendorHealth(review)) / 2.0))
                {
                    continue;
                }

                var alignment = Alignment(review);
                if (Logged(review))
                {
                    reviews.Add(new PlanReview(DateOnly.FromDayNumber(review), alignment));
                    firstLogged ??= review;
                    initialAlignment = firstLogged == review ? alignment : initialAlignment;
                }

                if (rng.Chance(0.35))
                {
                    AddGoal(goals, review, ref firstLogged);
                }
            }

            if (firstLogged is not { } createdOn)
            {
                return null;
            }

            // Entries the CRM got before its first record of the plan are dated on that record at the earliest.
            var kept = goals.Where(g => g.AddedOn.DayNumber >= createdOn).ToImmutableArray();
            var keptReviews = reviews.Where(r => r.On.DayNumber > createdOn).ToImmutableArray();
            return new PlanHistory(DateOnly.FromDayNumber(createdOn), initialAlignment, keptReviews, kept);
        }

        private double Alignment(int day) => Math.Round(Math.Clamp(0.15 + (0.7 * PartnerHealth(day)) + rng.Normal(0, 0.08), 0.0, 1.0), 3);

        private void AddGoal(ImmutableArray<GoalHistory>.Builder goals, int added, ref int? firstLogged)
        {
            var bothHealth = Math.Min(PartnerHealth(added), VendorHealth(added));
            var owner = rng.Chance(0.3 + (0.4 * bothHealth)) ? GoalOwner.Both : rng.Chance(0.5) ? GoalOwner.Partner : GoalOwner.Vendor;
            var due = added + rng.Between(120, 360);
            var clear = rng.Chance(0.5 + (0.4 * PartnerHealth(added)));
            var checkIns = ImmutableArray.CreateBuilder<GoalCheckIn>();
            var progress = 0.0;
            var pace = MonthDays / (double)(due - added);
            for (var day = added + rng.Between(20, 40); day <= Math.Min(t, due + 60) && progress < 1.0; day += rng.Between(20, 40))
            {
                var health = owner switch
                {
                    GoalOwner.Partner => PartnerHealth(day),
                    GoalOwner.Vendor => VendorHealth(day),
                    _ => Math.Min(PartnerHealth(day), VendorHealth(day)),
                };
                progress = Math.Min(1.0, progress + (pace * (0.3 + health) * rng.Uniform(0.7, 1.3)));
                if (Logged(day))
                {
                    checkIns.Add(new GoalCheckIn(DateOnly.FromDayNumber(day), Math.Round(progress, 3)));
                }
            }

            if (!Logged(added))
            {
                return;
            }

            firstLogged ??= added;
            var title = string.Create(CultureInfo.InvariantCulture, $"Goal {goals.Count + 1}");
            goals.Add(new GoalHistory(
                title,
                owner,
                clear ? new MeasurableTarget(rng.Between(2, 20) * 50_000m, "USD") : null,
                DateOnly.FromDayNumber(added),
                clear ? DateOnly.FromDayNumber(due) : null,
                checkIns.ToImmutable()));
        }

        private (DateOnly? ChurnedOn, double Revenue) SimulateOutcome(double combined)
        {
            var hazard = Latent.MonthlyHazard(combined, p);
            int? churnedOn = null;
            for (var m = 0; m < HorizonMonths && churnedOn is null; m++)
            {
                if (rng.Chance(hazard))
                {
                    churnedOn = t + (m * MonthDays) + rng.Between(1, MonthDays);
                }
            }

            // Monthly revenue follows the walk after T, scaled by activity, until the churn day.
            var revenue = 0.0;
            for (var m = 1; m <= HorizonMonths; m++)
            {
                var monthEnd = t + (m * MonthDays);
                var active = churnedOn is not { } c ? 1.0 : Math.Clamp((c - (monthEnd - MonthDays)) / (double)MonthDays, 0.0, 1.0);
                var health = Latent.Logistic(Latent.Combine(partner[monthOfT + m], vendor[monthOfT + m]));
                revenue += 20_000.0 * activity * health * Math.Exp(0.3 * rng.Normal()) * active;
            }

            return (churnedOn is { } day ? DateOnly.FromDayNumber(day) : null, Math.Round(revenue, 2));
        }
    }
}
