using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// A mergeable summary of opportunities: <see cref="Add(Opportunity)"/> them in any order, on any
/// number of threads or machines, <see cref="Merge"/> the parts in any order, and
/// <see cref="Result"/> equals the single-pass answer exactly (DOMAIN rule 13).
/// </summary>
/// <remarks>
/// <para>
/// An accumulator is mutable and not thread-safe: give each thread its own and merge them. Its memory
/// grows with the number of partners, years and loss reasons and with the longest won cycle, never with
/// the number of opportunities. It serializes to JSON (<see cref="PartnerMetricsJson"/>), so a
/// distributed job can ship partial results.
/// </para>
/// <para>
/// Money sums are <see cref="decimal"/> and exact. Every amount is at most
/// <see cref="Opportunity.MaxAmount"/> (10^14), so a sum could leave the range of <see cref="decimal"/>
/// (and throw <see cref="OverflowException"/>) only past 790 trillion deals of that amount.
/// </para>
/// </remarks>
[JsonConverter(typeof(DocumentConverter<PipelineAccumulator, PipelineAccumulatorDocument>))]
public sealed class PipelineAccumulator
{
    private readonly CycleHistogram cycles = new();
    private readonly Dictionary<PartnerId, WinTally> partners = [];
    private readonly Dictionary<int, YearState> years = [];
    private readonly Dictionary<(int Year, string? Reason), WinTally> lossReasons = [];
    private long count, open, won, lost, missingAmounts, huntingWon, partnerSourced, vendorReferred;
    private decimal openValue, wonValue, lostValue, huntingWonValue, directRouteValue, partnerRouteValue, marketplaceRouteValue;

    /// <summary>Adds one opportunity.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public void Add(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        count++;
        var amount = opportunity.Amount ?? 0m;
        if (opportunity.Amount is null)
        {
            missingAmounts++;
        }

        if (opportunity.Source == DealSource.PartnerSourced)
        {
            partnerSourced++;
        }
        else if (opportunity.Source == DealSource.VendorReferred)
        {
            vendorReferred++;
        }

        switch (opportunity.Outcome)
        {
            case DealOutcome.Open:
                open++;
                openValue += amount;
                break;
            case DealOutcome.Won:
                var closed = opportunity.ClosedOn!.Value;
                won++;
                wonValue += amount;
                if (opportunity.Motion == DealMotion.NewLogo)
                {
                    huntingWon++;
                    huntingWonValue += amount;
                }

                AddRouteValue(opportunity.Route, amount);
                cycles.Add(closed.DayNumber - opportunity.CreatedOn.DayNumber);
                if (opportunity.PartnerId is { } partner)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(partners, partner, out _).Add(1, amount);
                }

                CollectionsMarshal.GetValueRefOrAddDefault(years, closed.Year, out _).Won.Add(1, amount);
                break;
            default:
                var lostOn = opportunity.ClosedOn!.Value.Year;
                lost++;
                lostValue += amount;
                CollectionsMarshal.GetValueRefOrAddDefault(years, lostOn, out _).Lost.Add(1, amount);
                CollectionsMarshal.GetValueRefOrAddDefault(lossReasons, (lostOn, opportunity.LossReason), out _).Add(1, amount);
                break;
        }
    }

    /// <summary>Adds every opportunity of a sequence.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<Opportunity> opportunities)
    {
        Ensure.Each(opportunities, nameof(opportunities), Add);
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this accumulator.</exception>
    public void Merge(PipelineAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself; merge a copy.", nameof(other));
        }

        count += other.count;
        open += other.open;
        won += other.won;
        lost += other.lost;
        missingAmounts += other.missingAmounts;
        huntingWon += other.huntingWon;
        partnerSourced += other.partnerSourced;
        vendorReferred += other.vendorReferred;
        openValue += other.openValue;
        wonValue += other.wonValue;
        lostValue += other.lostValue;
        huntingWonValue += other.huntingWonValue;
        directRouteValue += other.directRouteValue;
        partnerRouteValue += other.partnerRouteValue;
        marketplaceRouteValue += other.marketplaceRouteValue;
        cycles.Merge(other.cycles);
        foreach (var (partner, tally) in other.partners)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(partners, partner, out _).Add(tally.Count, tally.Value);
        }

        foreach (var (year, state) in other.years)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(years, year, out _);
            mine.Won.Add(state.Won.Count, state.Won.Value);
            mine.Lost.Add(state.Lost.Count, state.Lost.Value);
        }

        foreach (var (key, tally) in other.lossReasons)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(lossReasons, key, out _).Add(tally.Count, tally.Value);
        }
    }

    /// <summary>Computes the metrics of everything added and merged so far.</summary>
    /// <param name="options">The target and the number of top partners; <see langword="null"/> for <see cref="PipelineOptions.Default"/>.</param>
    /// <returns>The metrics.</returns>
    public PipelineResult Result(PipelineOptions? options = null)
    {
        options ??= PipelineOptions.Default;
        var wonCycle = cycles.Statistics();
        var winRate = Ratio(won, won + lost);
        decimal? averageWon = won > 0 ? wonValue / won : null;
        var sortedPartners = partners.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        var partnerValue = sortedPartners.Aggregate(0m, (sum, tally) => sum + tally.Value);
        var huntingByValue = wonValue > 0 ? (double?)(double)(huntingWonValue / wonValue) : null;
        var huntingByCount = Ratio(huntingWon, won);
        return new PipelineResult(YearTallies(), LossReasonTallies())
        {
            Count = count,
            OpenCount = open,
            WonCount = won,
            LostCount = lost,
            OpenValue = openValue,
            WonValue = wonValue,
            LostValue = lostValue,
            MissingAmountCount = missingAmounts,
            WinRateByCount = winRate,
            WinRateByValue = wonValue + lostValue > 0 ? (double)(wonValue / (wonValue + lostValue)) : null,
            HuntingWonCount = huntingWon,
            HuntingWonValue = huntingWonValue,
            FarmingWonCount = won - huntingWon,
            FarmingWonValue = wonValue - huntingWonValue,
            HuntingShareByCount = huntingByCount,
            HuntingShareByValue = huntingByValue,
            WonCycle = wonCycle,
            AverageWonDealSize = averageWon,
            Velocity = averageWon is { } size && winRate is { } rate && wonCycle is { Mean: > 0 } cycle
                ? open * size * (decimal)(rate / cycle.Mean)
                : null,
            Coverage = options.RemainingTarget is { } target ? (double)(openValue / target) : null,
            PartnerSourcedCount = partnerSourced,
            VendorReferredCount = vendorReferred,
            DealFlowReciprocity = Ratio(partnerSourced, partnerSourced + vendorReferred) is { } p ? 1.0 - Math.Abs((2.0 * p) - 1.0) : null,
            PartnerConcentration = Concentration.Herfindahl(sortedPartners.Select(t => t.Value)),
            RouteConcentration = Concentration.Herfindahl([directRouteValue, partnerRouteValue, marketplaceRouteValue]),
            TopPartnerShare = partnerValue > 0
                ? (double)(sortedPartners.Select(t => t.Value).OrderDescending().Take(options.TopPartners).Aggregate(0m, (sum, v) => sum + v) / partnerValue)
                : null,
            PartnersWithWins = sortedPartners.Length,
            PartnersWithRepeatWins = sortedPartners.Count(t => t.Count >= 2),
            RepeatBusinessRate = Ratio(sortedPartners.Count(t => t.Count >= 2), sortedPartners.Length),
            Profile = (huntingByValue ?? huntingByCount) is { } hunting
                ? hunting >= 0.7 ? PartnerProfile.Hunter : hunting <= 0.3 ? PartnerProfile.Farmer : PartnerProfile.Balanced
                : null,
        };
    }

    internal PipelineAccumulatorDocument ToDocument() => new()
    {
        Count = count,
        Open = open,
        Won = won,
        Lost = lost,
        MissingAmounts = missingAmounts,
        HuntingWon = huntingWon,
        PartnerSourced = partnerSourced,
        VendorReferred = vendorReferred,
        OpenValue = openValue,
        WonValue = wonValue,
        LostValue = lostValue,
        HuntingWonValue = huntingWonValue,
        DirectRouteValue = directRouteValue,
        PartnerRouteValue = partnerRouteValue,
        MarketplaceRouteValue = marketplaceRouteValue,
        WonCycleDays = [.. cycles.Counts],
        Partners = [.. partners.OrderBy(p => p.Key).Select(p => new PartnerWinsDocument { PartnerId = p.Key, WonCount = p.Value.Count, WonValue = p.Value.Value })],
        Years = [.. YearTallies()],
        LossReasons = [.. LossReasonTallies()],
    };

    internal static PipelineAccumulator FromDocument(PipelineAccumulatorDocument document)
    {
        var accumulator = new PipelineAccumulator
        {
            count = document.Count,
            open = document.Open,
            won = document.Won,
            lost = document.Lost,
            missingAmounts = document.MissingAmounts,
            huntingWon = document.HuntingWon,
            partnerSourced = document.PartnerSourced,
            vendorReferred = document.VendorReferred,
            openValue = document.OpenValue,
            wonValue = document.WonValue,
            lostValue = document.LostValue,
            huntingWonValue = document.HuntingWonValue,
            directRouteValue = document.DirectRouteValue,
            partnerRouteValue = document.PartnerRouteValue,
            marketplaceRouteValue = document.MarketplaceRouteValue,
        };
        var days = document.WonCycleDays ?? [];
        for (var day = days.Length - 1; day >= 0; day--)
        {
            if (days[day] != 0)
            {
                accumulator.cycles.Add(day, days[day]);
            }
        }

        foreach (var partner in document.Partners ?? [])
        {
            accumulator.partners.Add(partner.PartnerId!.Value, new WinTally(partner.WonCount, partner.WonValue));
        }

        foreach (var year in document.Years ?? [])
        {
            accumulator.years.Add(year.Year, new YearState { Won = new WinTally(year.WonCount, year.WonValue), Lost = new WinTally(year.LostCount, year.LostValue) });
        }

        foreach (var reason in document.LossReasons ?? [])
        {
            accumulator.lossReasons.Add((reason.Year, reason.Reason), new WinTally(reason.Count, reason.Value));
        }

        return accumulator;
    }

    private static double? Ratio(long part, long whole) => whole > 0 ? (double)part / whole : null;

    private void AddRouteValue(RouteToMarket route, decimal amount)
    {
        switch (route)
        {
            case RouteToMarket.Direct:
                directRouteValue += amount;
                break;
            case RouteToMarket.Partner:
                partnerRouteValue += amount;
                break;
            default:
                marketplaceRouteValue += amount;
                break;
        }
    }

    private ImmutableArray<YearTally> YearTallies() =>
        [.. years.OrderBy(y => y.Key).Select(y => new YearTally(y.Key, y.Value.Won.Count, y.Value.Won.Value, y.Value.Lost.Count, y.Value.Lost.Value))];

    private ImmutableArray<LossReasonTally> LossReasonTallies() =>
        [.. lossReasons
            .OrderBy(r => r.Key.Year)
            .ThenByDescending(r => r.Value.Count)
            .ThenBy(r => r.Key.Reason, StringComparer.Ordinal)
            .Select(r => new LossReasonTally(r.Key.Year, r.Key.Reason, r.Value.Count, r.Value.Value))];

    private struct WinTally(long count, decimal value)
    {
        public long Count = count;
        public decimal Value = value;

        public void Add(long deals, decimal amount)
        {
            Count += deals;
            Value += amount;
        }
    }

    private struct YearState
    {
        public WinTally Won;
        public WinTally Lost;
    }
}
