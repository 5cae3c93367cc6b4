using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Harness;

/// <summary>What a validation run simulates and measures.</summary>
public sealed record ValidationOptions
{
    /// <summary>Gets the number of partnerships per variant and seed.</summary>
    /// <value>2,000 by default.</value>
    public int Partnerships { get; init; } = 2000;

    /// <summary>Gets the number of seeds per variant; each seed draws its own parameters.</summary>
    /// <value>5 by default.</value>
    public int Seeds { get; init; } = 5;

    /// <summary>Gets the root seed every stream derives from.</summary>
    /// <value>20250630 by default.</value>
    public ulong RootSeed { get; init; } = 20250630;

    /// <summary>Gets the as-of day T.</summary>
    /// <value>30 June 2025 by default.</value>
    public DateOnly AsOf { get; init; } = new(2025, 6, 30);

    /// <summary>Gets the variants to run.</summary>
    /// <value><see cref="Variants.All"/> by default.</value>
    public ImmutableArray<Variant> Variants { get; init; } = Simulation.Variants.All;

    /// <summary>Gets a value indicating whether each seed's dimension weights are fitted with <see cref="Backtest.Fit"/>.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool FitWeights { get; init; } = true;

    /// <summary>Gets a value indicating whether the evidence limit and the model's diagnosis are measured.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool EvidenceLimit { get; init; } = true;
}

/// <summary>The truth behind one simulated partnership, kept after its evidence is dropped.</summary>
/// <param name="PartnerId">The partner.</param>
/// <param name="LatentHealth">σ(z) on T.</param>
/// <param name="PartnerLatent">The partner side's latent on T.</param>
/// <param name="VendorLatent">The vendor side's latent on T.</param>
/// <param name="LoggingPropensity">The mean share of real events that reached the CRM.</param>
/// <param name="Churned">Whether it churned within 180 days of T.</param>
/// <param name="Revenue">Its revenue in the two quarters after T.</param>
public readonly record struct PartnershipTruth(PartnerId PartnerId, double LatentHealth, double PartnerLatent, double VendorLatent, double LoggingPropensity, bool Churned, double Revenue);

/// <summary>One variant run with one seed: the drawn parameters and every signal's measures.</summary>
public sealed class SeedRun
{
    internal SeedRun(int seed, VariantParameters parameters, ImmutableArray<PartnershipTruth> truth, ImmutableDictionary<Signal, BacktestResult> results, ModelFit? fit, ModelFit? factorFit, ImmutableDictionary<EvidenceLearner, BacktestResult>? evidence, ImmutableArray<DiagnosisRow> diagnosis, double? confidenceLimit, LearntPriors? learntPriors = null, ImmutableArray<BacktestResult> settings = default)
    {
        LearntPriors = learntPriors;
        Settings = settings.IsDefault ? [] : settings;
        FactorFit = factorFit;
        ConfidenceLimit = confidenceLimit;
        Evidence = evidence ?? ImmutableDictionary<EvidenceLearner, BacktestResult>.Empty;
        Diagnosis = diagnosis;
        Fit = fit;
        Seed = seed;
        Parameters = parameters;
        Truth = truth;
        Results = results;
    }

    /// <summary>Gets the seed number, from 1.</summary>
    public int Seed { get; }

    /// <summary>Gets the parameters this seed drew.</summary>
    public VariantParameters Parameters { get; }

    /// <summary>Gets the truth behind each partnership, in index order.</summary>
    public ImmutableArray<PartnershipTruth> Truth { get; }

    /// <summary>Gets each signal's measures on this seed's partnerships.</summary>
    public ImmutableDictionary<Signal, BacktestResult> Results { get; }

    /// <summary>Gets the dimension weights fitted to this seed's outcomes, or <see langword="null"/> when the run did not fit.</summary>
    public ModelFit? Fit { get; }

    /// <summary>Gets the dimension and factor weights fitted to this seed's outcomes, or <see langword="null"/> when the run did not fit.</summary>
    public ModelFit? FactorFit { get; }

    /// <summary>Gets each evidence-limit learner's out-of-fold measures; empty when the run did not measure them.</summary>
    public ImmutableDictionary<EvidenceLearner, BacktestResult> Evidence { get; }

    /// <summary>Gets the confidence limit of <see cref="EvidenceLearner.ConfidenceLimit"/> on this seed, or <see langword="null"/>.</summary>
    public double? ConfidenceLimit { get; }

    /// <summary>Gets what the model said about each partnership beside its truth; empty when not measured.</summary>
    public ImmutableArray<DiagnosisRow> Diagnosis { get; }

    /// <summary>Gets the default model with its priors learnt from this seed's portfolio as of T, and its measures; <see langword="null"/> when not measured.</summary>
    public LearntPriors? LearntPriors { get; }

    /// <summary>Gets the measures of each trial of <see cref="SettingSweep.Trials"/>, in its order; empty when not measured.</summary>
    public ImmutableArray<BacktestResult> Settings { get; }
}

/// <summary>The default model with the rates' prior means learnt from one seed's portfolio (<see cref="HealthModel.WithPriorsFrom"/>), and its measures on the same partnerships.</summary>
/// <param name="Model">The model the portfolio taught.</param>
/// <param name="Result">Its backtest, measured as the default model's is.</param>
public sealed record LearntPriors(HealthModel Model, BacktestResult Result);

/// <summary>One variant over all its seeds.</summary>
public sealed class VariantRun
{
    internal VariantRun(Variant variant, ImmutableArray<SeedRun> seeds, ImmutableDictionary<Signal, BacktestResult> pooled, ImmutableDictionary<Signal, ImmutableArray<double?>> healthierHalfByLogging, ImmutableArray<double> loggingCuts, double? limitAuc)
    {
        Variant = variant;
        LimitAuc = limitAuc;
        Seeds = seeds;
        Pooled = pooled;
        HealthierHalfByLogging = healthierHalfByLogging;
        LoggingCuts = loggingCuts;
        Evidence = seeds.All(s => s.Evidence.Count > 0)
            ? EvidenceLearner.All.ToImmutableDictionary(l => l, l => Backtest.Measure(seeds.SelectMany(s => s.Evidence[l].Samples)))
            : ImmutableDictionary<EvidenceLearner, BacktestResult>.Empty;
        Diagnosis = seeds.All(s => !s.Diagnosis.IsDefaultOrEmpty) ? ModelDiagnosis.Of(seeds.SelectMany(s => s.Diagnosis)) : null;
        LearntPriors = seeds.All(s => s.LearntPriors is not null) ? Backtest.Measure(seeds.SelectMany(s => s.LearntPriors!.Result.Samples)) : null;
        Settings = seeds.All(s => s.Settings.Length > 0)
            ? [.. SettingSweep.Trials.Select((_, k) => Backtest.Measure(seeds.SelectMany(s => s.Settings[k].Samples)))]
            : [];
    }

    /// <summary>Gets the measures of each trial of <see cref="SettingSweep.Trials"/> over all seeds, in its order; empty when not measured.</summary>
    public ImmutableArray<BacktestResult> Settings { get; }

    /// <summary>Gets the default model with priors learnt from each seed's own portfolio, over all seeds; <see langword="null"/> when not measured.</summary>
    public BacktestResult? LearntPriors { get; }

    /// <summary>Gets each evidence-limit learner's out-of-fold measures over all seeds (each seed fitted on its own); empty when not measured.</summary>
    public ImmutableDictionary<EvidenceLearner, BacktestResult> Evidence { get; }

    /// <summary>Gets the model's diagnosis over all seeds, or <see langword="null"/> when not measured.</summary>
    public ModelDiagnosis? Diagnosis { get; }

    /// <summary>Gets the evidence limit: the learner with the highest pooled out-of-fold AUC, or <see langword="null"/> when not measured.</summary>
    public EvidenceLearner? BestLearner => Evidence.Count == 0 ? null : EvidenceLearner.All.OrderByDescending(l => Evidence[l].Auc ?? 0).First();

    /// <summary>Gets the variant.</summary>
    public Variant Variant { get; }

    /// <summary>
    /// Gets the latent limit over all seeds: the AUC of each partnership's true probability of churn in the horizon given
    /// its latent health on T, under its own seed's hazard (<see cref="ValidationRun.ChurnProbability"/>). Within a seed it
    /// orders partnerships as the latent health does; pooled, where seeds' hazards differ, the latent health's AUC is a
    /// little lower and a score could pass it.
    /// </summary>
    public double? LimitAuc { get; }

    /// <summary>Gets the run of each seed.</summary>
    public ImmutableArray<SeedRun> Seeds { get; }

    /// <summary>Gets each signal's measures over the samples of all seeds together.</summary>
    public ImmutableDictionary<Signal, BacktestResult> Pooled { get; }

    /// <summary>Gets, per signal, its mean over the healthier half (latent above the median) in the low, middle and high tercile of logging propensity.</summary>
    public ImmutableDictionary<Signal, ImmutableArray<double?>> HealthierHalfByLogging { get; }

    /// <summary>Gets the two logging propensities that cut the terciles.</summary>
    public ImmutableArray<double> LoggingCuts { get; }

    /// <summary>The captured discrimination (AUC − 0.5) / (AUC_limit − 0.5) of a signal over all seeds.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The share, or <see langword="null"/> when an AUC is undefined or the limit is at 0.5.</returns>
    public double? Captured(Signal signal) =>
        Pooled[signal].Auc is { } auc && LimitAuc is { } limit && limit != 0.5
            ? (auc - 0.5) / (limit - 0.5)
            : null;
}

/// <summary>Runs the simulator for every variant and seed and measures every signal with the library's backtest API.</summary>
public static class ValidationRun
{
    /// <summary>The churn horizon of the backtest, as the simulator's outcome uses it.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(PartnershipSimulator.HorizonMonths * PartnershipSimulator.MonthDays);

    /// <summary>Runs every variant.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Receives a line per finished seed; optional.</param>
    /// <returns>The measures per variant.</returns>
    public static ImmutableArray<VariantRun> Execute(ValidationOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Variants.Select(v => RunVariant(v, options, progress))];
    }

    /// <summary>Simulates one variant with one seed: the drawn parameters and the partnerships, in index order.</summary>
    /// <param name="variant">The variant.</param>
    /// <param name="seed">The seed number, from 1.</param>
    /// <param name="options">The run's options (root seed, as-of day, partnerships).</param>
    /// <returns>The parameters and the partnerships.</returns>
    public static (VariantParameters Parameters, ImmutableArray<SimulatedPartnership> Partnerships) Simulate(Variant variant, int seed, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(options);
        var root = new Rng(options.RootSeed).Derive(StableHash(variant.Name)).Derive((ulong)seed);
        var parameters = variant.Draw(root.Derive(0));
        var simulator = new PartnershipSimulator(parameters, root.Derive(1), options.AsOf, $"{variant.Name}-{seed}");
        var partnerships = new SimulatedPartnership[options.Partnerships];
        Parallel.For(0, partnerships.Length, i => partnerships[i] = simulator.Simulate(i));
        return (parameters, [.. partnerships]);
    }

    /// <summary>Measures every signal on one seed's partnerships.</summary>
    /// <param name="partnerships">The simulated partnerships.</param>
    /// <param name="scorer">The scorer of the model signal.</param>
    /// <returns>The measures per signal.</returns>
    public static ImmutableDictionary<Signal, BacktestResult> Measure(IReadOnlyList<SimulatedPartnership> partnerships, HealthScorer scorer)
    {
        var results = ImmutableDictionary.CreateBuilder<Signal, BacktestResult>();
        results[Signal.Model] = MeasureModel(partnerships, scorer);
        foreach (var signal in Signal.All.Where(s => s.Compute is not null))
        {
            results[signal] = Backtest.Measure(partnerships.Select(s =>
            {
                var (score, band) = signal.Compute!(s);
                return new BacktestSample(s.PartnerId, s.AsOf, score, s.Churned, band: band, outcome: s.NextTwoQuartersRevenue, reference: 100.0 * s.LatentHealth);
            }));
        }

        return results.ToImmutable();
    }

    /// <summary>Backtests a model's scores on one seed's partnerships (<see cref="Backtest.Run"/>): the model signal of <see cref="Measure"/>.</summary>
    /// <param name="partnerships">The simulated partnerships.</param>
    /// <param name="scorer">The scorer of the model.</param>
    /// <returns>The backtest, with each partnership's next two quarters' revenue as its outcome and its latent health × 100 as its reference.</returns>
    public static BacktestResult MeasureModel(IReadOnlyList<SimulatedPartnership> partnerships, HealthScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        var byId = partnerships.ToDictionary(s => s.PartnerId);
        var days = partnerships.Select(s => s.AsOf).Distinct().ToArray();
        var options = new BacktestOptions
        {
            Horizon = Horizon,
            Outcome = (id, _) => byId[id].NextTwoQuartersRevenue,
            Reference = (id, _) => 100.0 * byId[id].LatentHealth,
        };
        var outcomes = partnerships.Select(s => s.ChurnedOn is { } day ? ChurnOutcome.Churned(s.PartnerId, day) : ChurnOutcome.Active(s.PartnerId));
        return Backtest.Run(scorer, partnerships.Select(s => s.Partnership), days, outcomes, options);
    }

    /// <summary>The fit of each variant's seeds, for the report.</summary>
    /// <param name="runs">The variant runs.</param>
    /// <returns>The fit per variant; a variant whose seeds were not fitted is absent.</returns>
    public static IReadOnlyDictionary<Variant, FitSummary> Fits(ImmutableArray<VariantRun> runs) =>
        runs.Where(r => r.Seeds.All(s => s.Fit is not null))
            .ToDictionary(r => r.Variant, r => new FitSummary([.. r.Seeds.Select(s => (s.Seed, s.Fit!, s.FactorFit))]));

    private static VariantRun RunVariant(Variant variant, ValidationOptions options, Action<string>? progress)
    {
        var scorer = new HealthScorer();
        var seeds = ImmutableArray.CreateBuilder<SeedRun>();
        var oracle = new List<BacktestSample>();
        for (var seed = 1; seed <= options.Seeds; seed++)
        {
            var (parameters, partnerships) = Simulate(variant, seed, options);
            oracle.AddRange(partnerships.Select(s => new BacktestSample(s.PartnerId, s.AsOf, 100.0 * (1 - ChurnProbability(s.CombinedLatent, parameters)), s.Churned)));
            var results = Measure(partnerships, scorer);
            var fit = options.FitWeights ? FitModel(partnerships, scorer, Validation.FitWeights.Dimensions) : null;
            var factorFit = options.FitWeights ? FitModel(partnerships, scorer, Validation.FitWeights.DimensionsAndFactors) : null;
            ImmutableDictionary<EvidenceLearner, BacktestResult>? evidence = null;
            ImmutableArray<DiagnosisRow> diagnosis = [];
            double? confidenceLimit = null;
            LearntPriors? learnt = null;
            ImmutableArray<BacktestResult> settings = [];
            if (options.EvidenceLimit)
            {
                var learntModel = HealthModel.Default.WithPriorsFrom(new Portfolio(partnerships.Select(s => s.Partnership)), options.AsOf);
                learnt = new LearntPriors(learntModel, MeasureModel(partnerships, new HealthScorer(learntModel)));
                settings = [.. SettingSweep.Trials.Select(t => MeasureModel(partnerships, new HealthScorer(t.Model)))];
                var reports = new HealthReport[partnerships.Length];
                Parallel.For(0, reports.Length, i => reports[i] = scorer.Score(partnerships[i].Partnership, partnerships[i].AsOf));
                evidence = EvidenceLearner.Measure(partnerships, reports);
                confidenceLimit = EvidenceLearner.ConfidenceLimit(partnerships, reports);
                diagnosis = [.. partnerships.Select((s, i) => DiagnosisRow.Of(s, reports[i]))];
            }

            var truth = partnerships.Select(s => new PartnershipTruth(s.PartnerId, s.LatentHealth, s.PartnerLatent, s.VendorLatent, s.LoggingPropensity, s.Churned, s.NextTwoQuartersRevenue));
            seeds.Add(new SeedRun(seed, parameters, [.. truth], results, fit, factorFit, evidence, diagnosis, confidenceLimit, learnt, settings));
            progress?.Invoke($"{variant.Name} seed {seed}: {partnerships.Length} partnerships, {results[Signal.Model].Churned} churned, model AUC {results[Signal.Model].Auc:0.000}, limit {results[Signal.Limit].Auc:0.000}{(fit is null ? string.Empty : $", fitted out of sample {fit.OutOfSampleAuc:0.000}")}{(factorFit is null ? string.Empty : $" (factor weights {factorFit.OutOfSampleAuc:0.000})")}{(evidence is null ? string.Empty : ", evidence " + string.Join(" / ", EvidenceLearner.All.Select(l => $"{evidence[l].Auc:0.000}")))}");
        }

        var pooled = Signal.All.ToImmutableDictionary(s => s, s => Backtest.Measure(seeds.SelectMany(r => r.Results[s].Samples)));
        var truthById = seeds.SelectMany(r => r.Truth).ToDictionary(t => t.PartnerId);
        var (byLogging, cuts) = HealthierHalf(pooled, truthById);
        return new VariantRun(variant, seeds.ToImmutable(), pooled, byLogging, cuts, Backtest.Measure(oracle).Auc);
    }

    /// <summary>The probability that a partnership of combined latent <paramref name="combined"/> on T churns within the horizon: 1 − (1 − hazard)^months, the hazard held at T's state.</summary>
    /// <param name="combined">The combined latent on T.</param>
    /// <param name="parameters">The seed's parameters, whose hazard intercept and slope set the hazard.</param>
    /// <returns>The probability.</returns>
    public static double ChurnProbability(double combined, VariantParameters parameters) =>
        1 - Math.Pow(1 - Latent.MonthlyHazard(combined, parameters), PartnershipSimulator.HorizonMonths);

    /// <summary>Fits <paramref name="weights"/> to the partnerships' churn within the horizon, in partner-grouped folds (<see cref="Backtest.Fit"/>).</summary>
    internal static ModelFit FitModel(IReadOnlyList<SimulatedPartnership> partnerships, HealthScorer scorer, FitWeights weights) =>
        Backtest.Fit(
            scorer,
            partnerships.Select(s => s.Partnership),
            partnerships.Select(s => s.AsOf).Distinct(),
            partnerships.Select(s => s.ChurnedOn is { } day ? ChurnOutcome.Churned(s.PartnerId, day) : ChurnOutcome.Active(s.PartnerId)),
            new BacktestOptions { Horizon = Horizon },
            new FitOptions { Weights = weights });

    private static (ImmutableDictionary<Signal, ImmutableArray<double?>> Means, ImmutableArray<double> Cuts) HealthierHalf(
        ImmutableDictionary<Signal, BacktestResult> pooled,
        Dictionary<PartnerId, PartnershipTruth> truth)
    {
        var logging = truth.Values.Select(t => t.LoggingPropensity).Order().ToArray();
        var health = truth.Values.Select(t => t.LatentHealth).Order().ToArray();
        double[] cuts = [Quantile(logging, 1.0 / 3), Quantile(logging, 2.0 / 3)];
        var median = Quantile(health, 0.5);
        var means = ImmutableDictionary.CreateBuilder<Signal, ImmutableArray<double?>>();
        foreach (var (signal, result) in pooled)
        {
            var sums = new double[3];
            var counts = new int[3];
            foreach (var sample in result.Samples)
            {
                var t = truth[sample.PartnerId];
                if (t.LatentHealth <= median)
                {
                    continue;
                }

                var tercile = t.LoggingPropensity < cuts[0] ? 0 : t.LoggingPropensity < cuts[1] ? 1 : 2;
                sums[tercile] += sample.Score;
                counts[tercile]++;
            }

            means[signal] = [.. Enumerable.Range(0, 3).Select(k => counts[k] == 0 ? (double?)null : sums[k] / counts[k])];
        }

        return (means.ToImmutable(), [.. cuts]);
    }

    /// <summary>The q-quantile of sorted values, by linear interpolation between order statistics.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>FNV-1a of a name, so that a variant's streams do not depend on its position in the list.</summary>
    private static ulong StableHash(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
