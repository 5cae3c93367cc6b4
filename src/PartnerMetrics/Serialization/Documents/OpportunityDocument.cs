using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class OpportunityDocument : IDocument<Opportunity, OpportunityDocument>
{
    public OpportunityId? Id { get; set; }

    public AccountId? AccountId { get; set; }

    public PartnerId? PartnerId { get; set; }

    public string? District { get; set; }

    public DealMotion? Motion { get; set; }

    public DealSource? Source { get; set; }

    public RouteToMarket? Route { get; set; }

    public DealOutcome? Outcome { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? CreatedOn { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public DateOnly? LastUpdatedOn { get; set; }

    public DateOnly? ExpectedCloseOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? LossReason { get; set; }

    public string? Stage { get; set; }

    public static OpportunityDocument From(Opportunity model) => new()
    {
        Id = model.Id,
        AccountId = model.AccountId,
        PartnerId = model.PartnerId,
        District = model.District,
        Motion = model.Motion,
        Source = model.Source,
        Route = model.Route,
        Outcome = model.Outcome,
        Amount = model.Amount,
        CreatedOn = model.CreatedOn,
        RegisteredOn = model.RegisteredOn,
        LastUpdatedOn = model.LastUpdatedOn,
        ExpectedCloseOn = model.ExpectedCloseOn,
        ClosedOn = model.ClosedOn,
        LossReason = model.LossReason,
        Stage = model.Stage,
    };

    public Opportunity ToModel() => Build(this, static d => new Opportunity(
        Required(d.Id, "id"),
        Required(d.AccountId, "accountId"),
        Required(d.CreatedOn, "createdOn"),
        Required(d.Motion, "motion"),
        Required(d.Source, "source"),
        Required(d.Route, "route"),
        Required(d.Outcome, "outcome"),
        d.Amount,
        d.PartnerId,
        d.District,
        d.RegisteredOn,
        d.LastUpdatedOn,
        d.ExpectedCloseOn,
        d.ClosedOn,
        d.LossReason,
        d.Stage));
}
