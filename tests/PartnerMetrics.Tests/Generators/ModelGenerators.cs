using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

#pragma warning disable CS0618 // HealthModel.RecommendationTarget is obsolete but still validated and round-tripped; these tests keep checking that.

namespace PartnerMetrics.Tests.Generators;

/// <summary>
/// FsCheck generators for every model type, in one place so that every property test draws from
/// the same realistic input space: every enum value, both sides, dates spread over years (2000–2040),
/// optional fields both present and absent, empty, typical and large collections, and text that
/// stresses JSON escaping.
/// </summary>
public static class ModelGenerators
{
    /// <summary>The earliest day generated: evidence from a quarter of a century of CRM history.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest day a generated base date takes (offsets may add a few years).</summary>
    public static readonly DateOnly Latest = new(2040, 12, 31);

    private static readonly string[] Words =
    [
        "Azure", "Data & AI", "Security", "Modern Work", "Cloud migration", "SAP on cloud", "Renewal Q3",
        "Ünïcødé GmbH", "\"quoted\" name", "back\\slash", "line\nbreak", "tab\tseparated", "<script>", "emoji 🚀",
        "日本語", "  padded  ", "a", "Zürich", "O'Neil & Sons",
    ];

    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(0, Latest.DayNumber - Earliest.DayNumber).Select(offset => Earliest.AddDays(offset));

    /// <summary>A number of days to add to a date, biased towards CRM-typical gaps but reaching years.</summary>
    public static Gen<int> Days { get; } = Gen.Frequency(
        (5, Gen.Choose(0, 30)),
        (3, Gen.Choose(0, 365)),
        (1, Gen.Choose(0, 3 * 365)));

    public static Gen<string> Text { get; } = Gen.Frequency(
        (3, Gen.Elements(Words)),
        (1, Gen.Choose(0, 1_000_000).Select(n => $"Item {n}")));

    /// <summary>A model's name or version: the texts without control characters, which a label rejects.</summary>
    public static Gen<string> Label { get; } = Text.Where(text => !text.Any(char.IsControl));

    /// <summary>A competency's name: the texts without white space at an end, which a name matched to others rejects ("  padded  " trimmed).</summary>
    public static Gen<string> Name { get; } = Text.Select(text => text.Trim());

    public static Gen<string?> OptionalText { get; } = Gen.Frequency(
        (2, Gen.Constant<string?>(null)),
        (3, Text.Select(text => (string?)text)));

    /// <summary>A value in [0, 1]: the exact ends, round values and full-precision doubles.</summary>
    public static Gen<double> UnitInterval { get; } = Gen.Frequency(
        (1, Gen.Elements(0.0, 1.0, 0.5, 0.7)),
        (2, Gen.Choose(0, 100).Select(n => n / 100.0)),
        (2, Gen.Choose(0, int.MaxValue).Select(n => n / (double)int.MaxValue)));

    /// <summary>A money amount: zero, cents, large deals and the largest the model accepts.</summary>
    public static Gen<decimal> Amount { get; } = Gen.Frequency(
        (1, Gen.Elements(0m, 0.01m, 0.0001m, PartnerMetrics.Pipeline.Opportunity.MaxAmount, PartnerMetrics.Pipeline.Opportunity.MaxAmount - 0.0001m)),
        (6, Gen.Choose(0, 2_000_000).Select(n => (decimal)n)),
        (3, Gen.Zip(Gen.Choose(0, 100_000_000), Gen.Choose(0, 99)).Select(t => t.Item1 + (t.Item2 / 100m))));

    public static Gen<T> Enum<T>()
        where T : struct, System.Enum => Gen.Elements(System.Enum.GetValues<T>());

    public static Gen<T?> OrNone<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(value => (T?)value)));

    public static Gen<Commitment> Commitment { get; } = CommitmentOn(Date);

    public static Gen<Commitment> CommitmentOn(Gen<DateOnly> dates) =>
        from side in Enum<Side>()
        from due in dates
        from outcome in Enum<CommitmentOutcome>()
        from gap in Days
        from recorded in Gen.Elements(true, false)
        from description in OptionalText
        select new Commitment(side, due, outcome, ResolvedOn(outcome, due, gap, recorded), description);

    public static Gen<Interaction> Interaction { get; } = InteractionOn(Date);

    public static Gen<Interaction> InteractionOn(Gen<DateOnly> dates) =>
        from date in dates
        from kind in Enum<InteractionKind>()
        from side in Enum<Side>()
        from minutes in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 60 * 24 * 30).Select(m => (int?)m)))
        from gap in OrNone(Days)
        from subject in OptionalText
        select new Interaction(
            date,
            kind,
            side,
            kind == InteractionKind.Request && minutes is { } m ? TimeSpan.FromMinutes(m) : null,
            kind == InteractionKind.Escalation && gap is { } g ? date.AddDays(g) : null,
            subject);

    public static Gen<Certification> Certification { get; } = CertificationOn(Date, Name);

    public static Gen<Certification> CertificationOn(Gen<DateOnly> dates, Gen<string> competencies) =>
        from competency in competencies
        from obtained in dates
        from validity in OrNone(Days)
        select new Certification(competency, obtained, validity is { } days ? obtained.AddDays(days + 1) : null);   // valid at least on the day obtained

    public static Gen<Delivery> Delivery { get; } = DeliveryOn(Date);

    public static Gen<Delivery> DeliveryOn(Gen<DateOnly> dates) =>
        from date in dates
        from onTime in Gen.Elements(true, false)
        from satisfaction in UnitInterval
        from description in OptionalText
        select new Delivery(date, onTime, satisfaction, description);

    public static Gen<MeasurableTarget> MeasurableTarget { get; } =
        from value in Gen.OneOf(Amount, Amount.Select(a => -a))
        from unit in Text
        select new MeasurableTarget(value, unit);

    public static Gen<PlanGoal> PlanGoal { get; } = PlanGoalOn(Date);

    /// <summary>
    /// A goal whose progress is either one undated value (the single-value constructor) or dated
    /// check-ins drawn from <paramref name="dates"/>, so that around an as-of day some fall after it.
    /// Its due day, when it has one, lies after its start day or, without a start day (its period
    /// then runs from the plan's creation), after another of <paramref name="dates"/>: so a goal
    /// without a start is due before, around and after an as-of day, as a goal with one is.
    /// </summary>
    public static Gen<PlanGoal> PlanGoalOn(Gen<DateOnly> dates) =>
        from title in Text
        from owner in Enum<GoalOwner>()
        from target in MeasurableTarget.OrNull()
        from start in OrNone(dates)
        from anchor in dates
        from length in OrNone(Days)
        from dated in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(true)))
        from progress in UnitInterval
        from checkIns in Gen.Choose(0, 6).SelectMany(n => GoalCheckInOn(dates).ArrayOf(n))
        let due = length is { } days ? (start ?? anchor).AddDays(days) : (DateOnly?)null
        select dated
            ? new PlanGoal(title, owner, checkIns.DistinctBy(c => c.On), target, start, due)
            : new PlanGoal(title, owner, progress, target, start, due);

    public static Gen<GoalCheckIn> GoalCheckIn { get; } = GoalCheckInOn(Date);

    public static Gen<GoalCheckIn> GoalCheckInOn(Gen<DateOnly> dates) =>
        from day in dates
        from progress in UnitInterval
        select new GoalCheckIn(day, progress);

    public static Gen<PlanReview> PlanReview { get; } = PlanReviewOn(Date);

    /// <summary>A review on one of <paramref name="dates"/>, recording the alignment most of the time.</summary>
    public static Gen<PlanReview> PlanReviewOn(Gen<DateOnly> dates) =>
        from day in dates
        from alignment in Gen.Frequency((1, Gen.Constant<double?>(null)), (3, UnitInterval.Select(a => (double?)a)))
        select new PlanReview(day, alignment);

    public static Gen<JointPlan> JointPlan { get; } = JointPlanOn(Date);

    /// <summary>
    /// A plan in either form: the single values of a CRM without history (alignment and an optional
    /// last review), or dated reviews on or after its creation day — spread over the same
    /// <paramref name="dates"/>, so that around an as-of day some come after it.
    /// </summary>
    public static Gen<JointPlan> JointPlanOn(Gen<DateOnly> dates) =>
        from created in dates
        from alignment in UnitInterval
        from goals in Gen.Choose(0, 8).SelectMany(n => PlanGoalOn(dates).ArrayOf(n))
        from review in OrNone(Days)
        from cadence in OrNone(Gen.Choose(1, 365))
        from dated in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(true)))
        from reviews in Gen.Choose(0, 6).SelectMany(n => PlanReviewOn(Gen.OneOf(dates, Days.Select(created.AddDays))).ArrayOf(n))
        select dated
            ? new JointPlan(
                created,
                goals,
                reviews.Where(r => r.On >= created).DistinctBy(r => r.On),
                cadence is { } c ? TimeSpan.FromDays(c) : null)
            : new JointPlan(
                created,
                alignment,
                goals,
                review is { } days ? created.AddDays(days) : null,
                cadence is { } c2 ? TimeSpan.FromDays(c2) : null);

    public static Gen<RevenueSnapshot> RevenueSnapshot { get; } =
        from account in Gen.Choose(0, 50)
        from date in Date
        from arr in Amount
        select new RevenueSnapshot(new AccountId($"A-{account}"), date, arr);

    public static Gen<Partner> Partner { get; } = PartnerWith(Gen.Choose(0, 1_000_000).Select(n => new PartnerId($"P-{n}")));

    /// <summary>A list whose length is usually FsCheck's size but sometimes large (hundreds of items).</summary>
    public static Gen<T[]> Many<T>(Gen<T> gen) => Gen.Frequency(
        (1, Gen.Constant(Array.Empty<T>())),
        (8, gen.ArrayOf()),
        (1, Gen.Choose(200, 600).SelectMany(gen.ArrayOf)));

    public static Gen<Partnership> Partnership { get; } = PartnershipWith(new PartnerId("P-1"));

    public static Gen<Opportunity> Opportunity { get; } =
        from partner in OrNone(Gen.Choose(0, 20).Select(n => new PartnerId($"P-{n}")))
        from opportunity in OpportunityFor(partner, "O-1")
        select opportunity;

    public static Gen<Portfolio> Portfolio { get; } =
        from partnerships in Gen.Choose(0, 6).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => PartnershipWith(new PartnerId($"P-{i}"))))
        from direct in Gen.Choose(0, 12).SelectMany(n => Gen.CollectToArray(
            Enumerable.Range(0, n),
            i => OrNone(Gen.Choose(100, 110).Select(p => new PartnerId($"P-{p}"))).SelectMany(partner => OpportunityFor(partner, $"D-{i}"))))
        from snapshots in Many(RevenueSnapshot)
        select new Portfolio(partnerships, direct, snapshots.DistinctBy(s => (s.AccountId, s.Date)));

    public static Gen<Partner> PartnerWith(Gen<PartnerId> ids) =>
        from id in ids
        from name in Text
        from type in Enum<PartnerType>()
        from tier in Gen.Elements<string?>(null, "Gold", "Silver", "Platinum", "Registered", " ")
        from district in Gen.Elements<string?>(null, "North", "South", "West", "DACH", "")
        from onboarded in OrNone(Date)
        select new Partner(id, name, type, tier, district, onboarded);

    public static Gen<Partnership> PartnershipWith(PartnerId id) =>
        from partner in PartnerWith(Gen.Constant(id))
        from started in Date
        from competencies in Gen.SubListOf(Words.Select(word => word.Trim()))
        from commitments in Many(Commitment)
        from interactions in Many(Interaction)
        from certifications in Many(Certification)
        from deliveries in Many(Delivery)
        from plan in JointPlan.OrNull()
        from opportunities in Gen.Choose(0, 20).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => OpportunityFor(id, $"{id}-O{i}")))
        select new Partnership(partner, started, competencies.DistinctBy(c => c.ToUpperInvariant()), commitments, interactions, certifications, deliveries, plan, opportunities);

    /// <summary>An opportunity with every optional field sometimes present, and dates consistent with its outcome.</summary>
    public static Gen<Opportunity> OpportunityFor(PartnerId? partner, string id) => OpportunityOn(Date, partner, id);

    public static Gen<Opportunity> OpportunityOn(Gen<DateOnly> dates, PartnerId? partner, string id) =>
        from account in Gen.Choose(0, 50)
        from created in dates
        from motion in Enum<DealMotion>()
        from source in Enum<DealSource>()
        from route in Enum<RouteToMarket>()
        from outcome in Enum<DealOutcome>()
        from amount in OrNone(Amount)
        from district in Gen.Elements<string?>(null, "North", "South", "West", "DACH")
        from registered in OrNone(Days)
        from updated in OrNone(Days)
        from expected in OrNone(Days)
        from cycle in Days
        from reason in Gen.Elements<string?>(null, "Price", "Competitor", "No decision", "Timing")
        from stage in Gen.Elements<string?>(null, "Qualify", "Propose", "Negotiate")
        select new Opportunity(
            new OpportunityId(id),
            new AccountId($"A-{account}"),
            created,
            motion,
            source,
            route,
            outcome,
            amount,
            partner,
            district,
            registered is { } r ? created.AddDays(r) : null,
            updated is { } u ? created.AddDays(u) : null,
            expected is { } e ? created.AddDays(e) : null,
            outcome == DealOutcome.Open ? null : created.AddDays(cycle),
            outcome == DealOutcome.Lost ? reason : null,
            stage);

    /// <summary>The competencies scoring tests require and certify, so that coverage is sometimes partial and sometimes full.</summary>
    public static readonly string[] Competencies = ["Azure", "Security", "Data & AI", "Modern Work"];

    /// <summary>An as-of day for scoring.</summary>
    public static Gen<DateOnly> AsOf { get; } = Gen.Choose(new DateOnly(2005, 1, 1).DayNumber, new DateOnly(2035, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>
    /// A partnership to score and the day to score it on: evidence of every kind from both sides,
    /// mostly in the three years before the day (where it carries weight), some of it after (which
    /// must be invisible), sometimes none at all; a plan sometimes missing or created later.
    /// </summary>
    public static Gen<ScoringCase> ScoringCase { get; } =
        from asOf in AsOf
        from partnership in PartnershipAround(asOf, new PartnerId("P-1"))
        select new ScoringCase(partnership, asOf);

    /// <summary>
    /// A history to take: a scoring case's partnership (evidence mostly in the three years before its
    /// day), scored with the default model or any valid one (half-lives from a day to 1,000 days, grace
    /// periods and targets in hours), over a range around that day — mostly up to two years at a step of
    /// 1 to 35 days; sometimes day by day over a few months; sometimes a few dozen points over up to
    /// four centuries (a first point long before any evidence, or evidence aged to nothing).
    /// </summary>
    public static Gen<HistoryCase> HistoryCase { get; } =
        from c in ScoringCase
        from model in Gen.Frequency((1, Gen.Constant(PartnerMetrics.Health.HealthModel.Default)), (2, HealthModel))
        from range in Gen.Frequency(
            (6, from back in Gen.Choose(0, 2 * 365) from span in Gen.Choose(0, 2 * 365) from step in Gen.Choose(1, 35) select (Back: back, Span: span, Step: step)),
            (1, from back in Gen.Choose(0, 120) from span in Gen.Choose(0, 150) select (Back: back, Span: span, Step: 1)),
            (1, from back in Gen.Choose(0, 400 * 365) from span in Gen.Choose(0, 400 * 365) from points in Gen.Choose(1, 40) select (Back: back, Span: span, Step: Math.Max(1, span / points))))
        let first = c.AsOf.AddDays(-range.Back)
        select new HistoryCase(model, c.Partnership, first, first.AddDays(range.Span), range.Step);

    /// <summary>Days around <paramref name="asOf"/>: mostly within three years before it, sometimes after it or long before.</summary>
    public static Gen<DateOnly> DatesAround(DateOnly asOf) => Gen.Frequency(
        (6, Gen.Choose(0, 3 * 365).Select(days => asOf.AddDays(-days))),
        (2, Gen.Choose(0, 60).Select(days => asOf.AddDays(-days))),
        (1, Gen.Choose(1, 400).Select(asOf.AddDays)),
        (1, Gen.Choose(3 * 365, 20 * 365).Select(days => asOf.AddDays(-days))));

    /// <summary>Evidence lists for scoring: empty, a handful, or many.</summary>
    public static Gen<T[]> Some<T>(Gen<T> gen) => Gen.Frequency(
        (1, Gen.Constant(Array.Empty<T>())),
        (3, Gen.Choose(1, 8).SelectMany(gen.ArrayOf)),
        (3, Gen.Choose(8, 60).SelectMany(gen.ArrayOf)));

    public static Gen<Partnership> PartnershipAround(DateOnly asOf, PartnerId id)
    {
        var dates = DatesAround(asOf);
        return
            from partner in PartnerWith(Gen.Constant(id))
            from started in Gen.Frequency((5, Gen.Choose(0, 4 * 365).Select(days => asOf.AddDays(-days))), (1, Gen.Choose(1, 200).Select(asOf.AddDays)))
            from competencies in Gen.SubListOf(Competencies)
            from commitments in Some(CommitmentOn(dates))
            from interactions in Some(InteractionOn(dates))
            from certifications in Some(CertificationOn(dates, Gen.Elements(Competencies)))
            from deliveries in Some(DeliveryOn(dates))
            from plan in Gen.Frequency((1, Gen.Constant<JointPlan?>(null)), (3, JointPlanOn(dates).Select(p => (JointPlan?)p)))
            from opportunities in Gen.Choose(0, 25).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => OpportunityOn(dates, id, $"{id}-O{i}")))
            select new Partnership(partner, started, competencies, commitments, interactions, certifications, deliveries, plan, opportunities);
    }

    /// <summary>Days from 0 to <paramref name="maxDays"/> before <paramref name="asOf"/>: evidence that is visible and weighs.</summary>
    public static Gen<DateOnly> Before(DateOnly asOf, int maxDays) => Gen.Choose(0, maxDays).Select(days => asOf.AddDays(-days));

    /// <summary>Days after <paramref name="asOf"/>: evidence a score as of that day must not see.</summary>
    public static Gen<DateOnly> After(DateOnly asOf) => Gen.Choose(1, 3 * 365).Select(asOf.AddDays);

    /// <summary>Evidence of every kind dated entirely after <paramref name="asOf"/>, for <paramref name="partnership"/>.</summary>
    public static Gen<Partnership> WithFutureEvidence(Partnership partnership, DateOnly asOf)
    {
        var later = After(asOf);
        var id = partnership.Partner.Id;
        return
            from commitments in CommitmentOn(later).Where(c => c.ResolvedOn is not { } r || r > asOf).ArrayOf()
            from interactions in InteractionOn(later).ArrayOf()
            from certifications in CertificationOn(later, Gen.Elements(Competencies)).ArrayOf()
            from deliveries in DeliveryOn(later).ArrayOf()
            from opportunities in Gen.Choose(0, 6).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => OpportunityOn(later, id, $"{id}-F{i}")))
            from newPlan in JointPlanOn(later)
            from plan in partnership.JointPlan is { } existing
                ? WithFutureHistory(existing, asOf).Select(p => (JointPlan?)p)
                : Gen.Constant<JointPlan?>(newPlan)
            select partnership.With(
                partnership.Commitments.AddRange(commitments),
                partnership.Interactions.AddRange(interactions),
                partnership.Certifications.AddRange(certifications),
                partnership.Deliveries.AddRange(deliveries),
                partnership.Opportunities.AddRange(opportunities),
                _ => plan);
    }

    /// <summary>
    /// <paramref name="partnership"/> with the part after <paramref name="asOf"/> of every item that straddles it rewritten:
    /// a commitment resolved after it, left open or resolved on another later day its outcome allows; a request made by
    /// then and answered after it, left unanswered or answered at another later time; an escalation raised by then and
    /// resolved after it, left open or resolved on another later day. On <paramref name="asOf"/> each was still open, so no
    /// score of that day may depend on how or when it ended (rule 4). Items entirely after the day are
    /// <see cref="WithFutureEvidence"/>'s. A deal created by the day has its close, registration and last update after
    /// the day moved to another later day (an update also dropped); its outcome, loss reason and other fields stay, for
    /// they carry no date of their own. A registration is never dropped: a deal registered later reached the vendor's CRM
    /// that day, one never registered was there from its creation — two different pasts, not two futures.
    /// </summary>
    public static Gen<Partnership> WithOtherFutureOutcomes(Partnership partnership, DateOnly asOf) =>
        from commitments in Gen.CollectToArray(partnership.Commitments, c => OtherFutureOutcome(c, asOf))
        from interactions in Gen.CollectToArray(partnership.Interactions, i => OtherFutureOutcome(i, asOf))
        from opportunities in Gen.CollectToArray(partnership.Opportunities, o => OtherFutureOutcome(o, asOf))
        select partnership.With(commitments: commitments, interactions: interactions, opportunities: opportunities);

    private static Gen<Opportunity> OtherFutureOutcome(Opportunity deal, DateOnly asOf)
    {
        if (deal.CreatedOn > asOf)
        {
            return Gen.Constant(deal);
        }

        Gen<DateOnly?> Later(DateOnly? day, bool mayDrop) => day is { } d && d > asOf
            ? Gen.Frequency((mayDrop ? 1 : 0, Gen.Constant<DateOnly?>(null)), (3, After(asOf).Select(x => (DateOnly?)x)))
            : Gen.Constant(day);
        return
            from closed in Later(deal.ClosedOn, mayDrop: false)
            from registered in Later(deal.RegisteredOn, mayDrop: false)
            from updated in Later(deal.LastUpdatedOn, mayDrop: true)
            select new Opportunity(
                deal.Id, deal.AccountId, deal.CreatedOn, deal.Motion, deal.Source, deal.Route, deal.Outcome, deal.Amount, deal.PartnerId, deal.District,
                registered, updated, deal.ExpectedCloseOn, closed, deal.LossReason, deal.Stage);
    }

    private static Gen<Commitment> OtherFutureOutcome(Commitment commitment, DateOnly asOf)
    {
        if (commitment.ResolvedOn is not { } resolved || resolved <= asOf)
        {
            return Gen.Constant(commitment);
        }

        return
            from open in Gen.Elements(true, false)
            from ahead in Gen.Choose(1, 3 * 365)
            select open
                ? new Commitment(commitment.PromisedBy, commitment.DueOn, CommitmentOutcome.Open, description: commitment.Description)
                : new Commitment(commitment.PromisedBy, commitment.DueOn, commitment.Outcome, commitment.Outcome switch
                {
                    // Kept on or before its due day, which is after the day since it was kept after it.
                    CommitmentOutcome.Kept => asOf.AddDays(1 + ((ahead - 1) % (commitment.DueOn.DayNumber - asOf.DayNumber))),
                    CommitmentOutcome.KeptLate => DateOnly.FromDayNumber(Math.Max(commitment.DueOn.DayNumber, asOf.DayNumber) + ahead),
                    _ => asOf.AddDays(ahead),
                }, commitment.Description);
    }

    private static Gen<Interaction> OtherFutureOutcome(Interaction interaction, DateOnly asOf)
    {
        var (day, today) = (interaction.Date.DayNumber, asOf.DayNumber);
        return interaction switch
        {
            { Kind: InteractionKind.Request, ResponseTime: { } response } when day <= today && day + (int)Math.Ceiling(response.TotalDays) > today =>
                from unanswered in Gen.Elements(true, false)
                from hours in Gen.Choose(1, 3 * 365 * 24)
                select new Interaction(interaction.Date, interaction.Kind, interaction.InitiatedBy, unanswered ? null : TimeSpan.FromDays(today - day) + TimeSpan.FromHours(hours), subject: interaction.Subject),
            { Kind: InteractionKind.Escalation, ResolvedOn: { } resolved } when day <= today && resolved > asOf =>
                from open in Gen.Elements(true, false)
                from later in After(asOf)
                select new Interaction(interaction.Date, interaction.Kind, interaction.InitiatedBy, resolvedOn: open ? null : later, subject: interaction.Subject),
            _ => Gen.Constant(interaction),
        };
    }

    /// <summary>
    /// <paramref name="plan"/> with more reviews and goal check-ins, all dated after <paramref name="asOf"/>
    /// (a day the plan already has an entry on keeps that entry).
    /// </summary>
    public static Gen<JointPlan> WithFutureHistory(JointPlan plan, DateOnly asOf)
    {
        var later = After(asOf);
        return
            from reviews in PlanReviewOn(later).ArrayOf()
            from checkIns in GoalCheckInOn(later).ArrayOf().ArrayOf(plan.Goals.Length)
            select plan.With(
                plan.Goals.Select((goal, i) => goal.WithCheckIns(goal.CheckIns.Concat(checkIns[i]).DistinctBy(c => c.On))),
                plan.Reviews.Concat(reviews.Where(r => r.On >= plan.CreatedOn)).DistinctBy(r => r.On));
    }

    /// <summary>
    /// One more piece of evidence of any kind, dated anywhere around <paramref name="asOf"/>: a commitment, an interaction,
    /// a certification, a delivery, a deal; a plan where there is none; else a goal, a review (on a day the plan has none,
    /// on or after its creation) or a goal's check-in (on a day that goal has none).
    /// </summary>
    public static Gen<Partnership> WithOneMoreItem(Partnership partnership, DateOnly asOf)
    {
        var dates = DatesAround(asOf);
        var id = partnership.Partner.Id;
        List<Gen<Partnership>> more =
        [
            CommitmentOn(dates).Select(c => partnership.With(commitments: partnership.Commitments.Add(c))),
            InteractionOn(dates).Select(i => partnership.With(interactions: partnership.Interactions.Add(i))),
            CertificationOn(dates, Gen.Elements(Competencies)).Select(c => partnership.With(certifications: partnership.Certifications.Add(c))),
            DeliveryOn(dates).Select(d => partnership.With(deliveries: partnership.Deliveries.Add(d))),
            OpportunityOn(dates, id, $"{id}-extra").Select(o => partnership.With(opportunities: partnership.Opportunities.Add(o))),
        ];
        if (partnership.JointPlan is not { } plan)
        {
            more.Add(JointPlanOn(dates).Select(p => partnership.With(plan: _ => p)));
        }
        else
        {
            more.Add(PlanGoalOn(dates).Select(g => partnership.With(plan: _ => plan.With(goals: plan.Goals.Add(g)))));
            more.Add(
                from review in PlanReviewOn(Gen.OneOf(dates, Days.Select(plan.CreatedOn.AddDays)))
                where review.On >= plan.CreatedOn && plan.Reviews.All(r => r.On != review.On)
                select partnership.With(plan: _ => plan.With(reviews: plan.Reviews.Add(review))));
            if (!plan.Goals.IsEmpty)
            {
                more.Add(
                    from index in Gen.Choose(0, plan.Goals.Length - 1)
                    from checkIn in GoalCheckInOn(dates)
                    where plan.Goals[index].CheckIns.All(c => c.On != checkIn.On)
                    select partnership.With(plan: _ => plan.With(goals: plan.Goals.SetItem(index, plan.Goals[index].WithCheckIns(plan.Goals[index].CheckIns.Add(checkIn))))));
            }
        }

        return Gen.OneOf(more);
    }

    /// <summary>A deal amount for pipeline sums: absent, or any amount the model accepts, up to <see cref="Opportunity.MaxAmount"/>.</summary>
    public static Gen<decimal?> DealAmount { get; } = Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (9, Amount.Select(a => (decimal?)a)));

    /// <summary>
    /// A pipeline of deals with distinct ids, over a handful of partners (and direct deals),
    /// districts, accounts and ten years, in every motion, source, route and outcome.
    /// </summary>
    public static Gen<Opportunity[]> Deals { get; } = Gen.Sized(size =>
        Gen.Choose(0, Math.Max(1, size * 4)).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i => DealNumbered(i))));

    public static Gen<Opportunity> DealNumbered(int index) => DealNumbered(index, DealAmount);

    /// <summary>
    /// A deal amount an SQL oracle can sum exactly: absent, 0, or whole cents below 10^9. Narrowed from
    /// <see cref="DealAmount"/> because SQLite sums 64-bit integers (amounts are stored in cents) and
    /// falls back to inexact doubles past them; the full range is covered by the other pipeline properties.
    /// </summary>
    public static Gen<decimal?> CentAmount { get; } = Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (1, Gen.Constant<decimal?>(0m)), // many CRMs write 0 on lost deals
        (9, Gen.Zip(Gen.Choose(0, 1_000_000_000 - 1), Gen.Choose(0, 99)).Select(t => (decimal?)(t.Item1 + (t.Item2 / 100m)))));

    public static Gen<Opportunity> DealNumbered(int index, Gen<decimal?> amounts) =>
        from partner in Gen.Frequency((1, Gen.Constant<PartnerId?>(null)), (4, Gen.Choose(1, 8).Select(p => (PartnerId?)new PartnerId($"P-{p}"))))
        from account in Gen.Choose(1, 40)
        from created in Gen.Choose(new DateOnly(2016, 1, 1).DayNumber, new DateOnly(2025, 12, 31).DayNumber)
        from motion in Enum<DealMotion>()
        from source in Enum<DealSource>()
        from route in Enum<RouteToMarket>()
        from outcome in Gen.Frequency((2, Gen.Constant(DealOutcome.Open)), (3, Gen.Constant(DealOutcome.Won)), (3, Gen.Constant(DealOutcome.Lost)))
        from amount in amounts
        from district in Gen.Elements<string?>(null, "North", "South", "West")
        from cycle in Gen.Frequency((3, Gen.Choose(0, 120)), (1, Gen.Choose(0, 800)))
        from expected in OrNone(Gen.Choose(0, 200))
        from reason in Gen.Elements<string?>(null, "Price", "Competitor", "No decision")
        select new Opportunity(
            new OpportunityId($"O-{index}"),
            new AccountId($"A-{account}"),
            DateOnly.FromDayNumber(created),
            motion,
            source,
            route,
            outcome,
            amount,
            partner,
            district,
            expectedCloseOn: expected is { } e ? DateOnly.FromDayNumber(created).AddDays(e) : null,
            closedOn: outcome == DealOutcome.Open ? null : DateOnly.FromDayNumber(created).AddDays(cycle),
            lossReason: outcome == DealOutcome.Lost ? reason : null);

    /// <summary>Revenue snapshots of the accounts of <see cref="Deals"/>, at most one per account and day.</summary>
    public static Gen<RevenueSnapshot[]> Snapshots { get; } =
        (from account in Gen.Choose(1, 40)
         from day in Gen.Choose(new DateOnly(2016, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber)
         from arr in Gen.Frequency((1, Gen.Constant(0m)), (6, Gen.Choose(1, 500_000).Select(n => (decimal)n)))
         select new RevenueSnapshot(new AccountId($"A-{account}"), DateOnly.FromDayNumber(day), arr))
        .ListOf()
        .Select(list => list.DistinctBy(s => (s.AccountId, s.Date)).ToArray());

    /// <summary>A weight: zero (disabled) sometimes, otherwise anything from tiny to large, now and then an extreme that validation accepts.</summary>
    public static Gen<double> Weight { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (6, Gen.Choose(1, 1_000_000).Select(n => n / 1000.0)),
        (1, Gen.Elements(double.Epsilon, 1e-300, 1e300, double.MaxValue)));

    /// <summary>
    /// Usually <paramref name="usual"/>, now and then one of <paramref name="extremes"/>: values validation accepts at the edges
    /// of the range of a double (α and β are at most half of <see cref="double.MaxValue"/>, so that α + β stays finite, as
    /// validation requires).
    /// </summary>
    private static Gen<T> Extreme<T>(Gen<T> usual, params T[] extremes) => Gen.Frequency((6, usual), (1, Gen.Elements(extremes)));

    /// <summary>A recency half-life from an hour to 50 years: its weights reach ages both within and beyond the tabulated 4,096 days, and past the last weight (40 half-lives).</summary>
    public static Gen<TimeSpan> HalfLife { get; } = Gen.Choose(1, 50 * 365 * 24).Select(hours => TimeSpan.FromHours(hours));

    public static Gen<TimeSpan> Duration(int minDays, int maxDays) => Gen.Choose(minDays * 24, maxDays * 24).Select(hours => TimeSpan.FromHours(hours));

    /// <summary>The rate factors whose prior mean a model may set.</summary>
    public static readonly string[] SettablePriors =
    [
        FactorCodes.TrustPartnerReliability, FactorCodes.TrustVendorReliability, FactorCodes.CompetencyDeliveryReliability,
        FactorCodes.CooperationPartnerResponsiveness, FactorCodes.CooperationVendorResponsiveness, FactorCodes.CooperationFrictionHandling,
        FactorCodes.ProgressRegistrationTimeliness, FactorCodes.ProgressPipelineFreshness, FactorCodes.ProgressDataCompleteness,
    ];

    /// <summary>
    /// A valid health model: every setting varied over its valid range, weight groups never all zero. Durations are mostly
    /// everyday ones (a day to a few years, in hours) and now and then an extreme that validation accepts: a tick, an hour,
    /// a century, <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static Gen<HealthModel> HealthModel { get; } =
        from dimensions in Weight.ArrayOf(5).Where(w => w.Any(x => x > 0))
        from competency in Weight.ArrayOf(2).Where(w => w.Any(x => x > 0))
        from cooperation in Weight.ArrayOf(4).Where(w => w.Any(x => x > 0))
        from plan in Weight.ArrayOf(5).Where(w => w.Any(x => x > 0))
        from progress in Weight.ArrayOf(4).Where(w => w.Any(x => x > 0))
        from watch in Gen.Choose(0, 9_000).Select(n => n / 100.0)
        from healthy in Gen.Choose(1, 1_000).Select(n => Math.Min(100.0, watch + (n / 10.0)))
        from minimumConfidence in UnitInterval
        from halfLives in Extreme(Duration(1, 1000), TimeSpan.FromTicks(1), TimeSpan.FromHours(1), TimeSpan.FromDays(36_500), TimeSpan.MaxValue).ArrayOf(5)
        from maturity in Extreme(Duration(1, 730), TimeSpan.FromTicks(1), TimeSpan.MaxValue)
        from priors in Extreme(Gen.Choose(1, 10_000).Select(n => n / 1000.0), double.Epsilon, 1e-300, 1e300, double.MaxValue / 2).ArrayOf(2)
        from lossAversion in Extreme(Gen.Choose(1000, 10_000).Select(n => n / 1000.0), 1e300, double.MaxValue)
        from grace in Extreme(Duration(0, 60), TimeSpan.FromDays(36_500), TimeSpan.MaxValue)
        from kappa in Extreme(Gen.Choose(1, 100_000).Select(n => n / 1000.0), double.Epsilon, 1e-300, 1e300, double.MaxValue)
        from targets in Extreme(Duration(1, 60), TimeSpan.FromTicks(1), TimeSpan.FromHours(1), TimeSpan.MaxValue).ArrayOf(2)
        from satisfaction in UnitInterval
        from windows in Extreme(Duration(0, 90), TimeSpan.FromDays(36_500), TimeSpan.MaxValue).ArrayOf(3)
        from weeks in Gen.Choose(1, 52)
        from momentum in Extreme(Duration(1, 120), TimeSpan.FromTicks(1), TimeSpan.MaxValue).ArrayOf(2)
        from accelerating in Gen.Choose(1000, 3000).Select(n => n / 1000.0)
        from slowing in Gen.Choose(1, 1000).Select(n => n / 1000.0)
        from target in Gen.Choose(1, 1000).Select(n => n / 1000.0)
        from priorMeans in Gen.SubListOf(SettablePriors).SelectMany(codes => Extreme(Gen.Choose(1, 999).Select(n => n / 1000.0), double.Epsilon, 1e-300, 1e-17, 1 - 1e-15, Math.BitDecrement(1.0)).ArrayOf(codes.Count).Select(means => codes.Zip(means).ToDictionary(x => x.First, x => x.Second)))
        from name in Label
        from version in Gen.OneOf(Gen.Elements("2.0", "2025-06", "1", "3.1-beta+7"), Label)
        select PartnerMetrics.Health.HealthModel.Default with
        {
            Name = name,
            Version = version,
            DimensionWeights = new DimensionWeights(dimensions[0], dimensions[1], dimensions[2], dimensions[3], dimensions[4]),
            CompetencyWeights = new CompetencyWeights(competency[0], competency[1]),
            CooperationWeights = new CooperationWeights(cooperation[0], cooperation[1], cooperation[2], cooperation[3]),
            PlanWeights = new PlanWeights(plan[0], plan[1], plan[2], plan[3], plan[4]),
            ProgressWeights = new ProgressWeights(progress[0], progress[1], progress[2], progress[3]),
            Bands = new BandThresholds(healthy, watch, minimumConfidence),
            TrustHalfLife = halfLives[0],
            CompetencyHalfLife = halfLives[1],
            CooperationHalfLife = halfLives[2],
            TrackedProgressHalfLife = halfLives[3],
            EscalationHalfLife = halfLives[4],
            FactMaturity = maturity,
            PriorPositive = priors[0],
            PriorNegative = priors[1],
            PriorMeans = priorMeans,
            LossAversion = lossAversion,
            GracePeriod = grace,
            Kappa = kappa,
            ResponseTarget = targets[0],
            ResolutionTarget = targets[1],
            SatisfactionThreshold = satisfaction,
            ExpiryWarning = windows[0],
            RegistrationWindow = windows[1],
            UpdateWindow = windows[2],
            CadenceWeeks = weeks,
            MomentumWindow = momentum[0],
            MomentumBaseline = momentum[1],
            AcceleratingRatio = accelerating,
            SlowingRatio = slowing,
            RecommendationTarget = target,
        };

    private static DateOnly? ResolvedOn(CommitmentOutcome outcome, DateOnly due, int gap, bool recorded) => outcome switch
    {
        CommitmentOutcome.Kept => recorded ? due.AddDays(-gap) : null,
        CommitmentOutcome.KeptLate => due.AddDays(gap + 1),
        CommitmentOutcome.Broken => recorded ? due.AddDays(gap) : due.AddDays(-gap),
        _ => null,
    };
}
