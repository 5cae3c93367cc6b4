using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class RevenueSnapshotDocument : IDocument<RevenueSnapshot, RevenueSnapshotDocument>
{
    public AccountId? AccountId { get; set; }

    public DateOnly? Date { get; set; }

    public decimal? AnnualRecurringRevenue { get; set; }

    public static RevenueSnapshotDocument From(RevenueSnapshot model) => new()
    {
        AccountId = model.AccountId,
        Date = model.Date,
        AnnualRecurringRevenue = model.AnnualRecurringRevenue,
    };

    public RevenueSnapshot ToModel() => Build(this, static d => new RevenueSnapshot(
        Required(d.AccountId, "accountId"),
        Required(d.Date, "date"),
        Required(d.AnnualRecurringRevenue, "annualRecurringRevenue")));
}
