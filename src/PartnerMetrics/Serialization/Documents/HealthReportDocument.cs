using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// The JSON form of a <see cref="HealthReport"/>: everything the report holds, so that reading it back gives an equal
/// report (DOMAIN rule 15). Reading checks that the parts agree — the five dimensions in order, each with its own
/// factors in order, contributions that add up to their dimension's and the dimensions' to the score, each dimension's
/// score the weighted mean of its factors, every reason the one its counts give — and rejects a document whose parts
/// contradict each other at the field that does.
/// </summary>
internal sealed class HealthReportDocument : IDocument<HealthReport, HealthReportDocument>
{
    /// <summary>How far a sum of contributions or a recomputed dimension score may stray from the stated one, in points of 0 to 100: rounding, not a contradiction.</summary>
    internal const double Tolerance = 1e-9;

    public PartnerId? PartnerId { get; set; }

    public DateOnly? AsOf { get; set; }

    public string? Model { get; set; }

    public string? ModelVersion { get; set; }

    public double? Score { get; set; }

    public HealthBand? Band { get; set; }

    public double? Confidence { get; set; }

    public ScoreIntervalDocument? Interval { get; set; }

    public List<DimensionScoreDocument?>? Dimensions { get; set; }

    public List<HealthSignalDocument?>? Signals { get; set; }

    public static HealthReportDocument From(HealthReport model) => new()
    {
        PartnerId = model.PartnerId,
        AsOf = model.AsOf,
        Model = model.ModelName,
        ModelVersion = model.ModelVersion,
        Score = model.Score,
        Band = model.Band,
        Confidence = model.Confidence,
        Interval = new ScoreIntervalDocument { Lower = model.Interval.Lower, Upper = model.Interval.Upper },
        Dimensions = [.. model.Dimensions.Select(DimensionScoreDocument.From)],
        Signals = [.. model.Signals.Select(signal => new HealthSignalDocument { Code = signal.Code, Message = signal.Message })],
    };

    public HealthReport ToModel()
    {
        var partnerId = Required(PartnerId, "partnerId");
        var asOf = Required(AsOf, "asOf");
        var name = Build(Model, static name => HealthModel.Label(name, "model"));
        var version = Build(ModelVersion, static version => HealthModel.Label(version, "modelVersion"));
        var score = Range(Required(Score, "score"), 100, "score");
        var band = Required(Band, "band");
        var confidence = Range(Required(Confidence, "confidence"), 1, "confidence");
        var interval = Interval ?? throw DocumentException.Missing("interval");
        var (lower, upper) = (Range(Required(interval.Lower, "interval.lower"), 100, "interval.lower"), Range(Required(interval.Upper, "interval.upper"), 100, "interval.upper"));
        Agree(lower <= score, "interval.lower", $"must not be above the score {score}; got {lower}");
        Agree(score <= upper, "interval.upper", $"must not be below the score {score}; got {upper}");

        var dimensions = Items<DimensionScore, DimensionScoreDocument>(Dimensions, "dimensions");
        var all = Enum.GetValues<HealthDimension>();
        Agree(dimensions.Length == all.Length, "dimensions", $"must list the {all.Length} dimensions, {string.Join(", ", all)}; got {dimensions.Length}");
        var sum = 0.0;
        for (var d = 0; d < all.Length; d++)
        {
            Agree(dimensions[d].Dimension == all[d], $"dimensions[{d}].dimension", $"must be {all[d]}: the dimensions come in the order {string.Join(", ", all)}; got {dimensions[d].Dimension}");
            sum += dimensions[d].Contribution;
        }

        Agree(Math.Abs(sum - score) <= Tolerance, "score", $"must be the sum of the dimensions' contributions, {sum}; got {score}");

        // Each dimension's share is its weight among the present ones; the confidence, the weighted mean of the weighted
        // dimensions' (weights scaled by a power of two, as the scorer scales them: a sum near double.MaxValue would
        // overflow, and a weight far below the largest must not round to 0).
        var weights = dimensions.Select(d => d.Weight).ToArray();
        var presentScale = HealthScorer.PresentScale([.. dimensions.Select(d => d.Score ?? double.NaN)], weights);
        var allScale = HealthScorer.PresentScale(new double[weights.Length], weights);
        double present = 0, weighted = 0, enabled = 0;
        foreach (var dimension in dimensions)
        {
            present += dimension.IsPresent && dimension.Weight > 0 ? Math.ScaleB(dimension.Weight, presentScale) : 0.0;
            var weight = Math.ScaleB(dimension.Weight, allScale);
            (weighted, enabled) = (weighted + (weight * dimension.Confidence), enabled + weight);
        }

        for (var d = 0; d < dimensions.Length; d++)
        {
            var share = dimensions[d].IsPresent && dimensions[d].Weight > 0 && present > 0 ? Math.ScaleB(dimensions[d].Weight, presentScale) / present : 0.0;
            Agree(Math.Abs(dimensions[d].Share - share) <= Tolerance, $"dimensions[{d}].share", $"must be the dimension's weight among the present dimensions', {share}; got {dimensions[d].Share}");
        }

        var overall = enabled > 0 ? weighted / enabled : 0.0;
        Agree(Math.Abs(confidence - overall) <= Tolerance, "confidence", $"must be the weighted mean of the dimensions' confidences, {overall}; got {confidence}");

        // The interval is the score ± z·σ, σ from the factors' posterior variances through the dimension means: the
        // dimensions as read give it exactly, so one whose bounds or whose factors' variances were changed alone disagrees.
        var expected = ScoreInterval.Around(score, HealthScorer.Deviation(dimensions.AsSpan()));
        Agree(Math.Abs(lower - expected.Lower) <= Tolerance, "interval.lower", $"must be the score less z·σ from the factors' variances, {expected.Lower}; got {lower}");
        Agree(Math.Abs(upper - expected.Upper) <= Tolerance, "interval.upper", $"must be the score plus z·σ from the factors' variances, {expected.Upper}; got {upper}");

        var signals = ImmutableArray.CreateBuilder<HealthSignal>(Signals?.Count ?? 0);
        for (var i = 0; i < (Signals?.Count ?? 0); i++)
        {
            var signal = Signals![i] ?? throw DocumentException.NullItem("signals", i);
            signals.Add(BuildUnder(signal, static s => new HealthSignal(Ensure.Text(s.Code, "code"), Ensure.Text(s.Message, "message")), $"signals[{i}]"));
            Agree(
                signals[i].Code is FactorCodes.WeakestLink or FactorCodes.CertificationExpiring,
                $"signals[{i}].code",
                $"must be a signal code, '{FactorCodes.WeakestLink}' or '{FactorCodes.CertificationExpiring}'; got '{signals[i].Code}'");
            Agree(signals[i].Code != FactorCodes.WeakestLink || band != HealthBand.Healthy, "band", $"must not be Healthy beside a weakest link (signals[{i}]), which caps it at Watch; got {band}");
            Agree(i == 0 || HealthSignal.Compare(signals[i - 1], signals[i]) <= 0, $"signals[{i}]", $"must not come before signals[{i - 1}]: signals are in order of code, then message");
        }

        // Every rate's certainty is e / (e + κ) with the one κ of the model: a rate whose evidence and certainty imply
        // another κ was changed alone. Checked where both are far from 0 and 1, where the quotient keeps its digits.
        double? kappa = null;
        foreach (var (factor, d, f) in dimensions.SelectMany((dimension, d) => dimension.Factors.Select((factor, f) => (factor, d, f))))
        {
            var (evidence, certainty) = (factor.EvidenceWeight, factor.Confidence);
            if (FactorCatalog.Of(factor.Code)?.Kind == FactorKind.Rate && certainty is > 1e-3 and < 1 - 1e-3 && double.IsFinite(evidence))
            {
                var implied = evidence * (1 - certainty) / certainty;
                kappa ??= implied;
                Agree(Math.Abs(implied - kappa.Value) <= 1e-6 * kappa.Value, $"dimensions[{d}].factors[{f}].confidence", $"must be e / (e + κ) with the κ the other rates imply, {kappa.Value}, for its evidence {evidence}; got {certainty}");
            }
        }

        return new HealthReport(partnerId, asOf, name, version, score, band, confidence, new ScoreInterval(lower, upper), dimensions, signals.MoveToImmutable());
    }

    /// <summary>A finite number from 0 to <paramref name="most"/>, or an error at <paramref name="property"/> naming it.</summary>
    internal static double Range(double value, double most, string property)
    {
        Agree(value is >= 0 && value <= most, property, $"must be from 0 to {most}; got {value}");
        return value;
    }

    /// <summary>Runs <paramref name="construct"/>, reporting its validation error under <paramref name="under"/>.</summary>
    private static TModel BuildUnder<TModel, TState>(TState state, Func<TState, TModel> construct, string under)
    {
        try
        {
            return Document.Build(state, construct);
        }
        catch (DocumentException error)
        {
            throw error.Under(under);
        }
    }
}

/// <summary>A <see cref="ScoreInterval"/> in a <see cref="HealthReportDocument"/>.</summary>
internal sealed class ScoreIntervalDocument
{
    public double? Lower { get; set; }

    public double? Upper { get; set; }
}

/// <summary>A <see cref="HealthSignal"/> in a <see cref="HealthReportDocument"/>.</summary>
internal sealed class HealthSignalDocument
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>A <see cref="DimensionScore"/> in a <see cref="HealthReportDocument"/>: its numbers and its factors, in the catalog's order.</summary>
internal sealed class DimensionScoreDocument : IDocument<DimensionScore, DimensionScoreDocument>
{
    public HealthDimension? Dimension { get; set; }

    /// <summary>Gets or sets the score; absent when none of the dimension's factors is present.</summary>
    public double? Score { get; set; }

    public double? Confidence { get; set; }

    public double? Weight { get; set; }

    public double? Contribution { get; set; }

    /// <summary>Gets or sets the dimension's share of the overall score: its weight among the present dimensions, 0 when absent or unweighted.</summary>
    public double? Share { get; set; }

    public List<HealthFactorDocument?>? Factors { get; set; }

    public static DimensionScoreDocument From(DimensionScore model) => new()
    {
        Dimension = model.Dimension,
        Score = model.Score,
        Confidence = model.Confidence,
        Weight = model.Weight,
        Contribution = model.Contribution,
        Share = model.Share,
        Factors = [.. model.Factors.Select(HealthFactorDocument.From)],
    };

    public DimensionScore ToModel()
    {
        var dimension = Required(Dimension, "dimension");
        var score = Score is { } s ? HealthReportDocument.Range(s, 100, "score") : (double?)null;
        var confidence = HealthReportDocument.Range(Required(Confidence, "confidence"), 1, "confidence");
        var weight = Required(Weight, "weight");
        Agree(weight is >= 0 && double.IsFinite(weight), "weight", $"must be a finite number of at least 0; got {weight}");
        var share = HealthReportDocument.Range(Required(Share, "share"), 1, "share");
        var contribution = HealthReportDocument.Range(Required(Contribution, "contribution"), 100, "contribution");

        var factors = Items<HealthFactor, HealthFactorDocument>(Factors, "factors");
        // Trust's sides weigh the same, whatever the model (TrustDimension.SideWeight).
        for (var i = 0; i < factors.Length && dimension == HealthDimension.Trust; i++)
        {
            Agree(factors[i].Weight == TrustDimension.SideWeight, $"factors[{i}].weight", $"must be {TrustDimension.SideWeight}: the two sides of trust weigh the same; got {factors[i].Weight}");
        }

        // Plan alignment has one factor without a plan (plan.missing) and the five others with one.
        var missing = dimension == HealthDimension.PlanAlignment && factors is [{ Code: FactorCodes.PlanMissing }, ..];
        var expected = FactorCatalog.All
            .Where(definition => definition.Dimension == dimension && (dimension != HealthDimension.PlanAlignment || missing == (definition.Code == FactorCodes.PlanMissing)))
            .ToArray();
        Agree(factors.Length == expected.Length, "factors", $"must list {dimension}'s {expected.Length} factors, {string.Join(", ", expected.Select(e => e.Code))}; got {factors.Length}");
        var (values, weights, sum) = (new double[factors.Length], new double[factors.Length], 0.0);
        for (var i = 0; i < factors.Length; i++)
        {
            Agree(factors[i].Code == expected[i].Code, $"factors[{i}].code", $"must be '{expected[i].Code}': {dimension}'s factors come in the order {string.Join(", ", expected.Select(e => e.Code))}; got '{factors[i].Code}'");
            (values[i], weights[i]) = (factors[i].Value ?? double.NaN, factors[i].Weight);
            sum += factors[i].Contribution;
        }

        Agree(Math.Abs(sum - contribution) <= HealthReportDocument.Tolerance, "contribution", $"must be the sum of the factors' contributions, {sum}; got {contribution}");

        // Each factor's contribution is the dimension's in proportion to weight × value; the confidence, the weighted mean
        // of the present factors' (weights scaled by a power of two, as the scorer scales them, so that none rounds to 0).
        var scale = HealthScorer.PresentScale(values, weights);
        var scaled = weights.Select((w, i) => double.IsNaN(values[i]) ? 0.0 : Math.ScaleB(w, scale)).ToArray();
        double weightedValue = 0, weightedCertainty = 0, presentWeight = 0;
        for (var i = 0; i < factors.Length; i++)
        {
            if (factors[i].Value is { } value)
            {
                (weightedValue, weightedCertainty, presentWeight) = (weightedValue + (scaled[i] * value), weightedCertainty + (scaled[i] * factors[i].Confidence), presentWeight + scaled[i]);
            }
        }

        for (var i = 0; i < factors.Length; i++)
        {
            var part = weightedValue > 0 && factors[i].Value is { } value ? scaled[i] * value / weightedValue : 0.0;
            Agree(Math.Abs(factors[i].Contribution - (contribution * part)) <= HealthReportDocument.Tolerance, $"factors[{i}].contribution", $"must be the dimension's contribution in proportion to weight × value, {contribution * part}; got {factors[i].Contribution}");
        }

        var certain = presentWeight > 0 ? weightedCertainty / presentWeight : 0.0;
        Agree(Math.Abs(confidence - certain) <= HealthReportDocument.Tolerance, "confidence", $"must be the weighted mean of the present factors' confidences, {certain}; got {confidence}");
        var mean = HealthScorer.DimensionScore(dimension, values, weights);
        if (double.IsNaN(mean))
        {
            Agree(score is null, "score", $"must be absent, for none of the factors is present; got {score}");
        }
        else
        {
            Agree(score is { } stated && Math.Abs(stated - mean) <= HealthReportDocument.Tolerance, "score", $"must be the weighted mean of the factors, {mean}; got {(object?)score ?? "none"}");
        }
        return new DimensionScore(dimension, score, confidence, weight, contribution, share, factors);
    }
}

/// <summary>
/// A <see cref="HealthFactor"/> in a <see cref="HealthReportDocument"/>: the public numbers, the rate's tallies and
/// variance behind its interval and next actions, and the counts (<c>counts</c>, <c>measure</c>) its reason is written
/// from; the reason is written too, and checked against the counts when read. A tally or variance too large for a
/// double is written "Infinity", the one number JSON cannot hold that a report can.
/// </summary>
internal sealed class HealthFactorDocument : IDocument<HealthFactor, HealthFactorDocument>
{
    public string? Code { get; set; }

    /// <summary>Gets or sets the value; absent when the factor is (disabled, or coverage with nothing required).</summary>
    public double? Value { get; set; }

    public double? Weight { get; set; }

    public double? Confidence { get; set; }

    public double? Contribution { get; set; }

    [JsonConverter(typeof(TallyConverter))]
    public double? EvidenceWeight { get; set; }

    [JsonConverter(typeof(TallyConverter))]
    public double? Successes { get; set; }

    [JsonConverter(typeof(TallyConverter))]
    public double? Failures { get; set; }

    [JsonConverter(typeof(TallyConverter))]
    public double? Variance { get; set; }

    public List<int>? Counts { get; set; }

    public double? Measure { get; set; }

    public string? Reason { get; set; }

    public static HealthFactorDocument From(HealthFactor model) => new()
    {
        Code = model.Code,
        Value = model.Value,
        Weight = model.Weight,
        Confidence = model.Confidence,
        Contribution = model.Contribution,
        EvidenceWeight = model.EvidenceWeight,
        Successes = model.Successes,
        Failures = model.Failures,
        Variance = model.Variance,
        Counts = [model.Facts.First, model.Facts.Second, model.Facts.Third, model.Facts.Fourth],
        Measure = model.Facts.Measure,
        Reason = model.Reason,
    };

    public HealthFactor ToModel()
    {
        var code = Code ?? throw DocumentException.Missing("code");
        var definition = FactorCatalog.Of(code)
            ?? throw DocumentException.Invalid("code", $"'code' must be a factor code, such as '{FactorCodes.TrustPartnerReliability}'; got '{code}'.");
        var weight = Required(Weight, "weight");
        Agree(weight is >= 0 && double.IsFinite(weight), "weight", $"must be a finite number of at least 0; got {weight}");
        var value = Value is { } v ? HealthReportDocument.Range(v, 1, "value") : (double?)null;
        Agree(value is null || weight > 0, "value", $"must be absent, for the factor has no weight; got {value}");
        var confidence = HealthReportDocument.Range(Required(Confidence, "confidence"), 1, "confidence");
        var contribution = HealthReportDocument.Range(Required(Contribution, "contribution"), 100, "contribution");
        Agree(value is not null || contribution == 0, "contribution", $"must be 0, for the factor is absent; got {contribution}");
        var evidence = AtLeastZero(EvidenceWeight, "evidenceWeight");
        var successes = AtLeastZero(Successes, "successes");
        var failures = AtLeastZero(Failures, "failures");
        var variance = AtLeastZero(Variance, "variance");
        var counts = Counts ?? throw DocumentException.Missing("counts");
        Agree(counts.Count == 4, "counts", $"must hold 4 numbers; got {counts.Count}");
        Agree(counts.All(n => n >= 0) && counts.Sum(n => (long)n) <= int.MaxValue, "counts", $"must be numbers of at least 0 whose sum is at most {int.MaxValue}; got [{string.Join(", ", counts)}]");
        var facts = new FactorFacts(counts[0], counts[1], counts[2], counts[3], Required(Measure, "measure"));
        Agree(double.IsFinite(facts.Measure), "measure", $"must be a finite number; got {facts.Measure}");

        var factor = new HealthFactor(definition, value, evidence, weight, confidence, variance, facts) { Successes = successes, Failures = failures };
        HealthFactor.SetContribution(ref factor, contribution);
        Agree(Reason is null || Reason == factor.Reason, "reason", $"must be the reason its counts give, \"{factor.Reason}\"; got \"{Reason}\"");
        return factor;
    }

    /// <summary>A tally or variance: at least 0, "Infinity" included (a loss aversion near double.MaxValue makes a failure's weight overflow), never NaN.</summary>
    private static double AtLeastZero(double? value, string property)
    {
        var number = Required(value, property);
        Agree(number is >= 0, property, $"must be a number of at least 0; got {number}");
        return number;
    }
}
