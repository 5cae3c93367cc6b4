using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Validation.Baselines;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Harness;

/// <summary>A signal the harness measures: the model, a baseline, or the latent limit.</summary>
/// <param name="Name">The signal's name in the tables.</param>
/// <param name="Description">What it is, with its units and how missing data is filled.</param>
/// <param name="Compute">Its value and band for a simulated partnership on its as-of day; <see langword="null"/> for the model, which <see cref="Backtest.Run"/> scores.</param>
public sealed record Signal(string Name, string Description, Func<SimulatedPartnership, (double Score, HealthBand? Band)>? Compute)
{
    /// <summary>Gets the current health model, <c>new HealthScorer()</c> with <see cref="HealthModel.Default"/>.</summary>
    public static Signal Model { get; } = new(
        "Health score (current model)",
        "`new HealthScorer().Score(partnership, T)` with `HealthModel.Default`: score 0–100, its band and confidence; scored through `Backtest.Run`.",
        null);

    /// <summary>Gets the activity baseline.</summary>
    public static Signal Activity { get; } = new(
        "Activity, last 90 days",
        "Number of logged interactions of every kind in the 90 days up to T.",
        s => (SimpleSignals.ActivityLast90Days(s.Partnership, s.AsOf), null));

    /// <summary>Gets the partner kept-rate baseline.</summary>
    public static Signal KeptRate { get; } = new(
        "Partner kept rate",
        "Partner commitments kept (on time or late) ÷ kept or broken, resolved by T; 0.5 when none is resolved.",
        s => (SimpleSignals.PartnerKeptRate(s.Partnership, s.AsOf), null));

    /// <summary>Gets the win-rate baseline.</summary>
    public static Signal WinRate { get; } = new(
        "Win rate, last 365 days",
        "Partner deals won ÷ won or lost, closed in the 365 days up to T; 0.5 when none closed.",
        s => (SimpleSignals.WinRate(s.Partnership, s.AsOf), null));

    /// <summary>Gets the red/amber/green scorecard baseline.</summary>
    public static Signal Scorecard { get; } = new(
        "RAG scorecard",
        "Four measures × 25/10/0 points (see below), 0–100; Red → AtRisk, Amber → Watch, Green → Healthy.",
        s =>
        {
            var points = RagScorecard.Points(s.Partnership, s.AsOf);
            return (points, RagScorecard.Band(RagScorecard.Status(points)));
        });

    /// <summary>Gets the latent limit: the simulator's own combined health on T, which no score computed on T can beat.</summary>
    public static Signal Limit { get; } = new(
        "Latent health (limit)",
        "100·σ(z), z the soft minimum of both sides' latent health on T that sets the churn hazard; banded with the model's thresholds (70 / 40). Not observable: the limit.",
        s =>
        {
            var score = 100.0 * s.LatentHealth;
            return (score, score >= 70 ? HealthBand.Healthy : score >= 40 ? HealthBand.Watch : HealthBand.AtRisk);
        });

    /// <summary>Gets every signal in table order: the model, the four baselines, the limit.</summary>
    public static ImmutableArray<Signal> All { get; } = [Model, Activity, KeptRate, WinRate, Scorecard, Limit];

    /// <summary>Gets the baselines: every signal but the model and the limit.</summary>
    public static ImmutableArray<Signal> Baselines { get; } = [Activity, KeptRate, WinRate, Scorecard];

    /// <summary>The baseline with the largest AUC, the first in <see cref="Baselines"/> order on a tie: the one the model must beat.</summary>
    /// <param name="auc">Each baseline's AUC; <see langword="null"/> counts as 0.</param>
    /// <returns>The best baseline.</returns>
    public static Signal BestBaseline(Func<Signal, double?> auc)
    {
        ArgumentNullException.ThrowIfNull(auc);
        return Baselines.OrderByDescending(s => auc(s) ?? 0).First();
    }
}
