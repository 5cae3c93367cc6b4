using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>The JSON form of a <see cref="BrandEquityDebtAccumulator"/>: the won new-logo deals and the snapshots it joins.</summary>
internal sealed class BrandEquityDebtAccumulatorDocument : IDocument<BrandEquityDebtAccumulator, BrandEquityDebtAccumulatorDocument>
{
    public List<WonNewLogoDocument?>? Deals { get; set; }

    /// <summary>Gets or sets the snapshots, as documents: a snapshot read through its own converter reported its problem at its own path (<c>$.date</c>), not at its place here.</summary>
    public List<RevenueSnapshotDocument?>? Snapshots { get; set; }

    public static BrandEquityDebtAccumulatorDocument From(BrandEquityDebtAccumulator model) => model.ToDocument();

    public BrandEquityDebtAccumulator ToModel()
    {
        var accumulator = new BrandEquityDebtAccumulator();
        // Both lists are written always, even empty: without one a shard would read as having no deals or no snapshots.
        Each(Deals, "deals", deal => accumulator.AddWonNewLogo(Required(deal.AccountId, "accountId"), Required(deal.ClosedOn, "closedOn"), Required(deal.Amount, "amount")));

        var snapshots = Items<RevenueSnapshot, RevenueSnapshotDocument>(Required(Snapshots, "snapshots"), "snapshots");
        for (var i = 0; i < snapshots.Length; i++)
        {
            var snapshot = snapshots[i];
            try
            {
                accumulator.Add(snapshot);
            }
            catch (ArgumentException error)
            {
                throw DocumentException.Invalid($"snapshots[{i}]", DocumentException.From(error).Message);
            }
        }

        return accumulator;
    }
}

/// <summary>A won new-logo deal inside a <see cref="BrandEquityDebtAccumulatorDocument"/>.</summary>
internal sealed class WonNewLogoDocument
{
    public AccountId? AccountId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public decimal? Amount { get; set; }
}
