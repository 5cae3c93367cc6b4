using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>The JSON form of a <see cref="PipelineAccumulator"/>: its raw sums, so that shards can travel between machines.</summary>
internal sealed class PipelineAccumulatorDocument : IDocument<PipelineAccumulator, PipelineAccumulatorDocument>
{
    public long? Count { get; set; }

    public long? Open { get; set; }

    public long? Won { get; set; }

    public long? Lost { get; set; }

    public long? LostWithAmount { get; set; }

    public long? MissingAmounts { get; set; }

    public long? HuntingWon { get; set; }

    public long? PartnerSourced { get; set; }

    public long? VendorReferred { get; set; }

    public long? UnknownSource { get; set; }

    public long? UnknownRouteWon { get; set; }

    public decimal? OpenValue { get; set; }

    public decimal? WonValue { get; set; }

    public decimal? LostValue { get; set; }

    public decimal? HuntingWonValue { get; set; }

    public decimal? DirectRouteValue { get; set; }

    public decimal? PartnerRouteValue { get; set; }

    public decimal? MarketplaceRouteValue { get; set; }

    public decimal? UnknownRouteValue { get; set; }

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
        var sums = AccumulatorSums.Of(this);
        NotNegative(sums.Count, "count");
        NotNegative(sums.Open, "open");
        NotNegative(sums.Won, "won");
        NotNegative(sums.Lost, "lost");
        NotNegative(sums.MissingAmounts, "missingAmounts");
        NotNegative(sums.HuntingWon, "huntingWon");
        NotNegative(sums.PartnerSourced, "partnerSourced");
        NotNegative(sums.VendorReferred, "vendorReferred");
        NotNegative(sums.LostWithAmount, "lostWithAmount");
        NotNegative(sums.UnknownSource, "unknownSource");
        NotNegative(sums.UnknownRouteWon, "unknownRouteWon");
        // Before any check that compares them, so that a negative value is named, not a value it is compared with.
        foreach (var (value, property) in (ReadOnlySpan<(decimal, string)>)[
            (sums.OpenValue, "openValue"), (sums.WonValue, "wonValue"), (sums.LostValue, "lostValue"), (sums.HuntingWonValue, "huntingWonValue"),
            (sums.DirectRouteValue, "directRouteValue"), (sums.PartnerRouteValue, "partnerRouteValue"), (sums.MarketplaceRouteValue, "marketplaceRouteValue"), (sums.UnknownRouteValue, "unknownRouteValue")])
        {
            NotNegative(value, property);
        }

        // Every check computes with overflow treated as disagreement, so a count or a sum past the range of its type is
        // a JsonException at the field, never an OverflowException (issue 18, row 4).
        Agree(() => sums.Open + sums.Won + sums.Lost == sums.Count, "count", "open + won + lost must equal count");
        Agree(() => sums.HuntingWon <= sums.Won && sums.MissingAmounts <= sums.Count && sums.PartnerSourced + sums.VendorReferred + sums.UnknownSource <= sums.Count, "count", "the partial counts exceed count");
        Agree(sums.LostWithAmount <= sums.Lost, "lostWithAmount", "more lost deals carry an amount than were lost");
        Agree(sums.UnknownRouteWon <= sums.Won, "unknownRouteWon", "more won deals have an unknown route than were won");
        Agree((sums.LostWithAmount > 0) == (sums.LostValue > 0), "lostValue", "lost value needs a lost deal with an amount, and a lost deal with an amount needs lost value");
        Agree(sums.HuntingWonValue <= sums.WonValue, "huntingWonValue", "hunting value exceeds won value");
        // A value comes from its deals, each at most Opportunity.MaxAmount: no value without a deal, and no more than
        // the deals can carry (issue 18, row 5: huntingWon = 0 with hunting value, open = 0 with open value).
        AtMost(sums.OpenValue, sums.Open, "openValue", "open");
        AtMost(sums.WonValue, sums.Won, "wonValue", "won");
        AtMost(sums.LostValue, sums.LostWithAmount, "lostValue", "lostWithAmount");
        AtMost(sums.HuntingWonValue, sums.HuntingWon, "huntingWonValue", "huntingWon");

        // The rest of a value is carried by the rest of its deals: the farming wins carry the won value beyond the
        // hunting value, the won deals with a known route the known routes' value, the deals with an amount every value
        // (so when every won deal is a hunting win, the hunting value is the won value).
        AtMost(sums.WonValue - sums.HuntingWonValue, sums.Won - sums.HuntingWon, "huntingWonValue", "won − huntingWon, the farming wins,");
        Agree(() => sums.LostWithAmount <= sums.Count - sums.MissingAmounts, "missingAmounts", "more deals carry an amount (lostWithAmount) than count − missingAmounts");
        Agree(ResultParts.CarryAll(sums.OpenValue, sums.WonValue, sums.LostValue, sums.Count - sums.MissingAmounts), "missingAmounts", "the values are more than the count − missingAmounts deals with an amount can carry");
        var cycles = Document.Required(WonCycleDays, "wonCycleDays");
        Agree(cycles.Length <= MaxCycleDays + 1, "wonCycleDays", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a won deal's cycle is at most {MaxCycleDays} days (from the first day a date can hold to the last); the list is {cycles.Length} long"));
        Agree(() => cycles.All(c => c >= 0) && cycles.Sum() == sums.Won, "wonCycleDays", "the cycle counts must be non-negative and add up to won");
        Agree(() => sums.DirectRouteValue + sums.PartnerRouteValue + sums.MarketplaceRouteValue + sums.UnknownRouteValue == sums.WonValue, "wonValue", "the route values must add up to the won value");
        Agree(sums.UnknownRouteWon > 0 || sums.UnknownRouteValue == 0, "unknownRouteValue", "value with an unknown route needs a won deal with an unknown route");
        AtMost(sums.WonValue - sums.UnknownRouteValue, sums.Won - sums.UnknownRouteWon, "unknownRouteWon", "won − unknownRouteWon, the wins with a known route,");
        var partners = Document.Required(Partners, "partners");
        for (var i = 0; i < partners.Count; i++)
        {
            var partner = partners[i] ?? throw DocumentException.NullItem("partners", i);
            Tally(partner.PartnerId is not null, partner.WonCount, partner.WonValue, $"partners[{i}]", "partnerId", "a partner's");

            // Only bounded by the won value, a partner's value read as 0 when it was left out: required, as every sum is.
            var value = Document.Required(partner.WonValue, $"partners[{i}].wonValue");
            AtMost(value, partner.WonCount, $"partners[{i}].wonValue", "its wonCount");
            Agree(value <= sums.WonValue, $"partners[{i}].wonValue", "a partner's won value exceeds the won value");
        }

        // Each repeat is refused at its entry, naming it (DOMAIN section 2): a shard of thousands of partners said only "a partner".
        var partnerIds = new HashSet<PartnerId>();
        for (var i = 0; i < partners.Count; i++)
        {
            Agree(partnerIds.Add(partners[i]!.PartnerId!.Value), $"partners[{i}].partnerId", $"'{partners[i]!.PartnerId}' is listed twice; a partner has one entry");
        }

        Agree(() => partners.Sum(p => p.WonCount) <= sums.Won, "partners", "partners won more deals than won");
        Agree(() => partners.Sum(p => p.WonValue.GetValueOrDefault()) <= sums.WonValue, "partners", "partners won more value than the won value");
        Agree(
            () => ResultParts.CarryAll(sums.WonValue - partners.Sum(p => p.WonValue.GetValueOrDefault()), 0, 0, sums.Won - partners.Sum(p => p.WonCount)),
            "partners",
            "the won value beyond the partners' is more than the wins without a partner (won less the partners' wins) can carry");
        var accounts = Document.Required(Accounts, "accounts");
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i] ?? throw DocumentException.NullItem("accounts", i);
            Tally(account.AccountId is not null, account.WonCount, account.WonValue, $"accounts[{i}]", "accountId", "an account's");

            AtMost(Document.Required(account.WonValue, $"accounts[{i}].wonValue"), account.WonCount, $"accounts[{i}].wonValue", "its wonCount");
        }

        var accountIds = new HashSet<AccountId>();
        for (var i = 0; i < accounts.Count; i++)
        {
            Agree(accountIds.Add(accounts[i]!.AccountId!.Value), $"accounts[{i}].accountId", $"'{accounts[i]!.AccountId}' is listed twice; an account has one entry");
        }

        Agree(() => accounts.Sum(a => a.WonCount) == sums.Won && accounts.Sum(a => a.WonValue.GetValueOrDefault()) == sums.WonValue, "accounts", "the accounts must add up to won and the won value");
        var years = NoNullItem(Document.Required(Years, "years"), "years");
        for (var i = 0; i < years.Count; i++)
        {
            NotNegative(years[i].WonCount, $"years[{i}].wonCount");
            NotNegative(years[i].LostCount, $"years[{i}].lostCount");
            NotNegative(years[i].WonValue, $"years[{i}].wonValue");
            NotNegative(years[i].LostValue, $"years[{i}].lostValue");
        }

        var yearsListed = new HashSet<int>();
        for (var i = 0; i < years.Count; i++)
        {
            Agree(years[i].Year is >= 1 and <= 9999, $"years[{i}].year", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a year must be from 1 to 9999, the years of a day; got {years[i].Year}"));
            Agree(yearsListed.Add(years[i].Year), $"years[{i}].year", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{years[i].Year} is listed twice; a year has one entry"));
        }

        Agree(years.All(y => y.WonCount + y.LostCount > 0), "years", "a year lists no won or lost deal: a year is listed for its closed deals");
        Agree(() => years.Sum(y => y.WonCount) == sums.Won && years.Sum(y => y.LostCount) == sums.Lost, "years", "the years must add up to won and lost");
        Agree(() => years.Sum(y => y.WonValue) == sums.WonValue, "years", "the years' wonValue must add up to the won value");
        Agree(() => years.Sum(y => y.LostValue) == sums.LostValue, "years", "the years' lostValue must add up to the lost value");
        for (var i = 0; i < years.Count; i++)
        {
            AtMost(years[i].WonValue, years[i].WonCount, $"years[{i}].wonValue", "its wonCount");
            AtMost(years[i].LostValue, years[i].LostCount, $"years[{i}].lostValue", "its lostCount");
        }

        var reasons = NoNullItem(Document.Required(LossReasons, "lossReasons"), "lossReasons");
        for (var i = 0; i < reasons.Count; i++)
        {
            Agree(reasons[i].Count > 0, $"lossReasons[{i}].count", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a loss reason's count must be at least 1; got {reasons[i].Count}"));
            NotNegative(reasons[i].Value, $"lossReasons[{i}].value");
            Agree(reasons[i].Reason is null || !string.IsNullOrWhiteSpace(reasons[i].Reason), $"lossReasons[{i}].reason", $"a loss reason is text or none, not blank; got '{reasons[i].Reason}'");
        }

        var reasonsListed = new HashSet<(int Year, string? Reason)>();
        for (var i = 0; i < reasons.Count; i++)
        {
            var (year, reason) = (reasons[i].Year, reasons[i].Reason);
            Agree(reasonsListed.Add((year, reason)), $"lossReasons[{i}].reason", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reason {(reason is null ? "null" : $"'{reason}'")} of {year} is listed twice; a year and reason have one entry"));
        }

        Agree(() => reasons.Sum(r => r.Count) == sums.Lost, "lossReasons", "the loss reasons must add up to lost");
        Agree(() => reasons.Sum(r => r.Value) == sums.LostValue, "lossReasons", "the loss reasons' values must add up to the lost value");

        // Each year's reasons are its lost deals: as many, and their value.
        var lostIn = years.ToDictionary(y => y.Year);
        foreach (var (year, inYear) in reasons.GroupBy(r => r.Year).Select(g => (g.Key, g.ToList())))
        {
            Agree(
                () => lostIn.TryGetValue(year, out var tally) && inYear.Sum(r => r.Count) == tally.LostCount && inYear.Sum(r => r.Value) == tally.LostValue,
                "lossReasons",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the loss reasons of {year} must add up to that year's lost deals and their lost value"));
        }

        // Every value is a sum of amounts of at most four decimal places (Opportunity.MaxDecimals): a finer one would
        // make merged sums depend on their order.
        IEnumerable<(decimal Value, string Property)> values =
        [
            (sums.OpenValue, "openValue"), (sums.WonValue, "wonValue"), (sums.LostValue, "lostValue"), (sums.HuntingWonValue, "huntingWonValue"),
            (sums.DirectRouteValue, "directRouteValue"), (sums.PartnerRouteValue, "partnerRouteValue"), (sums.MarketplaceRouteValue, "marketplaceRouteValue"), (sums.UnknownRouteValue, "unknownRouteValue"),
            .. partners.Select((p, i) => (p.WonValue.GetValueOrDefault(), $"partners[{i}].wonValue")),
            .. accounts.Select((a, i) => (a.WonValue.GetValueOrDefault(), $"accounts[{i}].wonValue")),
            .. years.SelectMany((y, i) => new[] { (y.WonValue, $"years[{i}].wonValue"), (y.LostValue, $"years[{i}].lostValue") }),
            .. reasons.Select((r, i) => (r.Value, $"lossReasons[{i}].value")),
        ];
        foreach (var (value, property) in values)
        {
            Agree(decimal.Round(value, Opportunity.MaxDecimals) == value, property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} has more than {Opportunity.MaxDecimals} decimal places, which no sum of amounts has"));
        }
        var model = PipelineAccumulator.FromDocument(this, sums);

        // The metrics multiply and add these sums (velocity: open deals × average won size × win rate ÷ mean cycle); a
        // document whose sums are each in range but whose metrics are not is refused here, so Result() never throws
        // for an accumulator that was read.
        Agree(() => model.Result() is not null, "count", "the sums are too large to compute the metrics with");
        return model;
    }

    /// <summary>The longest cycle a won deal can have: from the first day a <see cref="DateOnly"/> holds to the last.</summary>
    internal static readonly int MaxCycleDays = DateOnly.MaxValue.DayNumber - DateOnly.MinValue.DayNumber;

    /// <summary>Checks that <paramref name="value"/> is no more than <paramref name="deals"/> deals of <see cref="Opportunity.MaxAmount"/> each.</summary>
    private static void AtMost(decimal value, long deals, string property, string count) =>
        Agree(ResultParts.CarryAll(value, 0, 0, deals), property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} is more than {count} ({deals}) deals of at most {Opportunity.MaxAmount} can carry"));

    /// <summary>The list, or a <see cref="DocumentException"/> at its first null item (which the checks over its items would misname).</summary>
    private static List<T> NoNullItem<T>(List<T> items, string property)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if ((object?)items[i] is null)
            {
                throw DocumentException.NullItem(property, i);
            }
        }

        return items;
    }

    private static void NotNegative(long value, string property) =>
        Agree(value >= 0, property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must not be negative; got {value}"));

    private static void NotNegative(decimal value, string property) =>
        Agree(value >= 0, property, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must not be negative; got {value}"));

    /// <summary>
    /// Checks a partner's or an account's tally at its fields, each refusal naming the value: the id present, the count at
    /// least 1 and the value not negative.
    /// </summary>
    private static void Tally(bool hasId, long wonCount, decimal? wonValue, string entry, string id, string whose)
    {
        if (!hasId)
        {
            throw DocumentException.Missing(id).Under(entry);
        }

        Agree(wonCount > 0, $"{entry}.wonCount", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{whose} wonCount must be at least 1; got {wonCount}"));
        if (wonValue is { } value)
        {
            NotNegative(value, $"{entry}.wonValue");
        }
    }

    private static void Agree(Func<bool> condition, string property, string problem) => Agree(ResultParts.Fits(condition), property, problem);

    private static void Agree(bool condition, string property, string problem)
    {
        if (!condition)
        {
            throw DocumentException.Invalid(property, $"Inconsistent accumulator: {problem}.");
        }
    }
}

/// <summary>The counts and values of a <see cref="PipelineAccumulatorDocument"/>, each present: a document is written with all of them, and one without a count is damaged, not empty.</summary>
internal readonly record struct AccumulatorSums(
    long Count,
    long Open,
    long Won,
    long Lost,
    long LostWithAmount,
    long MissingAmounts,
    long HuntingWon,
    long PartnerSourced,
    long VendorReferred,
    long UnknownSource,
    long UnknownRouteWon,
    decimal OpenValue,
    decimal WonValue,
    decimal LostValue,
    decimal HuntingWonValue,
    decimal DirectRouteValue,
    decimal PartnerRouteValue,
    decimal MarketplaceRouteValue,
    decimal UnknownRouteValue)
{
    /// <summary>The sums of <paramref name="document"/>, or a <see cref="DocumentException"/> at the first that is missing.</summary>
    public static AccumulatorSums Of(PipelineAccumulatorDocument document) => new(
        Document.Required(document.Count, "count"),
        Document.Required(document.Open, "open"),
        Document.Required(document.Won, "won"),
        Document.Required(document.Lost, "lost"),
        Document.Required(document.LostWithAmount, "lostWithAmount"),
        Document.Required(document.MissingAmounts, "missingAmounts"),
        Document.Required(document.HuntingWon, "huntingWon"),
        Document.Required(document.PartnerSourced, "partnerSourced"),
        Document.Required(document.VendorReferred, "vendorReferred"),
        Document.Required(document.UnknownSource, "unknownSource"),
        Document.Required(document.UnknownRouteWon, "unknownRouteWon"),
        Document.Required(document.OpenValue, "openValue"),
        Document.Required(document.WonValue, "wonValue"),
        Document.Required(document.LostValue, "lostValue"),
        Document.Required(document.HuntingWonValue, "huntingWonValue"),
        Document.Required(document.DirectRouteValue, "directRouteValue"),
        Document.Required(document.PartnerRouteValue, "partnerRouteValue"),
        Document.Required(document.MarketplaceRouteValue, "marketplaceRouteValue"),
        Document.Required(document.UnknownRouteValue, "unknownRouteValue"));
}

/// <summary>A partner's won deals inside a <see cref="PipelineAccumulatorDocument"/>.</summary>
internal sealed class PartnerWinsDocument
{
    public PartnerId? PartnerId { get; set; }

    public long WonCount { get; set; }

    /// <summary>Gets or sets the value won; required (<see cref="PipelineAccumulatorDocument.ToModel"/>).</summary>
    public decimal? WonValue { get; set; }
}

/// <summary>A customer account's won deals inside a <see cref="PipelineAccumulatorDocument"/>.</summary>
internal sealed class AccountWinsDocument
{
    public AccountId? AccountId { get; set; }

    public long WonCount { get; set; }

    /// <summary>Gets or sets the value won; required (<see cref="PipelineAccumulatorDocument.ToModel"/>).</summary>
    public decimal? WonValue { get; set; }
}
