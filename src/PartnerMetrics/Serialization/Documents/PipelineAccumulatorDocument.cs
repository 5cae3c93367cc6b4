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

    public long MissingAmounts { get; set; }

    public long HuntingWon { get; set; }

    public long PartnerSourced { get; set; }

    public long VendorReferred { get; set; }

    public decimal OpenValue { get; set; }

    public decimal WonValue { get; set; }

    public decimal LostValue { get; set; }

    public decimal HuntingWonValue { get; set; }

    public decimal DirectRouteValue { get; set; }

    public decimal PartnerRouteValue { get; set; }

    public decimal MarketplaceRouteValue { get; set; }

    /// <summary>Won deals per cycle length: item d counts the deals won d days after creation.</summary>
    public long[]? WonCycleDays { get; set; }

    public List<PartnerWinsDocument>? Partners { get; set; }

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
        Agree(Open + Won + Lost == Count, "count", "open + won + lost must equal count");
        Agree(HuntingWon <= Won && MissingAmounts <= Count && PartnerSourced + VendorReferred <= Count, "count", "the partial counts exceed count");
        Agree(HuntingWonValue <= WonValue, "huntingWonValue", "hunting value exceeds won value");
        foreach (var value in (ReadOnlySpan<decimal>)[OpenValue, WonValue, LostValue, HuntingWonValue, DirectRouteValue, PartnerRouteValue, MarketplaceRouteValue])
        {
            Agree(value >= 0, "wonValue", "a value is negative");
        }

        var cycles = WonCycleDays ?? [];
        Agree(cycles.All(c => c >= 0) && cycles.Sum() == Won, "wonCycleDays", "the cycle counts must be non-negative and add up to won");
        Agree(DirectRouteValue + PartnerRouteValue + MarketplaceRouteValue == WonValue, "wonValue", "the route values must add up to the won value");
        var partners = Partners ?? [];
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i] is not { PartnerId: not null, WonCount: > 0 } partner || partner.WonValue < 0)
            {
                throw DocumentException.Invalid($"partners[{i}]", "A partner needs an id, a positive wonCount and a non-negative wonValue.");
            }
        }

        Agree(partners.Select(p => p.PartnerId).Distinct().Count() == partners.Count, "partners", "a partner is listed twice");
        Agree(partners.Sum(p => p.WonCount) <= Won, "partners", "partners won more deals than won");
        var years = Years ?? [];
        Agree(years.All(y => y is { WonCount: >= 0, LostCount: >= 0, WonValue: >= 0, LostValue: >= 0 }), "years", "a year has a negative count or value");
        Agree(years.Select(y => y.Year).Distinct().Count() == years.Count, "years", "a year is listed twice");
        Agree(years.Sum(y => y.WonCount) == Won && years.Sum(y => y.LostCount) == Lost, "years", "the years must add up to won and lost");
        var reasons = LossReasons ?? [];
        Agree(reasons.All(r => r is { Count: > 0, Value: >= 0 }), "lossReasons", "a loss reason has a count below 1 or a negative value");
        Agree(reasons.Sum(r => r.Count) == Lost, "lossReasons", "the loss reasons must add up to lost");
        return PipelineAccumulator.FromDocument(this);
    }

    private static void NotNegative(long value, string property) => Agree(value >= 0, property, $"must not be negative; got {value}");

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
