using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>The JSON form of a <see cref="PipelineAccumulator"/>: its raw sums, so that shards can travel between machines.</summary>
internal sealed class PipelineAccumulatorDocument : IDocument<PipelineAccumulator, PipelineAccumulatorDocument>
{
    public long Count { get; set; }

    public long Open { get; set; }

    public long Won { get; set; }

    public long Lost { get; set; }

    public long LostWithAmount { get; set; }

    public long MissingAmounts { get; set; }

    public long HuntingWon { get; set; }

    public long PartnerSourced { get; set; }

    public long VendorReferred { get; set; }

    public long UnknownSource { get; set; }

    public long UnknownRouteWon { get; set; }

    public decimal OpenValue { get; set; }

    public decimal WonValue { get; set; }

    public decimal LostValue { get; set; }

    public decimal HuntingWonValue { get; set; }

    public decimal DirectRouteValue { get; set; }

    public decimal PartnerRouteValue { get; set; }

    public decimal MarketplaceRouteValue { get; set; }

    public decimal UnknownRouteValue { get; set; }

    /// <summary>Won deals per cycle length: item d counts the deals won d days after creation.</summary>
    public long[]? WonCycleDays { get; set; }

    public List<PartnerWinsDocument>? Partners { get; set; }

    public List<AccountWinsDocument>? Accounts { get; set; }

    public List<YearTally>? Years { get; set; }

    public List<LossReasonTally>? LossReasons { get; set; }

    public static PipelineAccumulatorDocument From(PipelineAccumulator model) => model.ToDocument();

    /// <summary>Checks that the sums agree with each other, so that a damaged document cannot yield wrong metrics.</summary>
    public PipelineAccumulator ToModel()
    {
        NotNegative(Count, "count");
        NotNegative(Open, "open");
        NotNegative(Won, "won");
        NotNegative(Lost, "lost");
        NotNegative(MissingAmounts, "missingAmounts");
        NotNegative(HuntingWon, "huntingWon");
        NotNegative(PartnerSourced, "partnerSourced");
        NotNegative(VendorReferred, "vendorReferred");
        NotNegative(LostWithAmount, "lostWithAmount");
        NotNegative(UnknownSource, "unknownSource");
        NotNegative(UnknownRouteWon, "unknownRouteWon");
        // Every check computes with overflow treated as disagreement, so a count or a sum past the range of its type is
        // a JsonException at the field, never an OverflowException (issue 18, row 4).
        Agree(() => Open + Won + Lost == Count, "count", "open + won + lost must equal count");
        Agree(() => HuntingWon <= Won && MissingAmounts <= Count && PartnerSourced + VendorReferred + UnknownSource <= Count, "count", "the partial counts exceed count");
        Agree(LostWithAmount <= Lost, "lostWithAmount", "more lost deals carry an amount than were lost");
        Agree(UnknownRouteWon <= Won, "unknownRouteWon", "more won deals have an unknown route than were won");
        Agree((LostWithAmount > 0) == (LostValue > 0), "lostValue", "lost value needs a lost deal with an amount, and a lost deal with an amount needs lost value");
        Agree(HuntingWonValue <= WonValue, "huntingWonValue", "hunting value exceeds won value");
        foreach (var value in (ReadOnlySpan<decimal>)[OpenValue, WonValue, LostValue, HuntingWonValue, DirectRouteValue, PartnerRouteValue, MarketplaceRouteValue, UnknownRouteValue])
        {
            Agree(value >= 0, "wonValue", "a value is negative");
        }

        // A value comes from its deals, each at most Opportunity.MaxAmount: no value without a deal, and no more than
        // the deals can carry (issue 18, row 5: huntingWon = 0 with hunting value, open = 0 with open value).
        AtMost(OpenValue, Open, "openValue", "open");
        AtMost(WonValue, Won, "wonValue", "won");
        AtMost(LostValue, LostWithAmount, "lostValue", "lostWithAmount");
        AtMost(HuntingWonValue, HuntingWon, "huntingWonValue", "huntingWon");
        var cycles = WonCycleDays ?? [];
        Agree(() => cycles.All(c => c >= 0) && cycles.Sum() == Won, "wonCycleDays", "the cycle counts must be non-negative and add up to won");
        Agree(() => DirectRouteValue + PartnerRouteValue + MarketplaceRouteValue + UnknownRouteValue == WonValue, "wonValue", "the route values must add up to the won value");
        Agree(UnknownRouteWon > 0 || UnknownRouteValue == 0, "unknownRouteValue", "value with an unknown route needs a won deal with an unknown route");
        var partners = Partners ?? [];
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i] is not { PartnerId: not null, WonCount: > 0 } partner || partner.WonValue < 0)
            {
                throw DocumentException.Invalid($"partners[{i}]", "A partner needs an id, a positive wonCount and a non-negative wonValue.");
            }

            AtMost(partner.WonValue, partner.WonCount, $"partners[{i}].wonValue", "its wonCount");
            Agree(partner.WonValue <= WonValue, $"partners[{i}].wonValue", "a partner's won value exceeds the won value");
        }

        Agree(partners.Select(p => p.PartnerId).Distinct().Count() == partners.Count, "partners", "a partner is listed twice");
        Agree(() => partners.Sum(p => p.WonCount) <= Won, "partners", "partners won more deals than won");
        Agree(() => partners.Sum(p => p.WonValue) <= WonValue, "partners", "partners won more value than the won value");
        var accounts = Accounts ?? [];
        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] is not { AccountId: not null, WonCount: > 0 } account || account.WonValue < 0)
            {
                throw DocumentException.Invalid($"accounts[{i}]", "An account needs an id, a positive wonCount and a non-negative wonValue.");
            }

            AtMost(account.WonValue, account.WonCount, $"accounts[{i}].wonValue", "its wonCount");
        }

        Agree(accounts.Select(a => a.AccountId).Distinct().Count() == accounts.Count, "accounts", "an account is listed twice");
        Agree(() => accounts.Sum(a => a.WonCount) == Won && accounts.Sum(a => a.WonValue) == WonValue, "accounts", "the accounts must add up to won and the won value");
        var years = Years ?? [];
        Agree(years.All(y => y is { WonCount: >= 0, LostCount: >= 0, WonValue: >= 0, LostValue: >= 0 }), "years", "a year has a negative count or value");
        Agree(years.All(y => y.Year is >= 1 and <= 9999), "years", "a year is outside 1 to 9999, the years of a day");
        Agree(years.Select(y => y.Year).Distinct().Count() == years.Count, "years", "a year is listed twice");
        Agree(() => years.Sum(y => y.WonCount) == Won && years.Sum(y => y.LostCount) == Lost, "years", "the years must add up to won and lost");
        Agree(() => years.Sum(y => y.WonValue) == WonValue, "years", "the years' wonValue must add up to the won value");
        Agree(() => years.Sum(y => y.LostValue) == LostValue, "years", "the years' lostValue must add up to the lost value");
        for (var i = 0; i < years.Count; i++)
        {
            AtMost(years[i].WonValue, years[i].WonCount, $"years[{i}].wonValue", "its wonCount");
            AtMost(years[i].LostValue, years[i].LostCount, $"years[{i}].lostValue", "its lostCount");
        }

        var reasons = LossReasons ?? [];
        Agree(reasons.All(r => r is { Count: > 0, Value: >= 0 }), "lossReasons", "a loss reason has a count below 1 or a negative value");
        Agree(reasons.All(r => r.Reason is null || !string.IsNullOrWhiteSpace(r.Reason)), "lossReasons", "a loss reason is blank: a deal's reason is text or none");
        Agree(reasons.Select(r => (r.Year, r.Reason)).Distinct().Count() == reasons.Count, "lossReasons", "a year and reason are listed twice");
        Agree(() => reasons.Sum(r => r.Count) == Lost, "lossReasons", "the loss reasons must add up to lost");
        Agree(() => reasons.Sum(r => r.Value) <= LostValue, "lossReasons", "the loss reasons hold more value than the lost value");

        // Each year's reasons are its lost deals: as many, and no more value.
        var lostIn = years.ToDictionary(y => y.Year);
        foreach (var (year, inYear) in reasons.GroupBy(r => r.Year).Select(g => (g.Key, g.ToList())))
        {
            Agree(
                () => lostIn.TryGetValue(year, out var tally) && inYear.Sum(r => r.Count) == tally.LostCount && inYear.Sum(r => r.Value) <= tally.LostValue,
                "lossReasons",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the loss reasons of {year} must add up to that year's lost deals, with no more than its lost value"));
        }

        // Every value is a sum of amounts of at most four decimal places (Opportunity.MaxDecimals): a finer one would
        // make merged sums depend on their order.
        IEnumerable<(decimal Value, string Property)> values =
        [
            (OpenValue, "openValue"), (WonValue, "wonValue"), (LostValue, "lostValue"), (HuntingWonValue, "huntingWonValue"),
            (DirectRouteValue, "directRouteValue"), (PartnerRouteValue, "partnerRouteValue"), (MarketplaceRouteValue, "marketplaceRouteValue"), (UnknownRouteValue, "unknownRouteValue"),
            .. partners.Select((p, i) => (p.WonValue, $"partners[{i}].wonValue")),
            .. accounts.Select((a, i) => (a.WonValue, $"accounts[{i}].wonValue")),
            .. years.SelectMany((y, i) => new[] { (y.WonValue, $"years[{i}].wonValue"), (y.LostValue, $"years[{i}].lostValue") }),
            .. reasons.Select((r, i) => (r.Value, $"lossReasons[{i}].value")),
        ];
        foreach (var (value, property) in values)
        {
            Agree(decimal.Round(value, Opportunity.MaxDecimals) == value, property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} has more than {Opportunity.MaxDecimals} decimal places, which no sum of amounts has"));
        }
        var model = PipelineAccumulator.FromDocument(this);

        // The metrics multiply and add these sums (velocity: open deals × average won size × win rate ÷ mean cycle); a
        // document whose sums are each in range but whose metrics are not is refused here, so Result() never throws
        // for an accumulator that was read.
        Agree(() => model.Result() is not null, "count", "the sums are too large to compute the metrics with");
        return model;
    }

    /// <summary>Checks that <paramref name="value"/> is no more than <paramref name="deals"/> deals of <see cref="Opportunity.MaxAmount"/> each.</summary>
    private static void AtMost(decimal value, long deals, string property, string count) =>
        Agree(() => deals > decimal.MaxValue / Opportunity.MaxAmount || value <= deals * Opportunity.MaxAmount, property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} is more than {count} ({deals}) deals of at most {Opportunity.MaxAmount} can carry"));

    private static void NotNegative(long value, string property) => Agree(value >= 0, property, $"must not be negative; got {value}");

    private static void Agree(Func<bool> condition, string property, string problem)
    {
        bool holds;
        try
        {
            holds = condition();
        }
        catch (OverflowException)
        {
            holds = false;
        }

        Agree(holds, property, problem);
    }

    private static void Agree(bool condition, string property, string problem)
    {
        if (!condition)
        {
            throw DocumentException.Invalid(property, $"Inconsistent accumulator: {problem}.");
        }
    }
}

/// <summary>A partner's won deals inside a <see cref="PipelineAccumulatorDocument"/>.</summary>
internal sealed class PartnerWinsDocument
{
    public PartnerId? PartnerId { get; set; }

    public long WonCount { get; set; }

    public decimal WonValue { get; set; }
}

/// <summary>A customer account's won deals inside a <see cref="PipelineAccumulatorDocument"/>.</summary>
internal sealed class AccountWinsDocument
{
    public AccountId? AccountId { get; set; }

    public long WonCount { get; set; }

    public decimal WonValue { get; set; }
}
