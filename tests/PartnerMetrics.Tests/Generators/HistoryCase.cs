using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Generators;

/// <summary>A partnership, the model to score it with, and the range and step of its history.</summary>
public sealed record HistoryCase(HealthModel Model, Partnership Partnership, DateOnly From, DateOnly To, int Step)
{
    /// <summary>Gets the number of points: one every <see cref="Step"/> days from <see cref="From"/>, up to <see cref="To"/>.</summary>
    public int Points => ((To.DayNumber - From.DayNumber) / Step) + 1;

    public override string ToString() =>
        $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd} every {Step} days ({Points} points), half-lives {Model.TrustHalfLife.TotalDays}/{Model.CompetencyHalfLife.TotalDays}/" +
        $"{Model.CooperationHalfLife.TotalDays}/{Model.TrackedProgressHalfLife.TotalDays} days, partnership {new ScoringCase(Partnership, To)}";
}
