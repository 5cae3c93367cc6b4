using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>A deal in the pipeline, as the CRM records it.</summary>
/// <remarks>
/// <para>
/// Dates must be consistent: registration, last update, expected close and close are on or after
/// <see cref="CreatedOn"/>. An open deal has no close date; a won or lost one has. Only a lost deal
/// has a loss reason.
/// </para>
/// <para>
/// <see cref="Amount"/>, <see cref="ExpectedCloseOn"/> and <see cref="Stage"/> are optional because
/// CRMs often leave them empty — and how often they are empty is itself evidence (the tracked
/// progress dimension scores their completeness).
/// </para>
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Opportunity, OpportunityDocument>))]
public sealed record Opportunity
{
    /// <summary>
    /// The largest amount of money the model accepts, for a deal or an account's revenue: 10^14 (a
    /// hundred trillion) in the reporting currency. No real deal comes near it in any currency, so a
    /// larger amount is a data error. Below it every <see cref="decimal"/> sum of the analytics stays
    /// exact (28 digits: ten billion deals of the maximum amount with four decimals), and every amount
    /// fits the 64-bit columns of <see cref="OpportunityBatch"/>.
    /// </summary>
    public const decimal MaxAmount = 100_000_000_000_000m;

    /// <summary>
    /// The most decimal places an amount may have: four (ten-thousandths, finer than any currency's smallest unit). With
    /// <see cref="MaxAmount"/> it keeps every sum of amounts exact, so that merging parts equals one pass over the deals.
    /// </summary>
    public const int MaxDecimals = 4;

    /// <summary>Initializes a new instance of the <see cref="Opportunity"/> class.</summary>
    /// <param name="id">The CRM key of the opportunity.</param>
    /// <param name="accountId">The customer account.</param>
    /// <param name="createdOn">The day the deal originated.</param>
    /// <param name="motion">How the deal grows the business (hunting or farming).</param>
    /// <param name="source">Who brought the deal.</param>
    /// <param name="route">How the customer buys.</param>
    /// <param name="outcome">Open, won or lost.</param>
    /// <param name="amount">The deal value in the reporting currency; from 0 to <see cref="MaxAmount"/>, with at most <see cref="MaxDecimals"/> decimal places; <see langword="null"/> when not recorded.</param>
    /// <param name="partnerId">The partner on the deal; <see langword="null"/> for a direct deal.</param>
    /// <param name="district">The district or territory, if recorded.</param>
    /// <param name="registeredOn">The day the deal was entered (registered) in the CRM, if known.</param>
    /// <param name="lastUpdatedOn">The day the deal was last updated, if known.</param>
    /// <param name="expectedCloseOn">The expected close day, if recorded.</param>
    /// <param name="closedOn">The day the deal was won or lost; required for those outcomes.</param>
    /// <param name="lossReason">Why a lost deal was lost, if recorded.</param>
    /// <param name="stage">The sales stage, if recorded.</param>
    /// <exception cref="ArgumentException">An identifier is the default value, a close date is missing or present against the outcome, or a loss reason is on a deal that is not lost.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined, the amount is negative, above <see cref="MaxAmount"/> or finer than <see cref="MaxDecimals"/> decimal places, or a date is before <paramref name="createdOn"/>.</exception>
    public Opportunity(
        OpportunityId id,
        AccountId accountId,
        DateOnly createdOn,
        DealMotion motion,
        DealSource source,
        RouteToMarket route,
        DealOutcome outcome = DealOutcome.Open,
        decimal? amount = null,
        PartnerId? partnerId = null,
        string? district = null,
        DateOnly? registeredOn = null,
        DateOnly? lastUpdatedOn = null,
        DateOnly? expectedCloseOn = null,
        DateOnly? closedOn = null,
        string? lossReason = null,
        string? stage = null)
    {
        Id = Ensure.Present(id, nameof(id));
        AccountId = Ensure.Present(accountId, nameof(accountId));
        CreatedOn = createdOn;
        Motion = Ensure.Defined(motion, nameof(motion));
        Source = Ensure.Defined(source, nameof(source));
        Route = Ensure.Defined(route, nameof(route));
        Outcome = Ensure.Defined(outcome, nameof(outcome));
        Amount = Ensure.Money(amount, nameof(amount));
        PartnerId = partnerId is { } partner ? Ensure.Present(partner, nameof(partnerId)) : null;
        District = Ensure.OptionalText(district, nameof(district));
        RegisteredOn = Ensure.NotBefore(registeredOn, createdOn, nameof(registeredOn), nameof(createdOn));
        LastUpdatedOn = Ensure.NotBefore(lastUpdatedOn, createdOn, nameof(lastUpdatedOn), nameof(createdOn));
        ExpectedCloseOn = Ensure.NotBefore(expectedCloseOn, createdOn, nameof(expectedCloseOn), nameof(createdOn));
        ClosedOn = Ensure.NotBefore(closedOn, createdOn, nameof(closedOn), nameof(createdOn));
        if (outcome == DealOutcome.Open && closedOn is { } closed)
        {
            throw new ArgumentException($"An Open opportunity has no '{nameof(closedOn)}'; got {Ensure.Iso(closed)}.", nameof(closedOn));
        }

        if (outcome != DealOutcome.Open && closedOn is null)
        {
            throw new ArgumentException($"A {outcome} opportunity needs '{nameof(closedOn)}', the day it closed.", nameof(closedOn));
        }

        LossReason = Ensure.OptionalText(lossReason, nameof(lossReason));
        if (LossReason is not null && outcome != DealOutcome.Lost)
        {
            throw new ArgumentException($"Only a Lost opportunity has a '{nameof(lossReason)}'; this one is {outcome} with reason '{lossReason}'.", nameof(lossReason));
        }

        Stage = Ensure.OptionalText(stage, nameof(stage));
    }

    /// <summary>Gets the CRM key of the opportunity.</summary>
    public OpportunityId Id { get; }

    /// <summary>Gets the customer account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets the day the deal originated.</summary>
    public DateOnly CreatedOn { get; }

    /// <summary>Gets how the deal grows the business.</summary>
    public DealMotion Motion { get; private init; }

    /// <summary>Gets hunting or farming, from <see cref="Motion"/>.</summary>
    public MotionClass MotionClass => Motion.Class();

    /// <summary>
    /// The deal as the CRM knew it at the end of <paramref name="day"/>: <see langword="null"/> when it was created later;
    /// still <see cref="DealOutcome.Open"/> when it closed later (without its close day, loss reason and stage, which were not
    /// known yet); in every case without a registration or a last update after the day; otherwise this deal.
    /// </summary>
    /// <param name="day">The day.</param>
    /// <returns>The deal on the day, or <see langword="null"/>.</returns>
    /// <remarks>
    /// Pipeline views "as of" a past day use it (hunting versus farming in the HTML report and the tool's summary), so that a
    /// deal won after the day never counts as won on it. Health scoring does not call it: it reads each deal's dates against
    /// the day itself (DOMAIN rule 4).
    /// </remarks>
    public Opportunity? AsOf(DateOnly day)
    {
        if (CreatedOn > day)
        {
            return null;
        }

        // A registration or an update after the day was not known on it, whether or not the deal had closed by then; a
        // close after the day was not known either.
        var closedLater = ClosedOn > day;
        if (!closedLater && !(RegisteredOn > day) && !(LastUpdatedOn > day))
        {
            return this;
        }

        return new Opportunity(
            Id,
            AccountId,
            CreatedOn,
            Motion,
            Source,
            Route,
            closedLater ? DealOutcome.Open : Outcome,
            Amount,
            PartnerId,
            District,
            RegisteredOn is { } registered && registered <= day ? registered : null,
            LastUpdatedOn is { } updated && updated <= day ? updated : null,
            ExpectedCloseOn,
            closedLater ? null : ClosedOn,
            closedLater ? null : LossReason,
            closedLater ? null : Stage);
    }

    /// <summary>Gets who brought the deal.</summary>
    public DealSource Source { get; }

    /// <summary>Gets how the customer buys.</summary>
    public RouteToMarket Route { get; }

    /// <summary>Gets whether the deal is open, won or lost.</summary>
    public DealOutcome Outcome { get; }

    /// <summary>Gets the deal value, or <see langword="null"/> when not recorded.</summary>
    public decimal? Amount { get; }

    /// <summary>Gets the partner on the deal, or <see langword="null"/> for a direct deal.</summary>
    public PartnerId? PartnerId { get; }

    /// <summary>Gets the district, or <see langword="null"/>.</summary>
    public string? District { get; }

    /// <summary>Gets the day the deal was registered in the CRM, or <see langword="null"/>.</summary>
    public DateOnly? RegisteredOn { get; }

    /// <summary>Gets the day of the last update, or <see langword="null"/>.</summary>
    public DateOnly? LastUpdatedOn { get; }

    /// <summary>Gets the expected close day, or <see langword="null"/>.</summary>
    public DateOnly? ExpectedCloseOn { get; }

    /// <summary>Gets the close day of a won or lost deal; <see langword="null"/> while open.</summary>
    public DateOnly? ClosedOn { get; }

    /// <summary>Gets why a lost deal was lost, or <see langword="null"/>.</summary>
    public string? LossReason { get; }

    /// <summary>Gets the sales stage, or <see langword="null"/>.</summary>
    public string? Stage { get; }

    /// <summary>
    /// A copy of a checked deal with its record-keeping fields replaced (what a next action changes: the amount,
    /// the last update, the expected close and the stage), each checked as the public constructor checks it; the
    /// other fields were checked when <paramref name="original"/> was built.
    /// </summary>
    internal Opportunity(Opportunity original, decimal? amount, DateOnly? lastUpdatedOn, DateOnly? expectedCloseOn, string? stage)
    {
        Id = original.Id;
        AccountId = original.AccountId;
        CreatedOn = original.CreatedOn;
        Motion = original.Motion;
        Source = original.Source;
        Route = original.Route;
        Outcome = original.Outcome;
        PartnerId = original.PartnerId;
        District = original.District;
        RegisteredOn = original.RegisteredOn;
        ClosedOn = original.ClosedOn;
        LossReason = original.LossReason;
        Amount = Ensure.Money(amount, nameof(amount));
        LastUpdatedOn = Ensure.NotBefore(lastUpdatedOn, CreatedOn, nameof(lastUpdatedOn), "createdOn");
        ExpectedCloseOn = Ensure.NotBefore(expectedCloseOn, CreatedOn, nameof(expectedCloseOn), "createdOn");
        Stage = Ensure.OptionalText(stage, nameof(stage));
    }

    /// <summary>The latest day the CRM records for the deal: its creation, registration, last update or close (not the expected close, which may lie ahead).</summary>
    internal DateOnly LatestEvidenceDay()
    {
        var latest = CreatedOn;
        foreach (var day in (ReadOnlySpan<DateOnly?>)[RegisteredOn, LastUpdatedOn, ClosedOn])
        {
            latest = day > latest ? day.Value : latest;
        }

        return latest;
    }

    /// <summary>A copy of a checked deal with another motion (what <see cref="MotionInference"/> decides).</summary>
    internal Opportunity WithMotion(DealMotion motion) => motion == Motion ? this : this with { Motion = Ensure.Defined(motion, nameof(motion)) };
}
