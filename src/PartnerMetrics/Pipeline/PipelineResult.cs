using System.Collections.Immutable;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Hunting-versus-farming pipeline metrics of a set of opportunities (DOMAIN section 4). Every rate is
/// <see langword="null"/> when it is undefined — nothing closed, nothing won — never NaN.
/// </summary>
/// <remarks>Immutable and compared by value. Amounts not recorded count as 0 in value metrics and are counted in <see cref="MissingAmountCount"/>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DocumentConverter<PipelineResult, Serialization.Documents.PipelineResultDocument>))]
public sealed record PipelineResult
{
    private readonly EquatableArray<YearTally> years;
    private readonly EquatableArray<LossReasonTally> lossReasons;
    private readonly EquatableArray<MetricNote> notes;

    internal PipelineResult(ImmutableArray<YearTally> years, ImmutableArray<LossReasonTally> lossReasons, ImmutableArray<MetricNote> notes)
    {
        this.years = new EquatableArray<YearTally>(years);
        this.lossReasons = new EquatableArray<LossReasonTally>(lossReasons);
        this.notes = new EquatableArray<MetricNote>(notes);
    }

    /// <summary>Gets the number of opportunities.</summary>
    public long Count { get; internal init; }

    /// <summary>Gets the number of open opportunities.</summary>
    public long OpenCount { get; internal init; }

    /// <summary>Gets the number of won opportunities.</summary>
    public long WonCount { get; internal init; }

    /// <summary>Gets the number of lost opportunities.</summary>
    public long LostCount { get; internal init; }

    /// <summary>Gets the value of the open pipeline.</summary>
    public decimal OpenValue { get; internal init; }

    /// <summary>Gets the value won (bookings).</summary>
    public decimal WonValue { get; internal init; }

    /// <summary>Gets the value lost.</summary>
    public decimal LostValue { get; internal init; }

    /// <summary>Gets the number of lost deals with an amount above 0; when it is 0, <see cref="WinRateByValue"/> is <see langword="null"/>.</summary>
    public long LostWithAmountCount { get; internal init; }

    /// <summary>Gets the number of opportunities without a recorded amount.</summary>
    public long MissingAmountCount { get; internal init; }

    /// <summary>Gets won ÷ (won + lost) by count; <see langword="null"/> when nothing closed.</summary>
    public double? WinRateByCount { get; internal init; }

    /// <summary>
    /// Gets won ÷ (won + lost) by value; <see langword="null"/> when no closed deal carries value, and when deals were lost but
    /// none of them carries an amount (many CRMs write 0 on lost deals, which would make the rate read 100 %).
    /// </summary>
    public double? WinRateByValue { get; internal init; }

    /// <summary>Gets the number of won new-logo (hunting) deals.</summary>
    public long HuntingWonCount { get; internal init; }

    /// <summary>Gets the value of won new-logo (hunting) deals.</summary>
    public decimal HuntingWonValue { get; internal init; }

    /// <summary>Gets the number of won expansion, renewal, cross-sell and upsell (farming) deals.</summary>
    public long FarmingWonCount { get; internal init; }

    /// <summary>Gets the value of won farming deals.</summary>
    public decimal FarmingWonValue { get; internal init; }

    /// <summary>Gets the hunting share of won deals by count; <see langword="null"/> when nothing was won. Farming is 1 − this.</summary>
    public double? HuntingShareByCount { get; internal init; }

    /// <summary>Gets the hunting share of won bookings by value; <see langword="null"/> when no value was won.</summary>
    public double? HuntingShareByValue { get; internal init; }

    /// <summary>Gets the won-cycle statistics; <see langword="null"/> when nothing was won.</summary>
    public CycleStatistics? WonCycle { get; internal init; }

    /// <summary>Gets the average won deal size; <see langword="null"/> when nothing was won.</summary>
    public decimal? AverageWonDealSize { get; internal init; }

    /// <summary>Gets the pipeline velocity per day: open deals × average won size × win rate (by count) ÷ mean won cycle; <see langword="null"/> when any part is undefined or the mean cycle is 0 days.</summary>
    public decimal? Velocity { get; internal init; }

    /// <summary>Gets open value ÷ the remaining target; <see langword="null"/> when no target was given.</summary>
    public double? Coverage { get; internal init; }

    /// <summary>Gets the number of partner-sourced deals.</summary>
    public long PartnerSourcedCount { get; internal init; }

    /// <summary>Gets the number of vendor-referred deals.</summary>
    public long VendorReferredCount { get; internal init; }

    /// <summary>Gets the number of deals whose source is <see cref="DealSource.Unknown"/>, left out of <see cref="DealFlowReciprocity"/>.</summary>
    public long UnknownSourceCount { get; internal init; }

    /// <summary>Gets the balance of two-way deal flow, 1 − |2p − 1| with p the partner-sourced share of partner-sourced plus vendor-referred deals; <see langword="null"/> when there are neither.</summary>
    public double? DealFlowReciprocity { get; internal init; }

    /// <summary>Gets the Herfindahl–Hirschman index (0–10,000) of won value by partner, over deals with a partner; <see langword="null"/> when they won no value.</summary>
    public double? PartnerConcentration { get; internal init; }

    /// <summary>
    /// Gets the Herfindahl–Hirschman index (0–10,000) of won value by route to market, over won deals whose route is
    /// known; <see langword="null"/> when they won no value (for example, when no deal records its route).
    /// </summary>
    public double? RouteConcentration { get; internal init; }

    /// <summary>Gets the number of won deals whose route is <see cref="RouteToMarket.Unknown"/>, left out of <see cref="RouteConcentration"/>.</summary>
    public long UnknownRouteWonCount { get; internal init; }

    /// <summary>Gets the value of won deals whose route is <see cref="RouteToMarket.Unknown"/>.</summary>
    public decimal UnknownRouteWonValue { get; internal init; }

    /// <summary>Gets the Herfindahl–Hirschman index (0–10,000) of won value by customer account (DOMAIN section 4, v2); <see langword="null"/> when no value was won.</summary>
    public double? CustomerConcentration { get; internal init; }

    /// <summary>Gets the share of won value from the largest customer accounts (<see cref="PipelineOptions.TopCustomers"/>); <see langword="null"/> when no value was won.</summary>
    public double? TopCustomerShare { get; internal init; }

    /// <summary>Gets the number of customer accounts with at least one won deal.</summary>
    public long CustomersWithWins { get; internal init; }

    /// <summary>Gets the share of partner-attributed won value from the largest partners (<see cref="PipelineOptions.TopPartners"/>); <see langword="null"/> when partners won no value.</summary>
    public double? TopPartnerShare { get; internal init; }

    /// <summary>Gets the number of partners with at least one won deal.</summary>
    public long PartnersWithWins { get; internal init; }

    /// <summary>Gets the number of partners with at least two won deals.</summary>
    public long PartnersWithRepeatWins { get; internal init; }

    /// <summary>Gets partners with two or more won deals ÷ partners with one or more (seed 003); <see langword="null"/> when no partner won.</summary>
    public double? RepeatBusinessRate { get; internal init; }

    /// <summary>Gets Hunter, Farmer or Balanced from the hunting share of won value (of won count when no value was won); <see langword="null"/> when nothing was won.</summary>
    public PartnerProfile? Profile { get; internal init; }

    /// <summary>Gets a reason for every metric that is <see langword="null"/>, and what a metric leaves out (deals with an unknown source or route), in a fixed order.</summary>
    public ImmutableArray<MetricNote> Notes => notes;

    /// <summary>Gets the reasons noted for a metric.</summary>
    /// <param name="metric">The metric's property name, such as <c>nameof(PipelineResult.WinRateByValue)</c>: one of the metrics that can be left without a value.</param>
    /// <returns>The reasons, joined by a space; <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> names no metric that can be left without a value (a misspelt name had no note, as a metric with a value has none).</exception>
    public string? NoteFor(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (Array.IndexOf(NotedMetrics, metric) < 0)
        {
            throw new ArgumentException($"'{nameof(metric)}' must name a metric that can be left without a value, one of {string.Join(", ", NotedMetrics)}; got '{metric}'.", nameof(metric));
        }

        string? text = null;
        foreach (var note in notes)
        {
            if (note.Metric == metric)
            {
                text = text is null ? note.Reason : $"{text} {note.Reason}";
            }
        }

        return text;
    }

    /// <summary>The metrics that can be left without a value, which a note may name, in the order of the properties.</summary>
    internal static readonly string[] NotedMetrics =
    [
        nameof(WinRateByCount), nameof(WinRateByValue), nameof(HuntingShareByCount), nameof(HuntingShareByValue), nameof(WonCycle),
        nameof(AverageWonDealSize), nameof(Velocity), nameof(Coverage), nameof(DealFlowReciprocity), nameof(RouteConcentration),
        nameof(PartnerConcentration), nameof(TopPartnerShare), nameof(CustomerConcentration), nameof(TopCustomerShare),
        nameof(RepeatBusinessRate), nameof(Profile),
    ];

    /// <summary>Gets won and lost business by year of closing, in year order.</summary>
    public ImmutableArray<YearTally> Years => years;

    /// <summary>Gets lost deals by year and loss reason, by year, then most frequent first, then reason.</summary>
    public ImmutableArray<LossReasonTally> LossReasons => lossReasons;

    /// <summary>
    /// Gets a value indicating whether hunting comes with brand equity debt: the profile is
    /// <see cref="PartnerProfile.Hunter"/> and some of the won new-logo value churned or halved (seed 001); when no judged deal
    /// carries an amount (the debt's <see cref="BrandEquityDebtResult.Share"/> is <see langword="null"/>), some of the judged
    /// deals, as the profile is then read by count.
    /// </summary>
    /// <param name="debt">The brand equity debt of the same deals.</param>
    /// <returns><see langword="true"/> when the flag is raised.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="debt"/> is <see langword="null"/>.</exception>
    public bool HuntsWithBrandEquityDebt(BrandEquityDebtResult debt) =>
        Profile == PartnerProfile.Hunter && (Ensure.NotNull(debt, nameof(debt)).Share is { } share ? share > 0 : debt.DebtDeals > 0);

    /// <summary>Gets the business of <paramref name="year"/> beside the year before (seed 004: "Business Won LY / CY, Lost LY / CY").</summary>
    /// <param name="year">The current year.</param>
    /// <returns>This year's and last year's tallies; a year without closed deals has zeros.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not from 1 to 9999, the years of a day.</exception>
    public (YearTally Current, YearTally Previous) YearOverYear(int year) => year is >= 1 and <= 9999
        ? (Year(year), Year(year - 1))
        : throw new ArgumentOutOfRangeException(nameof(year), year, $"'{nameof(year)}' must be from 1 to 9999; got {year}.");

    private YearTally Year(int year)
    {
        foreach (var tally in years)
        {
            if (tally.Year == year)
            {
                return tally;
            }
        }

        return new YearTally(year, 0, 0m, 0, 0m);
    }
}
