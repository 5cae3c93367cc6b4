using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Partners;

/// <summary>
/// The vendor–partner relationship being scored: the partner, what the vendor needs from it, and
/// every piece of evidence the CRM holds about it.
/// </summary>
/// <remarks>
/// Immutable and compared by value: two partnerships are equal when their partner, dates and every
/// evidence list are equal item by item, in order. Collections passed as <see langword="null"/> or as a
/// <see langword="default"/> <see cref="ImmutableArray{T}"/> are empty. Every opportunity must belong to <see cref="Partner"/> and carry a distinct id.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Partnership, PartnershipDocument>))]
public sealed record Partnership
{
    private readonly EquatableArray<string> requiredCompetencies;
    private readonly EquatableArray<Commitment> commitments;
    private readonly EquatableArray<Interaction> interactions;
    private readonly EquatableArray<Certification> certifications;
    private readonly EquatableArray<Delivery> deliveries;
    private readonly EquatableArray<Opportunity> opportunities;

    /// <summary>Initializes a new instance of the <see cref="Partnership"/> class.</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="startedOn">The day the partnership started.</param>
    /// <param name="requiredCompetencies">The competencies (the vendor's focus workloads) the partner should be certified in; distinct, ignoring case.</param>
    /// <param name="commitments">Promises made by either side.</param>
    /// <param name="interactions">Logged meetings, calls, emails, joint events, escalations and requests.</param>
    /// <param name="certifications">The partner's certifications.</param>
    /// <param name="deliveries">The partner's customer deliveries.</param>
    /// <param name="jointPlan">The joint business plan, or <see langword="null"/> when there is none.</param>
    /// <param name="opportunities">The deals the partner is on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="partner"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A collection contains <see langword="null"/>, a competency is empty, repeated or begins or ends with white space, or an opportunity belongs to another partner or repeats an id.</exception>
    public Partnership(
        Partner partner,
        DateOnly startedOn,
        IEnumerable<string>? requiredCompetencies = null,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<Interaction>? interactions = null,
        IEnumerable<Certification>? certifications = null,
        IEnumerable<Delivery>? deliveries = null,
        JointPlan? jointPlan = null,
        IEnumerable<Opportunity>? opportunities = null)
    {
        Partner = Ensure.NotNull(partner, nameof(partner));
        StartedOn = startedOn;
        this.requiredCompetencies = CheckCompetencies(requiredCompetencies);
        this.commitments = Ensure.Items(commitments, nameof(commitments));
        this.interactions = Ensure.Items(interactions, nameof(interactions));
        this.certifications = Ensure.Items(certifications, nameof(certifications));
        this.deliveries = Ensure.Items(deliveries, nameof(deliveries));
        JointPlan = jointPlan;
        this.opportunities = CheckOpportunities(partner.Id, Ensure.Items(opportunities, nameof(opportunities)));
    }

    /// <summary>
    /// A copy with some evidence replaced: the lists given are checked as the constructor checks them, the others are
    /// the ones this partnership already checked. For the advisor's what-ifs, which rebuild a large partnership once
    /// per action and change one list at a time.
    /// </summary>
    internal Partnership(
        Partnership original,
        ImmutableArray<Commitment>? commitments = null,
        ImmutableArray<Interaction>? interactions = null,
        ImmutableArray<Certification>? certifications = null,
        ImmutableArray<Delivery>? deliveries = null,
        JointPlan? jointPlan = null,
        IEnumerable<Opportunity>? opportunities = null)
    {
        Partner = original.Partner;
        StartedOn = original.StartedOn;
        requiredCompetencies = original.requiredCompetencies;
        this.commitments = commitments is { } c ? Ensure.Items(c, nameof(commitments)) : original.commitments;
        this.interactions = interactions is { } i ? Ensure.Items(i, nameof(interactions)) : original.interactions;
        this.certifications = certifications is { } e ? Ensure.Items(e, nameof(certifications)) : original.certifications;
        this.deliveries = deliveries is { } d ? Ensure.Items(d, nameof(deliveries)) : original.deliveries;
        JointPlan = jointPlan ?? original.JointPlan;
        this.opportunities = opportunities is null ? original.opportunities : CheckChangedOpportunities(Partner.Id, original.opportunities, Ensure.Items(opportunities, nameof(opportunities)));
    }

    /// <summary>Gets the partner.</summary>
    public Partner Partner { get; }

    /// <summary>Gets the day the partnership started.</summary>
    public DateOnly StartedOn { get; }

    /// <summary>Gets the competencies the partner should be certified in.</summary>
    public ImmutableArray<string> RequiredCompetencies => requiredCompetencies;

    /// <summary>Gets the promises made by either side.</summary>
    public ImmutableArray<Commitment> Commitments => commitments;

    /// <summary>Gets the logged interactions.</summary>
    public ImmutableArray<Interaction> Interactions => interactions;

    /// <summary>Gets the partner's certifications.</summary>
    public ImmutableArray<Certification> Certifications => certifications;

    /// <summary>Gets the partner's customer deliveries.</summary>
    public ImmutableArray<Delivery> Deliveries => deliveries;

    /// <summary>Gets the joint business plan, or <see langword="null"/> when there is none.</summary>
    public JointPlan? JointPlan { get; }

    /// <summary>Gets the deals the partner is on.</summary>
    public ImmutableArray<Opportunity> Opportunities => opportunities;

    /// <summary>
    /// Gets the latest day on which this partnership's evidence records something that happened: the natural
    /// day to score it as of when no other day is given.
    /// </summary>
    /// <returns>
    /// The latest of <see cref="StartedOn"/>, the partner's <see cref="Partner.OnboardedOn"/>, each commitment's
    /// resolution, each interaction's day, resolution and answer (a request's day plus its response time, in whole days
    /// rounded up, as scoring counts it), each certification's <see cref="Certification.ObtainedOn"/>,
    /// each delivery's day, the joint plan's creation, reviews and goal check-ins, and each deal's creation,
    /// registration, last update and close.
    /// </returns>
    /// <remarks>
    /// Only days on which something happened count. Days that may lie ahead of the export do not: a
    /// certification's <see cref="Certification.ExpiresOn"/>, a deal's <see cref="Opportunity.ExpectedCloseOn"/>,
    /// a goal's <see cref="PlanGoal.StartsOn"/> and <see cref="PlanGoal.DueOn"/>, and the
    /// <see cref="Commitment.DueOn"/> of an open commitment (a promise not yet kept or broken). A commitment is
    /// dated on its <see cref="Commitment.ResolvedOn"/>; a kept one without that day on its due day, the day
    /// scoring counts it from.
    /// </remarks>
    public DateOnly LatestEvidenceDay()
    {
        var latest = Later(StartedOn, Partner.OnboardedOn);
        foreach (var commitment in commitments)
        {
            latest = Later(latest, commitment.ResolvedOn ?? (commitment.Outcome == CommitmentOutcome.Kept ? commitment.DueOn : null));
        }

        foreach (var interaction in interactions)
        {
            latest = Later(Later(Later(latest, interaction.Date), interaction.ResolvedOn), interaction.AnsweredOn);
        }

        foreach (var certification in certifications)
        {
            latest = Later(latest, certification.ObtainedOn);
        }

        foreach (var delivery in deliveries)
        {
            latest = Later(latest, delivery.Date);
        }

        if (JointPlan is { } plan)
        {
            latest = Later(latest, plan.CreatedOn);
            latest = plan.Reviews.IsEmpty ? latest : Later(latest, plan.Reviews[^1].On);
            foreach (var goal in plan.Goals)
            {
                latest = goal.CheckIns.IsEmpty ? latest : Later(latest, goal.CheckIns[^1].On);
            }
        }

        foreach (var opportunity in opportunities)
        {
            latest = Later(latest, opportunity.LatestEvidenceDay());
        }

        return latest;
    }

    private static DateOnly Later(DateOnly latest, DateOnly? day) => day > latest ? day.Value : latest;

    private static EquatableArray<string> CheckCompetencies(IEnumerable<string>? requiredCompetencies)
    {
        const string Name = nameof(requiredCompetencies);
        var items = Ensure.Items(requiredCompetencies, Name);
        var seen = new HashSet<string>(items.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i]))
            {
                throw new ArgumentException($"'{Name}' must not contain empty names; item {i} is '{items[i]}'.", Name);
            }

            // The rules of every other text: a name no output form can write (half of a surrogate pair alone, written
            // as U+FFFD) would read back as another name, or as a repeat of one; and of a name matched to others: "Azure "
            // would match no certification in "Azure".
            Ensure.MatchedName(items[i], Name, i);

            if (!seen.Add(items[i]))
            {
                throw new ArgumentException($"'{Name}' lists '{items[i]}' more than once (names are compared ignoring case).", Name);
            }
        }

        return items;
    }

    /// <summary>
    /// <see cref="CheckOpportunities"/> for a list that keeps an already-checked one's ids at its indices and appends a few:
    /// only the appended deals are compared with the others. Any other list is checked in full.
    /// </summary>
    private static EquatableArray<Opportunity> CheckChangedOpportunities(PartnerId partnerId, EquatableArray<Opportunity> original, EquatableArray<Opportunity> items)
    {
        if (items.Count < original.Count)
        {
            return CheckOpportunities(partnerId, items);
        }

        for (var i = 0; i < original.Count; i++)
        {
            if (items[i].Id != original[i].Id || items[i].PartnerId != partnerId)
            {
                return CheckOpportunities(partnerId, items);
            }
        }

        for (var i = original.Count; i < items.Count; i++)
        {
            if (items[i].PartnerId != partnerId)
            {
                return CheckOpportunities(partnerId, items);
            }

            for (var j = 0; j < i; j++)
            {
                if (items[j].Id == items[i].Id)
                {
                    return CheckOpportunities(partnerId, items);
                }
            }
        }

        return items;
    }

    private static EquatableArray<Opportunity> CheckOpportunities(PartnerId partnerId, EquatableArray<Opportunity> opportunities)
    {
        const string Name = nameof(opportunities);
        var items = opportunities;

        // Sized for every id at once: grown from empty, a set copies itself as it grows and leaves each smaller copy behind.
        var ids = new HashSet<OpportunityId>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var opportunity = items[i];
            if (opportunity.PartnerId != partnerId)
            {
                throw new ArgumentException(
                    opportunity.PartnerId is { } other
                        ? $"'{Name}' item {i} ('{opportunity.Id}') belongs to partner '{other}', not to this partnership's partner '{partnerId}'."
                        : $"'{Name}' item {i} ('{opportunity.Id}') is a direct deal, of no partner, not one of this partnership's partner '{partnerId}'; a portfolio holds direct deals in its own opportunities.",
                    Name);
            }

            if (!ids.Add(opportunity.Id))
            {
                throw new ArgumentException($"'{Name}' item {i} repeats the id '{opportunity.Id}'.", Name);
            }
        }

        return items;
    }
}
