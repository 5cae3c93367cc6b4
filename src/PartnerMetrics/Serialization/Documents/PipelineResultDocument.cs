using System.Collections.Immutable;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// The JSON form of a <see cref="PipelineResult"/>: every metric, the years, the loss reasons and the notes, so that reading
/// it back gives an equal result (DOMAIN rule 15). Reading checks that the parts agree — the counts add up, every rate is
/// the one the counts give (<see cref="PipelineRates"/>, the arithmetic of the result itself), the years and loss reasons
/// add up to the won and lost deals, every metric without a value has a note — and rejects a document whose parts
/// contradict each other at the field that does. The concentrations and the coverage come from the partner, customer and
/// route tallies and the target, which a result does not hold: they are checked against their ranges only.
/// </summary>
internal sealed class PipelineResultDocument : IDocument<PipelineResult, PipelineResultDocument>
{
    /// <summary>The metrics a note may name: those a result can leave without a value, or leave partly out.</summary>
    private static readonly string[] Metrics = PipelineResult.NotedMetrics;

    public long? Count { get; set; }

    public long? OpenCount { get; set; }

    public long? WonCount { get; set; }

    public long? LostCount { get; set; }

    public decimal? OpenValue { get; set; }

    public decimal? WonValue { get; set; }

    public decimal? LostValue { get; set; }

    public long? LostWithAmountCount { get; set; }

    public long? MissingAmountCount { get; set; }

    public double? WinRateByCount { get; set; }

    public double? WinRateByValue { get; set; }

    public long? HuntingWonCount { get; set; }

    public decimal? HuntingWonValue { get; set; }

    public long? FarmingWonCount { get; set; }

    public decimal? FarmingWonValue { get; set; }

    public double? HuntingShareByCount { get; set; }

    public double? HuntingShareByValue { get; set; }

    public CycleStatisticsDocument? WonCycle { get; set; }

    public decimal? AverageWonDealSize { get; set; }

    public decimal? Velocity { get; set; }

    public double? Coverage { get; set; }

    public long? PartnerSourcedCount { get; set; }

    public long? VendorReferredCount { get; set; }

    public long? UnknownSourceCount { get; set; }

    public double? DealFlowReciprocity { get; set; }

    public double? PartnerConcentration { get; set; }

    public double? RouteConcentration { get; set; }

    public long? UnknownRouteWonCount { get; set; }

    public decimal? UnknownRouteWonValue { get; set; }

    public double? CustomerConcentration { get; set; }

    public double? TopCustomerShare { get; set; }

    public long? CustomersWithWins { get; set; }

    public double? TopPartnerShare { get; set; }

    public long? PartnersWithWins { get; set; }

    public long? PartnersWithRepeatWins { get; set; }

    public double? RepeatBusinessRate { get; set; }

    public PartnerProfile? Profile { get; set; }

    public List<YearTally?>? Years { get; set; }

    public List<LossReasonTally?>? LossReasons { get; set; }

    public List<MetricNoteDocument?>? Notes { get; set; }

    public static PipelineResultDocument From(PipelineResult model) => new()
    {
        Count = model.Count,
        OpenCount = model.OpenCount,
        WonCount = model.WonCount,
        LostCount = model.LostCount,
        OpenValue = model.OpenValue,
        WonValue = model.WonValue,
        LostValue = model.LostValue,
        LostWithAmountCount = model.LostWithAmountCount,
        MissingAmountCount = model.MissingAmountCount,
        WinRateByCount = model.WinRateByCount,
        WinRateByValue = model.WinRateByValue,
        HuntingWonCount = model.HuntingWonCount,
        HuntingWonValue = model.HuntingWonValue,
        FarmingWonCount = model.FarmingWonCount,
        FarmingWonValue = model.FarmingWonValue,
        HuntingShareByCount = model.HuntingShareByCount,
        HuntingShareByValue = model.HuntingShareByValue,
        WonCycle = model.WonCycle is { } cycle ? new CycleStatisticsDocument { Count = cycle.Count, Mean = cycle.Mean, Median = cycle.Median, Percentile90 = cycle.Percentile90 } : null,
        AverageWonDealSize = model.AverageWonDealSize,
        Velocity = model.Velocity,
        Coverage = model.Coverage,
        PartnerSourcedCount = model.PartnerSourcedCount,
        VendorReferredCount = model.VendorReferredCount,
        UnknownSourceCount = model.UnknownSourceCount,
        DealFlowReciprocity = model.DealFlowReciprocity,
        PartnerConcentration = model.PartnerConcentration,
        RouteConcentration = model.RouteConcentration,
        UnknownRouteWonCount = model.UnknownRouteWonCount,
        UnknownRouteWonValue = model.UnknownRouteWonValue,
        CustomerConcentration = model.CustomerConcentration,
        TopCustomerShare = model.TopCustomerShare,
        CustomersWithWins = model.CustomersWithWins,
        TopPartnerShare = model.TopPartnerShare,
        PartnersWithWins = model.PartnersWithWins,
        PartnersWithRepeatWins = model.PartnersWithRepeatWins,
        RepeatBusinessRate = model.RepeatBusinessRate,
        Profile = model.Profile,
        Years = [.. model.Years],
        LossReasons = [.. model.LossReasons],
        Notes = [.. model.Notes.Select(n => new MetricNoteDocument { Metric = n.Metric, Reason = n.Reason })],
    };

    public PipelineResult ToModel()
    {
        // The counts: each present, none negative, adding up.
        var count = ResultParts.Count(Count, "count");
        var (open, won, lost) = (ResultParts.Count(OpenCount, "openCount"), ResultParts.Count(WonCount, "wonCount"), ResultParts.Count(LostCount, "lostCount"));
        var (lostWithAmount, missing) = (ResultParts.Count(LostWithAmountCount, "lostWithAmountCount"), ResultParts.Count(MissingAmountCount, "missingAmountCount"));
        var (hunting, farming) = (ResultParts.Count(HuntingWonCount, "huntingWonCount"), ResultParts.Count(FarmingWonCount, "farmingWonCount"));
        var (partnerSourced, vendorReferred, unknownSource) = (ResultParts.Count(PartnerSourcedCount, "partnerSourcedCount"), ResultParts.Count(VendorReferredCount, "vendorReferredCount"), ResultParts.Count(UnknownSourceCount, "unknownSourceCount"));
        var unknownRoute = ResultParts.Count(UnknownRouteWonCount, "unknownRouteWonCount");
        var (customers, partners, repeat) = (ResultParts.Count(CustomersWithWins, "customersWithWins"), ResultParts.Count(PartnersWithWins, "partnersWithWins"), ResultParts.Count(PartnersWithRepeatWins, "partnersWithRepeatWins"));
        Agree(ResultParts.Fits(() => open + won + lost == count), "count", $"must be openCount + wonCount + lostCount, {open} + {won} + {lost}; got {count}");
        Agree(ResultParts.Fits(() => hunting + farming == won), "farmingWonCount", $"must be wonCount − huntingWonCount, {won} − {hunting}; got {farming}");
        Agree(lostWithAmount <= lost, "lostWithAmountCount", $"must be at most lostCount, {lost}; got {lostWithAmount}");
        Agree(missing <= count, "missingAmountCount", $"must be at most count, {count}; got {missing}");
        Agree(ResultParts.Fits(() => partnerSourced + vendorReferred + unknownSource <= count), "unknownSourceCount", $"with partnerSourcedCount and vendorReferredCount must be at most count, {count}; got {partnerSourced} + {vendorReferred} + {unknownSource}");
        Agree(unknownRoute <= won, "unknownRouteWonCount", $"must be at most wonCount, {won}; got {unknownRoute}");
        Agree(customers <= won, "customersWithWins", $"must be at most wonCount, {won}; got {customers}");
        Agree((customers > 0) == (won > 0), "customersWithWins", $"must be more than 0 exactly when a deal is won (wonCount {won}); got {customers}");
        Agree(partners <= won, "partnersWithWins", $"must be at most wonCount, {won}; got {partners}");
        Agree(repeat <= partners, "partnersWithRepeatWins", $"must be at most partnersWithWins, {partners}; got {repeat}");

        // The values: each a sum of amounts, adding up.
        var (openValue, wonValue, lostValue) = (ResultParts.Amount(OpenValue, "openValue"), ResultParts.Amount(WonValue, "wonValue"), ResultParts.Amount(LostValue, "lostValue"));
        var (huntingValue, farmingValue, unknownRouteValue) = (ResultParts.Amount(HuntingWonValue, "huntingWonValue"), ResultParts.Amount(FarmingWonValue, "farmingWonValue"), ResultParts.Amount(UnknownRouteWonValue, "unknownRouteWonValue"));
        Agree(ResultParts.Fits(() => huntingValue + farmingValue == wonValue), "farmingWonValue", $"must be wonValue − huntingWonValue, {wonValue} − {huntingValue}; got {farmingValue}");
        Agree(unknownRouteValue <= wonValue, "unknownRouteWonValue", $"must be at most wonValue, {wonValue}; got {unknownRouteValue}");
        Agree((lostWithAmount > 0) == (lostValue > 0), "lostValue", $"must be more than 0 exactly when a lost deal carries an amount (lostWithAmountCount {lostWithAmount}); got {lostValue}");
        // Each value comes from its deals, each at most Opportunity.MaxAmount (as an accumulator document is read): no value
        // without a deal, which would give a hunting share and a profile to a result that won nothing.
        Carried(openValue, open, "openValue", "openCount");
        Carried(wonValue, won, "wonValue", "wonCount");
        Carried(huntingValue, hunting, "huntingWonValue", "huntingWonCount");
        Carried(farmingValue, farming, "farmingWonValue", "farmingWonCount");
        Carried(lostValue, lostWithAmount, "lostValue", "lostWithAmountCount");
        Carried(unknownRouteValue, unknownRoute, "unknownRouteWonValue", "unknownRouteWonCount");
        Agree(
            ResultParts.Fits(() => ResultParts.CarryAll(openValue, wonValue, lostValue, count - missing)),
            "missingAmountCount",
            $"must leave deals with an amount enough to carry openValue, wonValue and lostValue: count − missingAmountCount ({count} − {missing}) deals of at most {Opportunity.MaxAmount} each carry less than {openValue} + {wonValue} + {lostValue}");

        // The won cycle: of the won deals, in days a date can span.
        CycleStatistics? cycle = null;
        if (WonCycle is { } wonCycle)
        {
            // A cycle of no deals is no cycle: a result has none when nothing was won.
            Agree(won > 0, "wonCycle", $"must be absent when no deal is won");
            cycle = wonCycle.ToModel(won);
        }

        Agree(cycle is not null || won == 0, "wonCycle", $"must be given when a deal is won ({won})");

        // The rates the counts give: the same arithmetic as the result's own, so equal to the bit.
        var rates = PipelineRates.Of(open, won, lost, lostWithAmount, wonValue, lostValue, hunting, huntingValue, cycle, partnerSourced, vendorReferred, partners, repeat);
        Same(WinRateByCount, rates.WinRateByCount, "winRateByCount", "wonCount ÷ (wonCount + lostCount)");
        Same(WinRateByValue, rates.WinRateByValue, "winRateByValue", "wonValue ÷ (wonValue + lostValue), none when no lost deal carries an amount");
        Same(HuntingShareByCount, rates.HuntingShareByCount, "huntingShareByCount", "huntingWonCount ÷ wonCount");
        Same(HuntingShareByValue, rates.HuntingShareByValue, "huntingShareByValue", "huntingWonValue ÷ wonValue");
        Same(AverageWonDealSize, rates.AverageWonDealSize, "averageWonDealSize", "wonValue ÷ wonCount");
        // A document of an earlier release states the velocity it computed through a double (50.0000000000001 for 50): it
        // is read, with the exact velocity.
        var earlierVelocity = Velocity is not null && Velocity != rates.Velocity && Velocity == PipelineRates.LegacyVelocity(open, won, lost, wonValue, cycle);
        Same(earlierVelocity ? rates.Velocity : Velocity, rates.Velocity, "velocity", "openCount × wonValue × wonCount ÷ ((wonCount + lostCount) × wonCycle.mean × wonCycle.count), rounded once");
        // So is the reciprocity earlier releases computed through p, rounded three times (0.19999999999999996 for 0.2).
        var earlierReciprocity = DealFlowReciprocity is not null && DealFlowReciprocity != rates.DealFlowReciprocity && DealFlowReciprocity == PipelineRates.LegacyReciprocity(partnerSourced, vendorReferred);
        Same(earlierReciprocity ? rates.DealFlowReciprocity : DealFlowReciprocity, rates.DealFlowReciprocity, "dealFlowReciprocity", "1 − |2p − 1|, p the partner-sourced share of partner-sourced and vendor-referred deals: 2 × the smaller of partnerSourcedCount and vendorReferredCount ÷ both, rounded once");
        Same(RepeatBusinessRate, rates.RepeatBusinessRate, "repeatBusinessRate", "partnersWithRepeatWins ÷ partnersWithWins");
        Agree(Profile == rates.Profile, "profile", $"must be {(object?)rates.Profile ?? "none"}, from the hunting share of won value (of won count without value); got {(object?)Profile ?? "none"}");

        // What the result's tallies gave, which it does not hold: ranges, and values only where there are wins.
        Range(PartnerConcentration, 10_000, "partnerConcentration");
        Range(RouteConcentration, 10_000, "routeConcentration");
        Range(CustomerConcentration, 10_000, "customerConcentration");
        Range(TopPartnerShare, 1, "topPartnerShare");
        Range(TopCustomerShare, 1, "topCustomerShare");
        Agree(Coverage is null || (Coverage >= 0 && double.IsFinite(Coverage.Value)), "coverage", $"must be a finite number of at least 0; got {Coverage}");
        Agree(TopPartnerShare.HasValue == PartnerConcentration.HasValue, "topPartnerShare", $"must be given exactly when partnerConcentration is");
        Agree(TopCustomerShare.HasValue == CustomerConcentration.HasValue, "topCustomerShare", $"must be given exactly when customerConcentration is");
        Agree(PartnerConcentration is null || partners > 0, "partnerConcentration", $"must be absent when no partner has a win");
        // Every won deal has an account, so the accounts' values add up to the won value, and the routes' known values to the
        // won value less the unknown route's: whether these two concentrations have a value follows from the result's own values.
        Agree(CustomerConcentration.HasValue == (wonValue > 0), "customerConcentration", $"must be given exactly when value was won (wonValue {wonValue})");
        Agree(RouteConcentration.HasValue == (wonValue > unknownRouteValue), "routeConcentration", $"must be given exactly when value was won with a known route (wonValue − unknownRouteWonValue, {wonValue} − {unknownRouteValue})");
        // n parts with wins give an index of at least that of n equal parts, 10,000 ÷ n (rounded as the index is: once).
        AtLeastEqualParts(PartnerConcentration, partners, "partnerConcentration", $"partnersWithWins ({partners})");
        AtLeastEqualParts(CustomerConcentration, customers, "customerConcentration", $"customersWithWins ({customers})");
        AtLeastEqualParts(RouteConcentration, 3, "routeConcentration", $"the three routes");

        var years = Tallies(Years, "years");
        var reasons = Tallies(LossReasons, "lossReasons");
        CheckYears(years, won, wonValue, lost, lostValue);
        CheckLossReasons(reasons, years, lost, lostValue);

        var notes = ImmutableArray.CreateBuilder<MetricNote>(Notes?.Count ?? 0);
        for (var i = 0; i < (Notes?.Count ?? 0); i++)
        {
            var note = Notes![i] ?? throw DocumentException.NullItem("notes", i);
            var metric = Text(note.Metric, $"notes[{i}].metric");
            Agree(Metrics.Contains(metric), $"notes[{i}].metric", $"must name a metric that can be left without a value, one of {string.Join(", ", Metrics)}; got '{metric}'");
            notes.Add(new MetricNote(metric, Text(note.Reason, $"notes[{i}].reason")));
        }

        var result = new PipelineResult(years, reasons, notes.MoveToImmutable())
        {
            Count = count,
            OpenCount = open,
            WonCount = won,
            LostCount = lost,
            OpenValue = openValue,
            WonValue = wonValue,
            LostValue = lostValue,
            LostWithAmountCount = lostWithAmount,
            MissingAmountCount = missing,
            // The rates as the counts give them, which the document's equal: its -0 for a 0 would be written back as "-0".
            WinRateByCount = rates.WinRateByCount,
            WinRateByValue = rates.WinRateByValue,
            HuntingWonCount = hunting,
            HuntingWonValue = huntingValue,
            FarmingWonCount = farming,
            FarmingWonValue = farmingValue,
            HuntingShareByCount = rates.HuntingShareByCount,
            HuntingShareByValue = rates.HuntingShareByValue,
            WonCycle = cycle,
            AverageWonDealSize = AverageWonDealSize,
            Velocity = rates.Velocity,
            Coverage = Coverage is 0 ? 0.0 : Coverage,
            PartnerSourcedCount = partnerSourced,
            VendorReferredCount = vendorReferred,
            UnknownSourceCount = unknownSource,
            DealFlowReciprocity = rates.DealFlowReciprocity,
            PartnerConcentration = PartnerConcentration,
            RouteConcentration = RouteConcentration,
            UnknownRouteWonCount = unknownRoute,
            UnknownRouteWonValue = unknownRouteValue,
            CustomerConcentration = CustomerConcentration,
            TopCustomerShare = TopCustomerShare,
            CustomersWithWins = customers,
            TopPartnerShare = TopPartnerShare,
            PartnersWithWins = partners,
            PartnersWithRepeatWins = repeat,
            RepeatBusinessRate = rates.RepeatBusinessRate,
            Profile = Profile,
        };

        // Every metric without a value says why (a note that names it).
        foreach (var (metric, isNull) in Absent(result))
        {
            Agree(!isNull || result.NoteFor(metric) is not null, "notes", $"must say why {metric} has no value");
        }

        return result;
    }

    /// <summary>Each metric a note may name, and whether the result leaves it without a value.</summary>
    private static IEnumerable<(string Metric, bool IsNull)> Absent(PipelineResult result) =>
    [
        (nameof(result.WinRateByCount), result.WinRateByCount is null), (nameof(result.WinRateByValue), result.WinRateByValue is null),
        (nameof(result.HuntingShareByCount), result.HuntingShareByCount is null), (nameof(result.HuntingShareByValue), result.HuntingShareByValue is null),
        (nameof(result.WonCycle), result.WonCycle is null), (nameof(result.AverageWonDealSize), result.AverageWonDealSize is null),
        (nameof(result.Velocity), result.Velocity is null), (nameof(result.Coverage), result.Coverage is null),
        (nameof(result.DealFlowReciprocity), result.DealFlowReciprocity is null), (nameof(result.RouteConcentration), result.RouteConcentration is null),
        (nameof(result.PartnerConcentration), result.PartnerConcentration is null), (nameof(result.TopPartnerShare), result.TopPartnerShare is null),
        (nameof(result.CustomerConcentration), result.CustomerConcentration is null), (nameof(result.TopCustomerShare), result.TopCustomerShare is null),
        (nameof(result.RepeatBusinessRate), result.RepeatBusinessRate is null), (nameof(result.Profile), result.Profile is null),
    ];

    private static void CheckYears(ImmutableArray<YearTally> years, long won, decimal wonValue, long lost, decimal lostValue)
    {
        for (var i = 0; i < years.Length; i++)
        {
            var year = years[i];
            Agree(year.Year is >= 1 and <= 9999, $"years[{i}].year", $"must be from 1 to 9999, the years of a day; got {year.Year}");
            Agree(i == 0 || years[i - 1].Year < year.Year, $"years[{i}].year", $"must come after {(i > 0 ? years[i - 1].Year : 0)}: years are in order, each once");
            Agree(year is { WonCount: >= 0, LostCount: >= 0, WonValue: >= 0, LostValue: >= 0 } && year.WonCount + year.LostCount > 0, $"years[{i}]", $"must list at least one won or lost deal, and no count or value below 0");
        }

        Agree(ResultParts.Fits(() => years.Sum(y => y.WonCount) == won && years.Sum(y => y.WonValue) == wonValue), "years", $"must add up to wonCount {won} and wonValue {wonValue}");
        Agree(ResultParts.Fits(() => years.Sum(y => y.LostCount) == lost && years.Sum(y => y.LostValue) == lostValue), "years", $"must add up to lostCount {lost} and lostValue {lostValue}");
    }

    private static void CheckLossReasons(ImmutableArray<LossReasonTally> reasons, ImmutableArray<YearTally> years, long lost, decimal lostValue)
    {
        for (var i = 0; i < reasons.Length; i++)
        {
            Agree(reasons[i] is { Count: > 0, Value: >= 0 }, $"lossReasons[{i}]", $"must count at least one lost deal, of a value of at least 0");
            Agree(reasons[i].Reason is null || !string.IsNullOrWhiteSpace(reasons[i].Reason), $"lossReasons[{i}].reason", $"must be text or none; got blank");
        }

        Agree(reasons.Select(r => (r.Year, r.Reason)).Distinct().Count() == reasons.Length, "lossReasons", $"must list each year and reason once");
        Agree(ResultParts.Fits(() => reasons.Sum(r => r.Count) == lost && reasons.Sum(r => r.Value) == lostValue), "lossReasons", $"must add up to lostCount {lost} and lostValue {lostValue}");
        foreach (var inYear in reasons.GroupBy(r => r.Year))
        {
            var tally = years.FirstOrDefault(y => y.Year == inYear.Key);
            Agree(
                ResultParts.Fits(() => tally is not null && inYear.Sum(r => r.Count) == tally.LostCount && inYear.Sum(r => r.Value) == tally.LostValue),
                "lossReasons",
                $"of {inYear.Key} must add up to that year's lost deals and their value");
        }
    }

    private static ImmutableArray<T> Tallies<T>(List<T?>? items, string property)
        where T : class
    {
        var list = Required(items, property);
        var builder = ImmutableArray.CreateBuilder<T>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            builder.Add(list[i] ?? throw DocumentException.NullItem(property, i));
        }

        return builder.MoveToImmutable();
    }

    private static string Text(string? value, string property)
    {
        var text = value ?? throw DocumentException.Missing(property);
        Agree(!string.IsNullOrWhiteSpace(text), property, $"must not be empty");
        return text;
    }

    /// <summary>Whether <paramref name="deals"/> deals of at most <see cref="Opportunity.MaxAmount"/> each can carry <paramref name="value"/>.</summary>
    private static void Carried(decimal value, long deals, string property, string count) =>
        Agree(ResultParts.CarryAll(value, 0, 0, deals), property, $"must be at most what {count} ({deals}) deals of at most {Opportunity.MaxAmount} each carry; got {value}");

    private static void AtLeastEqualParts(double? index, long parts, string property, FormattableString what)
    {
        if (index is { } value && parts > 0)
        {
            var least = 10_000.0 / parts;
            Agree(value >= least, property, $"must be at least 10000 ÷ {FormattableString.Invariant(what)}, {least}, the index of that many equal parts; got {value}");
        }
    }

    private static void Range(double? value, double most, string property) =>
        Agree(value is null || (value >= 0 && value <= most), property, $"must be from 0 to {most}; got {value}");

    /// <summary>Whether a stated rate is the one the counts give, to the bit (a JSON number reads back as the double written).</summary>
    private static void Same<T>(T? stated, T? expected, string property, string what)
        where T : struct, IEquatable<T> =>
        Agree(Nullable.Equals(stated, expected), property, $"must be {what}, {(object?)expected ?? "none"}; got {(object?)stated ?? "none"}");
}

/// <summary>A <see cref="CycleStatistics"/> in a <see cref="PipelineResultDocument"/>.</summary>
internal sealed class CycleStatisticsDocument
{
    public long? Count { get; set; }

    public double? Mean { get; set; }

    public double? Median { get; set; }

    public int? Percentile90 { get; set; }

    /// <summary>The won cycle of <paramref name="won"/> deals: each of 0 days or more, no longer than a date can span.</summary>
    public CycleStatistics ToModel(long won)
    {
        var count = Required(Count, "wonCycle.count");
        var (mean, median, p90) = (Required(Mean, "wonCycle.mean"), Required(Median, "wonCycle.median"), Required(Percentile90, "wonCycle.percentile90"));
        var most = PipelineAccumulatorDocument.MaxCycleDays;
        Agree(count == won, "wonCycle.count", $"must be wonCount, {won}; got {count}");
        Agree(mean >= 0 && mean <= most, "wonCycle.mean", $"must be from 0 to {most} days; got {mean}");
        Agree(median >= 0 && median <= p90 && median * 2 == Math.Floor(median * 2), "wonCycle.median", $"must be a whole or half number of days, from 0 to percentile90 ({p90}); got {median}");
        Agree(p90 >= 0 && p90 <= most, "wonCycle.percentile90", $"must be from 0 to {most} days; got {p90}");
        // -0 passes the checks (it equals 0) but would be written back as "-0": a cycle of 0 days is 0.
        return new CycleStatistics(count, mean + 0.0, median + 0.0, p90);
    }
}

/// <summary>A <see cref="MetricNote"/> in a <see cref="PipelineResultDocument"/>.</summary>
internal sealed class MetricNoteDocument
{
    public string? Metric { get; set; }

    public string? Reason { get; set; }
}
