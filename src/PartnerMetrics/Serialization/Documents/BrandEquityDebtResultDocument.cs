using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// The JSON form of a <see cref="BrandEquityDebtResult"/> (DOMAIN rule 15): its counts, values and share. Reading checks that
/// the indebted deals are judged ones and the share is the one the values give, and rejects a document whose parts
/// contradict each other at the field that does.
/// </summary>
internal sealed class BrandEquityDebtResultDocument : IDocument<BrandEquityDebtResult, BrandEquityDebtResultDocument>
{
    public long? JudgedDeals { get; set; }

    public long? DebtDeals { get; set; }

    public long? UnjudgedDeals { get; set; }

    public decimal? JudgedValue { get; set; }

    public decimal? DebtValue { get; set; }

    public double? Share { get; set; }

    public static BrandEquityDebtResultDocument From(BrandEquityDebtResult model) => new()
    {
        JudgedDeals = model.JudgedDeals,
        DebtDeals = model.DebtDeals,
        UnjudgedDeals = model.UnjudgedDeals,
        JudgedValue = model.JudgedValue,
        DebtValue = model.DebtValue,
        Share = model.Share,
    };

    public BrandEquityDebtResult ToModel()
    {
        var (judged, debt, unjudged) = (ResultParts.Count(JudgedDeals, "judgedDeals"), ResultParts.Count(DebtDeals, "debtDeals"), ResultParts.Count(UnjudgedDeals, "unjudgedDeals"));
        var (judgedValue, debtValue) = (ResultParts.Amount(JudgedValue, "judgedValue"), ResultParts.Amount(DebtValue, "debtValue"));
        Agree(debt <= judged, "debtDeals", $"must be at most judgedDeals, {judged}; got {debt}");
        Agree(debtValue <= judgedValue, "debtValue", $"must be at most judgedValue, {judgedValue}; got {debtValue}");
        Agree(judged > 0 || judgedValue == 0, "judgedValue", $"must be 0 without a judged deal; got {judgedValue}");
        Agree(debt > 0 || debtValue == 0, "debtValue", $"must be 0 without an indebted deal; got {debtValue}");
        // Each value comes from its deals, each at most Opportunity.MaxAmount, as a pipeline result's values are.
        Agree(ResultParts.CarryAll(judgedValue, 0, 0, judged), "judgedValue", $"must be at most what judgedDeals ({judged}) deals of at most {Opportunity.MaxAmount} each carry; got {judgedValue}");
        Agree(ResultParts.CarryAll(debtValue, 0, 0, debt), "debtValue", $"must be at most what debtDeals ({debt}) deals of at most {Opportunity.MaxAmount} each carry; got {debtValue}");
        Agree(
            ResultParts.CarryAll(judgedValue - debtValue, 0, 0, judged - debt),
            "judgedValue",
            $"must be at most debtValue and what judgedDeals − debtDeals ({judged} − {debt}) deals of at most {Opportunity.MaxAmount} each carry; got {judgedValue} beside {debtValue}");

        var result = new BrandEquityDebtResult(judged, debt, unjudged, judgedValue, debtValue);
        Agree(Nullable.Equals(Share, result.Share), "share", $"must be debtValue ÷ judgedValue, {(object?)result.Share ?? "none"}; got {(object?)Share ?? "none"}");
        return result;
    }
}
