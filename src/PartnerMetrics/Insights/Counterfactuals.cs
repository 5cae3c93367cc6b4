using System.Globalization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Insights;

/// <summary>A concrete change to a partnership's evidence: its code, its words, and the change itself (<see cref="EvidenceChange.Changed"/>: the partnership with it applied).</summary>
internal sealed record Counterfactual(string Code, string Action, string Change, EvidenceChange Evidence)
{
    /// <summary>Gets the partnership with the change applied.</summary>
    public Partnership Partnership => Evidence.Changed;
}

/// <summary>
/// The one concrete change for each factor (DOMAIN section 3.3: "next actions are counterfactuals"):
/// evidence added or changed on the as-of day, never after it, so that scoring the changed partnership
/// as of the same day shows exactly what the change is worth. Each change is the smallest step a
/// channel manager can take today — the next <see cref="Next"/> items kept, one certification renewed,
/// one review held — not "the factor at its target".
/// </summary>
internal static class Counterfactuals
{
    /// <summary>How many items "the next few" means: the next 3 commitments, deliveries, requests, escalations or deals.</summary>
    public const int Next = 3;

    /// <summary>The length of the proof of concept, in days.</summary>
    public const int PilotDays = 90;

    /// <summary>The logged check-ins of the proof of concept.</summary>
    public const int PilotEvents = 5;

    /// <summary>How many points business alignment grows by in its action.</summary>
    public const double AlignmentStep = 0.1;

    /// <summary>How far ahead a goal the action creates, or gives a due day, is due.</summary>
    public const int GoalDays = 90;

    /// <summary>The title of a goal an action adds to a plan.</summary>
    public const string GoalTitle = "Joint goal agreed in planning";

    /// <summary>The target a goal without one gets: only its presence counts for clarity (DOMAIN section 3.2).</summary>
    private static readonly MeasurableTarget PlaceholderTarget = new(1, "agreed outcome");

    /// <summary>The change for a factor, or <see langword="null"/> when no change made today can move it.</summary>
    /// <param name="factor">The factor, present.</param>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="model">The model that scores the partnership.</param>
    /// <param name="report">The partnership's report on the day.</param>
    /// <param name="stalled">Whether momentum has stalled (read only for the weekly cadence).</param>
    public static Counterfactual? For(HealthFactor factor, Partnership partnership, DateOnly asOf, HealthModel model, HealthReport report, Func<bool> stalled) => factor.Code switch
    {
        FactorCodes.TrustPartnerReliability => Promises(partnership, asOf, Side.Partner),
        FactorCodes.TrustVendorReliability => Promises(partnership, asOf, Side.Vendor),
        FactorCodes.CompetencyCoverage => Certify(partnership, asOf),
        FactorCodes.CompetencyDeliveryReliability => Deliveries(partnership, asOf, model),
        FactorCodes.CooperationPartnerResponsiveness => Answers(partnership, asOf, model, Side.Partner),
        FactorCodes.CooperationVendorResponsiveness => Answers(partnership, asOf, model, Side.Vendor),
        FactorCodes.CooperationFrictionHandling => Escalations(partnership, asOf, model),
        FactorCodes.CooperationReciprocity => Initiative(partnership, asOf, factor),
        FactorCodes.PlanMissing => NewPlan(partnership, asOf),
        FactorCodes.PlanGoalsOnTrack => CatchUp(partnership, asOf),
        FactorCodes.PlanSharedOwnership => ShareOwnership(partnership, asOf),
        FactorCodes.PlanBusinessAlignment => Align(partnership, asOf),
        FactorCodes.PlanClarity => Clarify(partnership, asOf),
        FactorCodes.PlanFreshness => Review(partnership, asOf),
        FactorCodes.ProgressRegistrationTimeliness => Register(partnership, asOf),
        FactorCodes.ProgressPipelineFreshness => UpdateDeals(partnership, asOf, model),
        FactorCodes.ProgressDataCompleteness => CompleteDeals(partnership, asOf),
        FactorCodes.ProgressWeeklyCadence => FollowUp(partnership, asOf, model, stalled),
        _ => null,
    };

    /// <summary>
    /// The proof of concept (seed 003: widen it before judging, or abandoning, a partner): <see cref="PilotEvents"/>
    /// check-ins spread evenly over the last <see cref="PilotDays"/> days up to the as-of day (from the start when the
    /// partnership is younger), each a meeting — initiative alternating, the side that took less of it first —
    /// at which each side keeps one commitment on time.
    /// </summary>
    public static Counterfactual Pilot(Partnership partnership, DateOnly asOf, HealthReport report)
    {
        var span = (int)Math.Clamp((long)asOf.DayNumber - partnership.StartedOn.DayNumber, 0, PilotDays - 1);
        var partnerFirst = PartnerLags(report);
        var days = Enumerable.Range(0, PilotEvents).Select(i => Earlier(asOf, (int)Math.Round(span * (PilotEvents - 1 - i) / (double)(PilotEvents - 1)))).ToArray();
        var meetings = days.Select((d, i) => new Interaction(d, InteractionKind.Meeting, (i % 2 == 0) == partnerFirst ? Side.Partner : Side.Vendor)).ToArray();
        var kept = days.SelectMany(d => new[] { new Commitment(Side.Partner, d, CommitmentOutcome.Kept, d), new Commitment(Side.Vendor, d, CommitmentOutcome.Kept, d) }).ToArray();
        return new(
            RecommendationCodes.ExpandProofOfConcept,
            string.Create(CultureInfo.InvariantCulture, $"{span + 1}-day pilot, {PilotEvents} logged events"),
            string.Create(CultureInfo.InvariantCulture, $"{PilotEvents} pilot check-ins added, on {string.Join(", ", days.Select(Ensure.Iso))}: at each, a meeting (initiative alternating, the {(partnerFirst ? "partner" : "vendor")} first) at which each side keeps one commitment on time."),
            EvidenceChange.Adding(partnership, commitments: kept, interactions: meetings));
    }

    private static Counterfactual Promises(Partnership partnership, DateOnly asOf, Side side)
    {
        var who = side == Side.Partner ? "partner" : "vendor";
        var added = Enumerable.Repeat(new Commitment(side, asOf, CommitmentOutcome.Kept, asOf), Next).ToArray();
        return new(
            side == Side.Partner ? RecommendationCodes.KeepPartnerPromises : RecommendationCodes.KeepVendorPromises,
            side == Side.Partner ? string.Create(CultureInfo.InvariantCulture, $"Partner keeps next {Next} promises") : string.Create(CultureInfo.InvariantCulture, $"Keep the next {Next} vendor promises"),
            string.Create(CultureInfo.InvariantCulture, $"{Next} {who} commitments added, due {asOf:yyyy-MM-dd} and kept on time that day."),
            EvidenceChange.Adding(partnership, commitments: added));
    }

    /// <summary>The first required competency without a certification valid on the day, certified that day (without expiry).</summary>
    private static Counterfactual? Certify(Partnership partnership, DateOnly asOf)
    {
        var missing = partnership.RequiredCompetencies
            .Where(required => !partnership.Certifications.Any(c => c.IsValidOn(asOf) && string.Equals(c.Competency, required, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        if (missing.Length == 0)
        {
            return null;
        }

        var name = missing[0];
        var renew = partnership.Certifications.Any(c => c.ObtainedOn <= asOf && string.Equals(c.Competency, name, StringComparison.OrdinalIgnoreCase));
        var others = missing.Length switch
        {
            1 => string.Empty,
            2 => " (1 more required competency lacks one)",
            _ => string.Create(CultureInfo.InvariantCulture, $" ({missing.Length - 1} more required competencies lack one)"),
        };
        return new(
            RecommendationCodes.CloseCertificationGaps,
            renew ? $"Renew {name} certification" : $"Certify {name} today",
            string.Create(CultureInfo.InvariantCulture, $"A certification in '{name}' added, obtained {asOf:yyyy-MM-dd}, without expiry{others}."),
            EvidenceChange.Adding(partnership, certifications: [new Certification(name, asOf)]));
    }

    private static Counterfactual Deliveries(Partnership partnership, DateOnly asOf, HealthModel model)
    {
        // Rated 0.9, or the threshold when that is higher: a delivery the model counts as a success. Both are written as they
        // are, not to two places, which wrote a rating of 0.999 under the threshold 0.999 as "satisfaction 1 (the threshold is 1)".
        var satisfaction = Math.Max(0.9, model.SatisfactionThreshold);
        var added = Enumerable.Repeat(new Delivery(asOf, true, satisfaction), Next).ToArray();
        return new(
            RecommendationCodes.DeliverOnTime,
            string.Create(CultureInfo.InvariantCulture, $"Next {Next} deliveries on time"),
            string.Create(CultureInfo.InvariantCulture, $"{Next} deliveries added, completed on time {asOf:yyyy-MM-dd} with satisfaction {satisfaction} (the threshold is {model.SatisfactionThreshold})."),
            EvidenceChange.Adding(partnership, deliveries: added));
    }

    /// <summary>
    /// The next requests to <paramref name="answering"/>, answered within the target: asked the day before and answered in
    /// a day, or in the target when that is shorter, so that each is known, and counts, on the as-of day; asked and answered
    /// on the as-of day when the day before lies before the partnership's start (a request asked before the partnership
    /// existed) or before the first day of the calendar.
    /// </summary>
    private static Counterfactual Answers(Partnership partnership, DateOnly asOf, HealthModel model, Side answering)
    {
        var response = model.ResponseTarget < TimeSpan.FromDays(1) ? model.ResponseTarget : TimeSpan.FromDays(1);
        var daysToKnow = (int)Math.Ceiling(response.TotalDays);
        if ((long)asOf.DayNumber - daysToKnow < partnership.StartedOn.DayNumber)
        {
            response = TimeSpan.Zero;
            daysToKnow = 0;
        }

        var asked = asOf.AddDays(-daysToKnow);
        var asker = answering == Side.Partner ? Side.Vendor : Side.Partner;
        var added = Enumerable.Repeat(new Interaction(asked, InteractionKind.Request, asker, response), Next).ToArray();
        var what = string.Create(CultureInfo.InvariantCulture, $"{Next} {(asker == Side.Vendor ? "vendor" : "partner")} requests added, asked {asked:yyyy-MM-dd} and answered by the {(answering == Side.Partner ? "partner" : "vendor")} in {DurationText.Symbols(response)} (the target is {DurationText.Symbols(model.ResponseTarget)}).");
        return answering == Side.Partner
            ? new(RecommendationCodes.AgreeResponseTargets, string.Create(CultureInfo.InvariantCulture, $"Partner answers {Next} requests fast"), what, EvidenceChange.Adding(partnership, interactions: added))
            : new(RecommendationCodes.AnswerRequestsFaster, string.Create(CultureInfo.InvariantCulture, $"Answer {Next} partner requests fast"), what, EvidenceChange.Adding(partnership, interactions: added));
    }

    /// <summary>
    /// The oldest escalation still open on the day and still within the resolution target, resolved that day; when
    /// there is none (resolving one already past the target would still count as late), the next escalations,
    /// raised and resolved on the day. None for a partnership that has had no escalation by the day: it has no friction
    /// to handle, and inventing some to resolve would reward raising it.
    /// </summary>
    private static Counterfactual? Escalations(Partnership partnership, DateOnly asOf, HealthModel model)
    {
        if (!partnership.Interactions.Any(e => e.Kind == InteractionKind.Escalation && e.Date <= asOf))
        {
            return null;
        }

        var day = asOf.DayNumber;
        var targetDays = model.ResolutionTarget.TotalDays;
        var pending = -1;
        for (var i = 0; i < partnership.Interactions.Length; i++)
        {
            var e = partnership.Interactions[i];
            if (e.Kind == InteractionKind.Escalation && e.Date <= asOf && (e.ResolvedOn is not { } r || r > asOf) && day - e.Date.DayNumber <= targetDays
                && (pending < 0 || e.Date < partnership.Interactions[pending].Date))
            {
                pending = i;
            }
        }

        if (pending >= 0)
        {
            var open = partnership.Interactions[pending];
            var resolved = new Interaction(open.Date, open.Kind, open.InitiatedBy, open.ResponseTime, asOf, open.Subject);
            return new(
                RecommendationCodes.ResolveEscalations,
                "Resolve open escalation today",
                string.Create(CultureInfo.InvariantCulture, $"The escalation raised {open.Date:yyyy-MM-dd}{(open.Subject is null ? string.Empty : $" ('{open.Subject}')")} resolved {asOf:yyyy-MM-dd}, within the target of {DurationText.Words(model.ResolutionTarget)}."),
                EvidenceChange.Replacing(partnership, [(pending, resolved)]));
        }

        var added = Enumerable.Repeat(new Interaction(asOf, InteractionKind.Escalation, Side.Partner, resolvedOn: asOf), Next).ToArray();
        return new(
            RecommendationCodes.ResolveEscalations,
            string.Create(CultureInfo.InvariantCulture, $"Resolve {Next} escalations in time"),
            string.Create(CultureInfo.InvariantCulture, $"{Next} escalations added, raised by the partner and resolved the same day, {asOf:yyyy-MM-dd}."),
            EvidenceChange.Adding(partnership, interactions: added));
    }

    /// <summary>
    /// Meetings on the day initiated by the side whose meetings, calls, emails and joint events weigh less, recency-weighted
    /// as reciprocity counts them, as many as the other side's excess weight rounded to the nearest (at most
    /// <see cref="Next"/>): the count that leaves the smallest excess; one each when they weigh the same. None when the
    /// excess is half a meeting or less: a whole meeting would leave the other side an excess at least as large, which
    /// lowers reciprocity once both sides have logged enough (rounded up, an excess of 0.175 asked for a meeting that did);
    /// with little logged, the certainty a meeting adds can still raise it, and nothing is proposed then either. By the counts alone, a partner with one meeting this
    /// week and a vendor with two half a year ago would have been asked for another partner meeting, which lowers it too.
    /// </summary>
    private static Counterfactual? Initiative(Partnership partnership, DateOnly asOf, HealthFactor factor)
    {
        var (byPartner, all) = CooperationDimension.Initiatives(factor);
        var lead = CooperationDimension.PartnerLead(factor);
        Interaction Meeting(Side side) => new(asOf, InteractionKind.Meeting, side);
        if (lead == 0)
        {
            return new(
                RecommendationCodes.BalanceInitiative,
                "Each side initiates a meeting",
                string.Create(CultureInfo.InvariantCulture, $"2 meetings added on {asOf:yyyy-MM-dd}, one initiated by each side."),
                EvidenceChange.Adding(partnership, interactions: [Meeting(Side.Partner), Meeting(Side.Vendor)]));
        }

        var lagging = lead < 0 ? Side.Partner : Side.Vendor;
        var count = (int)Math.Min(Math.Round(Math.Abs(lead), MidpointRounding.ToEven), Next);
        if (count == 0)
        {
            return null;
        }

        return new(
            RecommendationCodes.BalanceInitiative,
            string.Create(CultureInfo.InvariantCulture, $"{(lagging == Side.Partner ? "Partner starts" : "We start")} next {(count == 1 ? "meeting" : Count(count, "meeting"))}"),
            string.Create(CultureInfo.InvariantCulture, $"{Count(count, "meeting")} added on {asOf:yyyy-MM-dd}, initiated by the {(lagging == Side.Partner ? "partner" : "vendor")}, whose initiatives weigh less, the recent more than the old (the partner initiated {byPartner} of {all} so far)."),
            EvidenceChange.Adding(partnership, interactions: Enumerable.Repeat(Meeting(lagging), count).ToArray()));
    }

    /// <summary>A plan created on the day, built together: one goal owned by both sides, with a measurable target, due <see cref="GoalDays"/> days later.</summary>
    private static Counterfactual NewPlan(Partnership partnership, DateOnly asOf) => new(
        RecommendationCodes.ScheduleJointPlanning,
        "Hold a joint planning session",
        string.Create(CultureInfo.InvariantCulture, $"A joint plan created {asOf:yyyy-MM-dd} with one goal owned by both sides, with a measurable target, due {Later(asOf, GoalDays):yyyy-MM-dd}; no business alignment recorded yet."),
        EvidenceChange.Replacing(partnership, new JointPlan(asOf, [SharedGoal(asOf)])));

    /// <summary>Each goal behind the progress its elapsed time expects gets a check-in on the day at exactly that progress.</summary>
    private static Counterfactual? CatchUp(Partnership partnership, DateOnly asOf)
    {
        if (PlanOn(partnership, asOf) is not { } plan)
        {
            return null;
        }

        var caughtUp = 0;
        var goals = plan.Goals.Select(goal =>
        {
            // As goals on track judges it: a goal with nothing expected yet is not behind.
            if (goal.DueOn is not { } due || PlanAlignmentDimension.Expected(goal, due, plan, asOf.DayNumber) is not (> 0 and var expected) || goal.ProgressOn(asOf) >= expected)
            {
                return goal;
            }

            caughtUp++;
            var checkIns = goal.CheckIns.Where(c => c.On != asOf).Append(new GoalCheckIn(asOf, expected));
            return new PlanGoal(goal.Title, goal.Owner, checkIns, goal.Target, goal.StartsOn, due);
        }).ToArray();
        return caughtUp == 0 ? null : new(
            RecommendationCodes.GetGoalsOnTrack,
            string.Create(CultureInfo.InvariantCulture, $"Catch up {Count(caughtUp, "lagging plan goal")}"),
            string.Create(CultureInfo.InvariantCulture, $"A progress check-in on {asOf:yyyy-MM-dd} for {Count(caughtUp, "goal")} behind schedule, at the share of its period elapsed."),
            EvidenceChange.Replacing(partnership, new JointPlan(plan.CreatedOn, goals, plan.Reviews, plan.ReviewCadence)));
    }

    /// <summary>Every goal not owned by both sides becomes shared; a plan without goals gets one shared goal (no target, no due day).</summary>
    private static Counterfactual? ShareOwnership(Partnership partnership, DateOnly asOf)
    {
        if (PlanOn(partnership, asOf) is not { } plan)
        {
            return null;
        }

        if (plan.Goals.IsEmpty)
        {
            return new(
                RecommendationCodes.ShareGoalOwnership,
                "Agree a first shared goal",
                "A goal owned by both sides added to the plan, without target or due day.",
                EvidenceChange.Replacing(partnership, new JointPlan(plan.CreatedOn, [new PlanGoal(GoalTitle, GoalOwner.Both, checkIns: null)], plan.Reviews, plan.ReviewCadence)));
        }

        var solo = plan.Goals.Count(g => g.Owner != GoalOwner.Both);
        var goals = plan.Goals.Select(g => g.Owner == GoalOwner.Both ? g : new PlanGoal(g.Title, GoalOwner.Both, g.CheckIns, g.Target, g.StartsOn, g.DueOn));
        return new(
            RecommendationCodes.ShareGoalOwnership,
            string.Create(CultureInfo.InvariantCulture, $"Share ownership of {Count(solo, "plan goal")}"),
            string.Create(CultureInfo.InvariantCulture, $"{Count(solo, "goal")} owned by one side made owned by both."),
            EvidenceChange.Replacing(partnership, new JointPlan(plan.CreatedOn, goals, plan.Reviews, plan.ReviewCadence)));
    }

    /// <summary>A review on the day recording business alignment <see cref="AlignmentStep"/> higher than the latest recorded (at most 1); none when none was ever recorded.</summary>
    private static Counterfactual? Align(Partnership partnership, DateOnly asOf)
    {
        if (PlanOn(partnership, asOf) is not { } plan || plan.BusinessAlignmentOn(asOf) is not { } alignment || alignment >= 1)
        {
            return null;
        }

        var grown = Math.Min(1.0, alignment + AlignmentStep);
        return new(
            RecommendationCodes.AlignBusiness,
            string.Create(CultureInfo.InvariantCulture, $"Grow business alignment to {FactorDefinition.Percent(grown)} %"),
            string.Create(CultureInfo.InvariantCulture, $"A plan review on {asOf:yyyy-MM-dd} recording {FactorDefinition.Percent(grown)} % of the partner's business aligned to ours (was {FactorDefinition.Percent(alignment)} %)."),
            EvidenceChange.Replacing(partnership, WithReview(plan, new PlanReview(asOf, grown))));
    }

    /// <summary>Every goal without a measurable target gets one, and every goal without a due day is due <see cref="GoalDays"/> days later (on its start, when it starts later); a plan without goals gets one such goal.</summary>
    private static Counterfactual? Clarify(Partnership partnership, DateOnly asOf)
    {
        if (PlanOn(partnership, asOf) is not { } plan)
        {
            return null;
        }

        if (plan.Goals.IsEmpty)
        {
            return new(
                RecommendationCodes.SetMeasurableTargets,
                "Agree a first measurable goal",
                string.Create(CultureInfo.InvariantCulture, $"A goal owned by both sides added to the plan, with a measurable target, starting {asOf:yyyy-MM-dd} and due {Later(asOf, GoalDays):yyyy-MM-dd}."),
                EvidenceChange.Replacing(partnership, new JointPlan(plan.CreatedOn, [SharedGoal(asOf)], plan.Reviews, plan.ReviewCadence)));
        }

        // A goal due GoalDays ahead, or on its start when it starts later: a goal is not due before it starts.
        var later = Later(asOf, GoalDays);
        DateOnly DueOf(PlanGoal g) => g.StartsOn is { } start && start > later ? start : later;
        var vague = plan.Goals.Count(g => g.Target is null || g.DueOn is null);
        var goals = plan.Goals.Select(g => g.Target is not null && g.DueOn is not null ? g : new PlanGoal(
            g.Title,
            g.Owner,
            g.CheckIns,
            g.Target ?? PlaceholderTarget,
            g.StartsOn,
            g.DueOn ?? DueOf(g)));
        var dues = plan.Goals.Where(g => g.DueOn is null).Select(DueOf).Distinct().Order().ToArray();
        var dueDays = dues.Length == 0 ? string.Empty : $" ({string.Join(", ", dues.Select(Ensure.Iso))})";
        return new(
            RecommendationCodes.SetMeasurableTargets,
            string.Create(CultureInfo.InvariantCulture, $"Set target, due day on {Count(vague, "goal")}"),
            string.Create(CultureInfo.InvariantCulture, $"{Count(vague, "goal")} given a measurable target where missing and a due day where missing{dueDays}."),
            EvidenceChange.Replacing(partnership, new JointPlan(plan.CreatedOn, goals, plan.Reviews, plan.ReviewCadence)));
    }

    /// <summary>A review on the day, business alignment unchanged (the latest recorded, or none).</summary>
    private static Counterfactual? Review(Partnership partnership, DateOnly asOf)
    {
        if (PlanOn(partnership, asOf) is not { } plan)
        {
            return null;
        }

        var alignment = plan.BusinessAlignmentOn(asOf);
        var last = plan.LastReviewedOn(asOf);
        return new(
            RecommendationCodes.ReviewPlan,
            "Review the plan today",
            string.Create(CultureInfo.InvariantCulture, $"A plan review on {asOf:yyyy-MM-dd} ({(last is { } l ? "last reviewed " + Ensure.Iso(l) : "its first")}), business alignment unchanged ({(alignment is { } a ? FactorDefinition.Percent(a) + " %" : "not recorded")})."),
            EvidenceChange.Replacing(partnership, WithReview(plan, new PlanReview(asOf, alignment))));
    }

    /// <summary>The next deals, created and registered on the day with amount, expected close and stage filled in.</summary>
    private static Counterfactual Register(Partnership partnership, DateOnly asOf)
    {
        var added = new List<Opportunity>(Next);
        for (var n = 1; added.Count < Next; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"next-deal-{n}");
            var key = new OpportunityId(id);
            if (!partnership.Opportunities.Any(o => o.Id == key))
            {
                added.Add(new Opportunity(
                    new OpportunityId(id), new AccountId(id), asOf, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
                    DealOutcome.Open, 0m, partnership.Partner.Id, partnership.Partner.District, asOf, asOf, Later(asOf, GoalDays), stage: "Qualify"));
            }
        }

        return new(
            RecommendationCodes.RegisterDeals,
            string.Create(CultureInfo.InvariantCulture, $"Register next {Next} deals on day one"),
            string.Create(CultureInfo.InvariantCulture, $"{Next} open deals added, created and registered {asOf:yyyy-MM-dd}, with amount, expected close and stage filled in."),
            EvidenceChange.Adding(partnership, opportunities: added));
    }

    /// <summary>
    /// Every deal open on the day and stale — its latest known activity (the registration, or a later update on or before
    /// the day) more than the update window ago, as pipeline freshness counts it (DOMAIN section 3.2) — updated on the day.
    /// The change writes the window as the factor's reason does (<see cref="DurationText"/>), not as the whole days it is
    /// counted in: a 1-day window read "the last 1 days", and a 12-hour one "the last 0 days".
    /// </summary>
    private static Counterfactual? UpdateDeals(Partnership partnership, DateOnly asOf, HealthModel model)
    {
        var window = (long)Math.Floor(model.UpdateWindow.TotalDays);
        var stale = new List<(int, Opportunity)>();
        for (var i = 0; i < partnership.Opportunities.Length; i++)
        {
            var o = partnership.Opportunities[i];
            var known = o.RegisteredOn ?? o.CreatedOn;
            var seen = o.LastUpdatedOn is { } last && last > known && last <= asOf ? last : known;
            if (known <= asOf && !(o.ClosedOn <= asOf) && (long)asOf.DayNumber - seen.DayNumber > window)
            {
                stale.Add((i, Deal(o, lastUpdatedOn: asOf)));
            }
        }

        return stale.Count == 0 ? null : new(
            RecommendationCodes.UpdateOpenDeals,
            stale.Count == 1 ? "Update the stale open deal" : string.Create(CultureInfo.InvariantCulture, $"Update the {stale.Count} stale open deals"),
            string.Create(CultureInfo.InvariantCulture, $"{Count(stale.Count, "open deal")} not updated in the last {DurationText.Words(model.UpdateWindow)} updated {asOf:yyyy-MM-dd}."),
            EvidenceChange.Replacing(partnership, stale));
    }

    /// <summary>Every deal known on the day gets its missing amount, expected close and stage (only their presence counts).</summary>
    private static Counterfactual? CompleteDeals(Partnership partnership, DateOnly asOf)
    {
        var incomplete = new List<(int, Opportunity)>();
        for (var i = 0; i < partnership.Opportunities.Length; i++)
        {
            var o = partnership.Opportunities[i];
            if ((o.RegisteredOn ?? o.CreatedOn) <= asOf && (o.Amount is null || o.ExpectedCloseOn is null || o.Stage is null))
            {
                incomplete.Add((i, Deal(o, amount: o.Amount ?? 0m, expectedCloseOn: o.ExpectedCloseOn ?? o.ClosedOn ?? Later(asOf, GoalDays), stage: o.Stage ?? "Recorded")));
            }
        }

        return incomplete.Count == 0 ? null : new(
            RecommendationCodes.CompleteDealData,
            string.Create(CultureInfo.InvariantCulture, $"Complete the records of {Count(incomplete.Count, "deal")}"),
            string.Create(CultureInfo.InvariantCulture, $"Amount, expected close and stage filled in on {Count(incomplete.Count, "deal")} missing one of them."),
            EvidenceChange.Replacing(partnership, incomplete));
    }

    /// <summary>
    /// A follow-up call logged on the day and the partner's call back, when no activity was logged in the week ending
    /// on the day: one call each way, so that the initiative stays as balanced as it was or grows more balanced. When
    /// momentum has stalled, the change says for how long nothing was logged: the model's recent window, not "a month".
    /// </summary>
    private static Counterfactual? FollowUp(Partnership partnership, DateOnly asOf, HealthModel model, Func<bool> stalled)
    {
        var week = new ActivityIn(asOf.DayNumber - 6, asOf.DayNumber);
        ActivityLog.Visit(partnership, ref week);
        if (week.Found)
        {
            // This week is logged already: no change made today lifts the cadence.
            return null;
        }

        var calls = new[] { new Interaction(asOf, InteractionKind.Call, Side.Vendor, subject: "Follow-up"), new Interaction(asOf, InteractionKind.Call, Side.Partner, subject: "Call back") };
        var isStalled = stalled();
        return new(
            isStalled ? RecommendationCodes.SetFollowUpCadence : RecommendationCodes.LogWeeklyActivity,
            isStalled ? "Restart: follow-up call today" : "Log this week's follow-up call",
            string.Create(CultureInfo.InvariantCulture, $"A follow-up call by the vendor and the partner's call back, logged {asOf:yyyy-MM-dd}: the first activity of the week ending that day{(isStalled ? $", after {Count(MomentumMeter.RecentDays(model), "day")} without any" : string.Empty)}."),
            EvidenceChange.Adding(partnership, interactions: calls));
    }

    /// <summary>Whether the partner's meetings, calls, emails and joint events weigh less on the day than the vendor's, as reciprocity weighs them.</summary>
    private static bool PartnerLags(HealthReport report) =>
        report.Factor(FactorCodes.CooperationReciprocity) is { } reciprocity && CooperationDimension.PartnerLead(reciprocity) < 0;

    /// <summary>The plan as it stood on the day, or null when there was none.</summary>
    private static JointPlan? PlanOn(Partnership partnership, DateOnly asOf) =>
        partnership.JointPlan is { } plan && plan.CreatedOn <= asOf ? plan : null;

    private static PlanGoal SharedGoal(DateOnly asOf) => new(GoalTitle, GoalOwner.Both, checkIns: null, PlaceholderTarget, asOf, Later(asOf, GoalDays));

    /// <summary>The plan with a review on <paramref name="review"/>'s day, replacing one that day.</summary>
    private static JointPlan WithReview(JointPlan plan, PlanReview review) =>
        new(plan.CreatedOn, plan.Goals, plan.Reviews.Where(r => r.On != review.On).Append(review), plan.ReviewCadence);

    private static Opportunity Deal(Opportunity o, decimal? amount = null, DateOnly? lastUpdatedOn = null, DateOnly? expectedCloseOn = null, string? stage = null) =>
        new(o, amount ?? o.Amount, lastUpdatedOn ?? o.LastUpdatedOn, expectedCloseOn ?? o.ExpectedCloseOn, stage ?? o.Stage);

    /// <summary>The day <paramref name="days"/> later, or the last day of the calendar.</summary>
    private static DateOnly Later(DateOnly day, int days) => DateOnly.FromDayNumber((int)Math.Min((long)day.DayNumber + days, DateOnly.MaxValue.DayNumber));

    /// <summary>The day <paramref name="days"/> earlier, or the first day of the calendar.</summary>
    private static DateOnly Earlier(DateOnly day, int days) => DateOnly.FromDayNumber(Math.Max(day.DayNumber - days, DateOnly.MinValue.DayNumber));

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    /// <summary>Whether any activity was logged from <c>first</c> to <c>last</c>, both included.</summary>
    private struct ActivityIn(int first, int last) : IActivitySink
    {
        public bool Found { get; private set; }

        public void Mark(int day) => Found |= day >= first && day <= last;
    }
}
