using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Harness;

/// <summary>What the model said about one partnership, beside its truth, for the diagnosis.</summary>
/// <param name="Latent">σ(z) on T.</param>
/// <param name="Churned">Whether it churned within the horizon.</param>
/// <param name="Score">The model's score.</param>
/// <param name="Confidence">The model's confidence.</param>
/// <param name="Factors">Each factor's value in <see cref="EvidenceFeatures.FactorOrder"/> (0 for a missing plan's factors, as the model scores them).</param>
/// <param name="Certainties">Each factor's certainty, in the same order.</param>
/// <param name="Dimensions">Each dimension's score, in <see cref="HealthDimension"/> order; <see langword="null"/> when absent.</param>
/// <param name="WeakestLink">Whether the weakest-link rule capped or flagged the band.</param>
/// <param name="PlanMissing">Whether the report has <see cref="FactorCodes.PlanMissing"/>.</param>
/// <param name="WeakCauses">Which of <see cref="WeakCauseNames"/> meet the weakest-link condition (below the Watch threshold with confidence ≥ 0.5, or a side holding trust down).</param>
/// <param name="IntervalWidth">The width of the report's 80 % interval.</param>
public sealed record DiagnosisRow(double Latent, bool Churned, double Score, double Confidence, ImmutableArray<double> Factors, ImmutableArray<double> Certainties, ImmutableArray<double?> Dimensions, bool WeakestLink, bool PlanMissing, ImmutableArray<bool> WeakCauses, double IntervalWidth)
{
    /// <summary>Gets the causes of model 2.4: a side's reliability that holds trust below 40 however reliable the other side is, though too uncertain to cap on its own (declared first: <see cref="WeakCauseNames"/> reads it).</summary>
    public static ImmutableArray<string> HoldingTrustDown { get; } = ["Partner's reliability holding trust down", "Vendor's reliability holding trust down"];

    /// <summary>Gets the causes the weakest-link rule can name: each dimension, the partner's and the vendor's reliability, then each side holding trust down.</summary>
    public static ImmutableArray<string> WeakCauseNames { get; } = [.. Enum.GetValues<HealthDimension>().Select(d => d.ToString()), "Partner's reliability", "Vendor's reliability", .. HoldingTrustDown];

    /// <summary>The row of one partnership.</summary>
    /// <param name="s">The partnership.</param>
    /// <param name="report">The model's report on it as of T.</param>
    /// <returns>The row.</returns>
    public static DiagnosisRow Of(SimulatedPartnership s, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(report);
        return new(
            s.LatentHealth,
            s.Churned,
            report.Score,
            report.Confidence,
            [.. EvidenceFeatures.FactorOrder.Select(c => report.Factor(c)?.Value ?? 0.0)],
            [.. EvidenceFeatures.FactorOrder.Select(c => report.Factor(c)?.Confidence ?? (report.Factor(FactorCodes.PlanMissing)?.Confidence ?? 0.0))],
            [.. Enum.GetValues<HealthDimension>().Select(d => report[d].Score)],
            report.Signals.Any(x => x.Code == FactorCodes.WeakestLink),
            report.Factor(FactorCodes.PlanMissing) is not null,
            [.. WeakestLinkCauses(report)],
            report.Interval.Width);
    }

    /// <summary>The weakest-link condition of DOMAIN §3.1 checked cause by cause, with the default Watch threshold.</summary>
    private static IEnumerable<bool> WeakestLinkCauses(HealthReport report)
    {
        var watch = HealthModel.Default.Bands.Watch;
        foreach (var d in report.Dimensions)
        {
            yield return d.Weight > 0 && d.Score is { } score && score < watch && d.Confidence >= 0.5;
        }

        foreach (var code in (string[])[FactorCodes.TrustPartnerReliability, FactorCodes.TrustVendorReliability])
        {
            yield return report.Factor(code) is { Weight: > 0, Value: { } v, Confidence: >= 0.5 } && 100 * v < watch;
        }

        // The side's own signal says so ("…: no kept promises of the partner would lift trust to 40 …"): its condition is the scorer's.
        foreach (var side in (string[])["The partner's", "The vendor's"])
        {
            yield return report.Signals.Any(x => x.Code == FactorCodes.WeakestLink && x.Message.StartsWith(side, StringComparison.Ordinal) && x.Message.Contains(": no kept promises of the ", StringComparison.Ordinal));
        }
    }
}

/// <summary>The diagnosis of the model over the pooled rows of one variant.</summary>
public sealed class ModelDiagnosis
{
    private ModelDiagnosis(ImmutableArray<DiagnosisRow> rows)
    {
        Rows = rows;
        var latent = rows.Select(r => r.Latent).ToArray();
        var churned = rows.Select(r => r.Churned).ToArray();
        Factors = [.. EvidenceFeatures.FactorOrder.Select((code, k) =>
        {
            var values = rows.Select(r => r.Factors[k]).ToArray();
            return new FactorDiagnosis(code, Stats.Auc(values, churned), Stats.Spearman(values, latent), values.Average(), rows.Count(r => r.Certainties[k] < 0.25) / (double)rows.Length);
        })];
        Dimensions = [.. Enum.GetValues<HealthDimension>().Select(d =>
        {
            var values = rows.Select(r => r.Dimensions[(int)d] ?? 50.0).ToArray();
            return new FactorDiagnosis(d.ToString(), Stats.Auc(values, churned), Stats.Spearman(values, latent), values.Average() / 100, 0);
        })];
        var healthy = rows.Where(r => r.Latent >= 0.7).ToArray();
        WeakestLinkShare = rows.Count(r => r.WeakestLink) / (double)rows.Length;
        WeakestLinkAmongHealthy = healthy.Length == 0 ? 0 : healthy.Count(r => r.WeakestLink) / (double)healthy.Length;
        PlanMissingShare = rows.Count(r => r.PlanMissing) / (double)rows.Length;
        PlanMissingAmongHealthy = healthy.Length == 0 ? 0 : healthy.Count(r => r.PlanMissing) / (double)healthy.Length;
        WeakCauseShares = [.. DiagnosisRow.WeakCauseNames.Select((_, k) => rows.Count(r => r.WeakCauses[k]) / (double)rows.Length)];
        WeakestLinkWithoutPlanShare = rows.Count(r => r.WeakCauses.Where((_, k) => k != (int)HealthDimension.PlanAlignment).Any(c => c)) / (double)rows.Length;
        ChurnWithPlan = Rate(rows.Where(r => !r.PlanMissing));
        ChurnWithoutPlan = Rate(rows.Where(r => r.PlanMissing));
        var scores = rows.Select(r => r.Score).ToArray();
        var confidence = rows.Select(r => r.Confidence).ToArray();
        var error = rows.Select(r => Math.Abs(r.Score - (100 * r.Latent))).ToArray();
        var scoreRank = Stats.Ranks(scores);
        var latentRank = Stats.Ranks(latent);
        var rankError = scoreRank.Select((s, i) => Math.Abs(s - latentRank[i])).ToArray();
        ConfidenceError = Stats.Spearman(confidence, error);
        ConfidenceRankError = Stats.Spearman(confidence, rankError);
        ConfidenceLatent = Stats.Spearman(confidence, latent);
        NarrownessError = Stats.Spearman([.. rows.Select(r => -r.IntervalWidth)], error);
        NarrownessRankError = Stats.Spearman([.. rows.Select(r => -r.IntervalWidth)], rankError);
        ErrorLatent = Stats.Spearman(error, latent);
        MeanSignedError = rows.Average(r => r.Score - (100 * r.Latent));
        // Terciles by rank (ties broken by row order), so that none is empty however many confidences tie.
        var ordered = rows.Select((r, i) => (Row: r, Index: i)).OrderBy(p => p.Row.Confidence).ThenBy(p => p.Index).Select(p => p.Row).ToArray();
        ByConfidence = [.. Enumerable.Range(0, 3)
            .Select(t => ordered[(t * ordered.Length / 3)..((t + 1) * ordered.Length / 3)])
            .Select(g => new ConfidenceTercile(g.Min(r => r.Confidence), g.Max(r => r.Confidence), g.Average(r => r.Score), g.Average(r => 100 * r.Latent), g.Average(r => Math.Abs(r.Score - (100 * r.Latent))), Stats.Spearman([.. g.Select(r => r.Score)], [.. g.Select(r => r.Latent)])))];
    }

    /// <summary>Gets the rows diagnosed.</summary>
    public ImmutableArray<DiagnosisRow> Rows { get; }

    /// <summary>Gets each factor's univariate AUC, Spearman with latent, mean value and share with certainty below 0.25.</summary>
    public ImmutableArray<FactorDiagnosis> Factors { get; }

    /// <summary>
    /// Gets the factors that on their own rank partnerships the wrong way: an AUC for churn below 0.5, or a Spearman
    /// correlation with the latent health below 0. Such a factor adds noise to the score at best; a rate mostly at its
    /// prior that does is the mark of logging less scoring higher (model 2.1's reciprocity on the sparse variant).
    /// </summary>
    public ImmutableArray<FactorDiagnosis> WrongWay => [.. Factors.Where(f => f.Auc < 0.5 || f.LatentSpearman < 0)];

    /// <summary>Gets each dimension's univariate AUC and Spearman with latent (an absent dimension counts 50).</summary>
    public ImmutableArray<FactorDiagnosis> Dimensions { get; }

    /// <summary>Gets the share of partnerships the weakest-link rule flags.</summary>
    public double WeakestLinkShare { get; }

    /// <summary>Gets the share flagged among those with latent health ≥ 0.7.</summary>
    public double WeakestLinkAmongHealthy { get; }

    /// <summary>Gets the share with no plan on T.</summary>
    public double PlanMissingShare { get; }

    /// <summary>Gets the share with no plan among those with latent health ≥ 0.7.</summary>
    public double PlanMissingAmongHealthy { get; }

    /// <summary>Gets the share of partnerships meeting the weakest-link condition for each of <see cref="DiagnosisRow.WeakCauseNames"/>.</summary>
    public ImmutableArray<double> WeakCauseShares { get; }

    /// <summary>Gets the share the weakest-link rule would flag if the plan dimension were not one of its causes.</summary>
    public double WeakestLinkWithoutPlanShare { get; }

    /// <summary>Gets Spearman(−interval width, |score − 100·latent|): whether a narrow interval knows when the score is off.</summary>
    public double? NarrownessError { get; }

    /// <summary>Gets Spearman(−interval width, rank error).</summary>
    public double? NarrownessRankError { get; }

    /// <summary>Gets the churn rate of partnerships with a plan.</summary>
    public double? ChurnWithPlan { get; }

    /// <summary>Gets the churn rate of partnerships without a plan.</summary>
    public double? ChurnWithoutPlan { get; }

    /// <summary>Gets Spearman(confidence, |score − 100·latent|), the target's measure.</summary>
    public double? ConfidenceError { get; }

    /// <summary>Gets Spearman(confidence, |rank of score − rank of latent|): the error once the score's scale is set aside.</summary>
    public double? ConfidenceRankError { get; }

    /// <summary>Gets Spearman(confidence, latent).</summary>
    public double? ConfidenceLatent { get; }

    /// <summary>Gets Spearman(|score − 100·latent|, latent).</summary>
    public double? ErrorLatent { get; }

    /// <summary>Gets the mean of score − 100·latent.</summary>
    public double MeanSignedError { get; }

    /// <summary>Gets score, latent and error by confidence tercile.</summary>
    public ImmutableArray<ConfidenceTercile> ByConfidence { get; }

    /// <summary>Diagnoses pooled rows.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The diagnosis.</returns>
    public static ModelDiagnosis Of(IEnumerable<DiagnosisRow> rows) => new([.. rows]);

    private static double? Rate(IEnumerable<DiagnosisRow> rows)
    {
        var list = rows.ToList();
        return list.Count == 0 ? null : list.Count(r => r.Churned) / (double)list.Count;
    }
}

/// <summary>One factor's or dimension's univariate measures.</summary>
/// <param name="Name">The factor code or dimension.</param>
/// <param name="Auc">Its AUC for churn, higher = healthier.</param>
/// <param name="LatentSpearman">Its Spearman correlation with latent health.</param>
/// <param name="Mean">Its mean value.</param>
/// <param name="NearPrior">The share of partnerships whose certainty in it is below 0.25.</param>
public sealed record FactorDiagnosis(string Name, double? Auc, double? LatentSpearman, double Mean, double NearPrior);

/// <summary>The model's score and error in one tercile of its confidence.</summary>
/// <param name="MinConfidence">The least confidence in the tercile.</param>
/// <param name="MaxConfidence">The greatest.</param>
/// <param name="MeanScore">The mean score.</param>
/// <param name="MeanLatent">The mean of 100·latent.</param>
/// <param name="MeanAbsoluteError">The mean of |score − 100·latent|.</param>
/// <param name="LatentSpearman">Spearman(score, latent) within the tercile.</param>
public sealed record ConfidenceTercile(double MinConfidence, double MaxConfidence, double MeanScore, double MeanLatent, double MeanAbsoluteError, double? LatentSpearman);

/// <summary>
/// Rank statistics with ties at their mean rank, as the backtest computes them (<c>RankStatistics</c> of the library): one
/// home for the rule, so the harness's figures and <c>Backtest.Run</c>'s agree by construction.
/// </summary>
public static class Stats
{
    /// <summary>Mean ranks from 0 to 1 (ties share their mean rank).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The ranks scaled to [0, 1].</returns>
    public static double[] Ranks(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ranks = RankStatistics.MidRanks(values);
        var scale = Math.Max(1, values.Length - 1);
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = (ranks[i] - 1) / scale;
        }

        return ranks;
    }

    /// <summary>Spearman's rank correlation; <see langword="null"/> with fewer than two pairs or when either side is constant.</summary>
    /// <param name="x">One side.</param>
    /// <param name="y">The other.</param>
    /// <returns>The correlation.</returns>
    public static double? Spearman(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return RankStatistics.Spearman(x, y);
    }

    /// <summary>The probability that a stayer scores above a churner, ties counting half.</summary>
    /// <param name="score">Higher = healthier.</param>
    /// <param name="churned">Whether each churned.</param>
    /// <returns>The AUC; <see langword="null"/> without both classes.</returns>
    public static double? Auc(double[] score, bool[] churned)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(churned);
        var stayed = new bool[churned.Length];
        for (var i = 0; i < stayed.Length; i++)
        {
            stayed[i] = !churned[i];
        }

        return RankStatistics.Auc(score, stayed).Auc;
    }
}
