using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Scores the health of partnerships under a <see cref="HealthModel"/>, or under the model a
/// <see cref="HealthModelSet"/> selects for each partnership (DOMAIN section 3).
/// </summary>
/// <remarks>
/// <para>
/// A scorer is immutable and thread-safe: share one instance across threads and requests. Scoring is
/// pure and deterministic — the same partnership and day always give an equal report, whatever the
/// order of the evidence — and looks only at evidence dated on or before the as-of day.
/// </para>
/// <para>
/// Model v2 (DOMAIN section 3.1): every rate is a posterior that sits at its prior without evidence,
/// every fact (coverage, the plan, weekly cadence) is certain once the partnership is mature, so
/// missing data pulls a score towards the prior and lowers its confidence, and never raises it. The
/// overall score is the weighted mean of the dimensions; the overall confidence the weighted mean of
/// their confidences; the 80 % interval comes from the rates' posterior variances. Each factor's
/// contribution is its share of its dimension's points in proportion to weight × value; contributions
/// add up to the overall score.
/// </para>
/// </remarks>
public sealed class HealthScorer
{
    private const int DimensionCount = EvidenceSlots.Dimensions;

    /// <summary>The confidence from which a dimension or side in the AtRisk range caps the band at Watch.</summary>
    private const double WeakestLinkConfidence = 0.5;

    /// <summary>"Trust scores " and so on, by dimension: the beginning of a weak dimension's message.</summary>
    private static readonly string[] ScoresPrefixes = [.. Enum.GetValues<HealthDimension>().Select(dimension => $"{dimension} scores ")];

    private readonly HealthModelSet models;

    /// <summary>One context per model of <see cref="models"/>, at the model's index.</summary>
    private readonly ScoringContext[] contexts;

    /// <summary>Initializes a new instance of the <see cref="HealthScorer"/> class with <see cref="HealthModel.Default"/>.</summary>
    public HealthScorer()
        : this(HealthModel.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HealthScorer"/> class.</summary>
    /// <param name="model">The scoring model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public HealthScorer(HealthModel model)
        : this(HealthModelSet.Of(Ensure.NotNull(model, nameof(model))))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HealthScorer"/> class that scores each partnership with the model the set selects for it.</summary>
    /// <param name="models">The models, and which one scores each partnership.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> is <see langword="null"/>.</exception>
    public HealthScorer(HealthModelSet models)
    {
        this.models = Ensure.NotNull(models, nameof(models));
        contexts = [.. models.Models.Select(model => new ScoringContext(model))];
    }

    /// <summary>
    /// Gets the scoring model: the model given to the constructor, or the default of the set
    /// (<see cref="HealthModelSet.Default"/>). With a set, a partnership's model is
    /// <c>Models.Select(partnership)</c>, and each report names it.
    /// </summary>
    public HealthModel Model => models.Default;

    /// <summary>Gets the models and which one scores each partnership; a single model when the scorer was built from one.</summary>
    public HealthModelSet Models => models;

    /// <summary>Scores one partnership as of a day.</summary>
    /// <param name="partnership">The partnership and its evidence.</param>
    /// <param name="asOf">The day to score as of; later evidence is ignored.</param>
    /// <returns>The report: overall score, band, confidence, and every dimension and factor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The scorer's model set was made by <see cref="HealthModelSet.Create"/> and its selector returned <see langword="null"/>, or a model the set does not list, for a partner.</exception>
    public HealthReport Score(Partnership partnership, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var report = Evaluate(partnership, Read(partnership, asOf));
        Telemetry.Scored("score", 1);
        return report;
    }

    /// <summary>Scores one partnership without counting it: for batch operations, which count their reports at once.</summary>
    internal HealthReport ScoreUncounted(Partnership partnership, DateOnly asOf) => Evaluate(partnership, Read(partnership, asOf));

    /// <summary>Reads a partnership's evidence on one day: its tallies and its weeks of activity, all a score needs besides the facts.</summary>
    internal DayEvidence Read(Partnership partnership, DateOnly asOf)
    {
        var context = ContextOf(partnership);
        var day = asOf.DayNumber;
        var evidence = new DayEvidence(context, day);
        var sink = new DaySink(day);
        EvidenceSlots.Describe(partnership, context, ref sink);
        evidence.Tallies = sink.Tallies;
        ActivityLog.Visit(partnership, ref evidence.Weeks);
        return evidence;
    }

    /// <summary>
    /// Scores a change of a partnership from the evidence already read on the day (<see cref="Read"/>), equal to
    /// <see cref="Score"/> of <see cref="EvidenceChange.Changed"/> exactly: each dimension describes each item on its own
    /// (<see cref="IEvidenceSink"/>), and a tally is an integer sum, so the changed tallies are the tallies read, plus
    /// those of the items added, minus those of the items removed — only the change is described.
    /// </summary>
    internal HealthReport Rescore(EvidenceChange change, in DayEvidence read) =>
        Reread(change, read, out var evidence) ? Evaluate(change.Facts, evidence) : Score(change.Changed, DateOnly.FromDayNumber(read.Day));

    /// <summary>The score, confidence and band of <see cref="Rescore"/>, to the last bit, without building its report: all the advisor reads of a change.</summary>
    internal Headline RescoreHeadline(EvidenceChange change, in DayEvidence read) =>
        Reread(change, read, out var evidence) ? EvaluateHeadline(change.Facts, evidence) : Headline.Of(Score(change.Changed, DateOnly.FromDayNumber(read.Day)));

    /// <summary>The evidence of the changed partnership on the day read, from what was read (<see cref="Rescore"/>); false when its model is another, and nothing read carries over.</summary>
    private bool Reread(EvidenceChange change, in DayEvidence read, out DayEvidence evidence)
    {
        evidence = new DayEvidence(read.Context, read.Day);
        if (ContextOf(change.Facts) != read.Context)
        {
            // The model set chose another model for the changed partnership.
            return false;
        }

        evidence.Tallies = read.Tallies;
        var added = new DaySink(read.Day);
        EvidenceSlots.Describe(change.Added, read.Context, ref added);
        evidence.Add(added.Tallies, 1);
        if (change.Removed is { } removedItems)
        {
            var removed = new DaySink(read.Day);
            EvidenceSlots.Describe(removedItems, read.Context, ref removed);
            evidence.Add(removed.Tallies, -1);
        }

        if (change.OnlyAdds)
        {
            // Activity only grows: the weeks active before stay active, and the added items' days join them.
            evidence.Weeks = read.Weeks;
            ActivityLog.Visit(change.Added, ref evidence.Weeks);
        }
        else
        {
            ActivityLog.Visit(change.Changed, ref evidence.Weeks);
        }

        return true;
    }

    /// <summary>The report of a partnership from its evidence read on the day (<see cref="Read"/>).</summary>
    internal static HealthReport Evaluate(Partnership partnership, in DayEvidence evidence)
    {
        var arrays = FactorArrays.For(partnership, evidence.Day);
        List<HealthSignal>? signals = null;
        WriteFactors(partnership, evidence, DimensionFactors.Over(arrays), ref signals);
        return Assemble(evidence.Context, partnership.Partner.Id, DateOnly.FromDayNumber(evidence.Day), arrays, Sorted(signals));
    }

    /// <summary>The score, confidence and band of <see cref="Evaluate"/>, to the last bit: the same factors, written on the stack, and the same arithmetic, without the report.</summary>
    internal static Headline EvaluateHeadline(Partnership partnership, in DayEvidence evidence)
    {
        Span<HealthFactor> buffer = stackalloc HealthFactor[EvidenceSlots.MaxFactors];
        var factors = DimensionFactors.In(buffer, partnership, evidence.Day);

        // A headline has no signals: those of certifications are written but not kept.
        List<HealthSignal>? signals = null;
        WriteFactors(partnership, evidence, factors, ref signals);
        return HeadlineOf(evidence.Context, factors);
    }

    /// <summary>The score, confidence and band of factors written on a day, as a report's arithmetic reaches them, stopping at the band.</summary>
    private static Headline HeadlineOf(ScoringContext context, scoped DimensionFactors factors)
    {
        Span<double> scaled = stackalloc double[EvidenceSlots.MaxFactors];
        var totals = Total(context, factors, scaled);
        return new Headline(totals.Overall, totals.Confidence, Band(context, totals, WeakLinks(context, totals, factors.Trust, [])));
    }

    /// <summary>Writes a partnership's factors on the day of its evidence, with the signals of its certifications.</summary>
    private static void WriteFactors(Partnership partnership, in DayEvidence evidence, scoped DimensionFactors into, ref List<HealthSignal>? signals)
    {
        var certifications = partnership.Certifications.Length;
        var rented = certifications <= 128 ? null : ArrayPool<HeldCertification>.Shared.Rent(certifications);
        var held = rented is null ? stackalloc HeldCertification[certifications] : rented.AsSpan(0, certifications);
        held = held[..CompetencyDimension.Requirements(partnership, held)];
        EvidenceSlots.Factors(partnership, evidence.Day, evidence.Tallies, evidence.Weeks, held, evidence.Context, into, ref signals);
        if (rented is not null)
        {
            ArrayPool<HeldCertification>.Shared.Return(rented);
        }
    }

    /// <summary>Signals in a stable order: by code, then message.</summary>
    internal static ImmutableArray<HealthSignal> Sorted(List<HealthSignal>? signals)
    {
        if (signals is null)
        {
            return [];
        }

        var sorted = signals.ToArray();
        Array.Sort(sorted, HealthSignal.Compare);
        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <summary>The context of the model a partnership is scored with.</summary>
    private ScoringContext ContextOf(Partnership partnership) => contexts[models.IndexOf(partnership)];

    private static HealthReport Assemble(ScoringContext context, PartnerId partnerId, DateOnly asOf, in FactorArrays arrays, ImmutableArray<HealthSignal> signals)
    {
        var factors = DimensionFactors.Over(arrays);
        Span<double> all = stackalloc double[EvidenceSlots.MaxFactors];
        var totals = Total(context, factors, all);
        var weights = context.DimensionWeights;
        var variance = 0.0;
        var dimensions = new DimensionScore[DimensionCount];
        for (var d = 0; d < DimensionCount; d++)
        {
            var dimension = (HealthDimension)d;
            var scaled = all[totals.Offsets[d]..totals.Offsets[d + 1]];
            var score = totals.Scores[d];
            var dimensionFactors = arrays[d].AsSpan();

            // The dimension's share of the overall score: 0 when it is absent or unweighted.
            var weight = totals.PresentWeights[d];
            var share = weight > 0 ? weight / totals.PresentWeight : 0.0;

            variance += ShareOfVariance(dimension, dimensionFactors, scaled, totals.Sums[d].Mean.WeightSum, score, share);

            // The share, at most 1, times the score, at most 100: w·s ÷ Σw could round past 100 when w is all of Σw.
            var contribution = share > 0 ? share * score : 0.0;
            Attribute(dimensionFactors, scaled, totals.Sums[d].Mean.Sum, contribution);
            dimensions[d] = new DimensionScore(
                dimension,
                double.IsNaN(score) ? null : score,
                totals.Confidences[d],
                weights[d],
                contribution,
                share,
                ImmutableCollectionsMarshal.AsImmutableArray(arrays[d]));
        }

        var links = default(WeakLinkSignals);
        var weakLinks = WeakLinks(context, totals, factors.Trust, links);
        return new HealthReport(
            partnerId,
            asOf,
            context.Model,
            totals.Overall,
            Band(context, totals, weakLinks),
            totals.Confidence,
            ScoreInterval.Around(totals.Overall, Math.Sqrt(variance)),
            ImmutableCollectionsMarshal.AsImmutableArray(dimensions),
            WithWeakLinks(((ReadOnlySpan<HealthSignal>)links)[..weakLinks], signals));
    }

    /// <summary>
    /// What a report and a headline both compute from the factors: each dimension's sums, score and confidence, and the
    /// overall score and confidence. <paramref name="scaled"/> receives every factor's scaled weight (<see cref="Scale"/>),
    /// one dimension after another from <see cref="Totals.Offsets"/>: read again by the variance and the attribution.
    /// </summary>
    private static Totals Total(ScoringContext context, scoped DimensionFactors factors, Span<double> scaled)
    {
        var totals = default(Totals);
        var weightOf = context.ScaledDimensionWeights;
        double allWeight = 0, weightedConfidence = 0;
        for (var d = 0; d < DimensionCount; d++)
        {
            totals.Offsets[d + 1] = totals.Offsets[d] + factors[d].Length;
        }

        for (var d = 0; d < DimensionCount; d++)
        {
            var dimension = (HealthDimension)d;
            var weight = weightOf[d];
            var own = scaled[totals.Offsets[d]..totals.Offsets[d + 1]];
            var dimensionFactors = factors[d];
            Scale(dimensionFactors, own);
            var sums = totals.Sums[d] = Gather(dimension, dimensionFactors, own);
            var score = totals.Scores[d] = sums.Mean.Score(dimension);
            var confidence = totals.Confidences[d] = sums.Mean.WeightSum > 0 ? sums.WeightedConfidence / sums.Mean.WeightSum : 0.0;
            if (weight > 0)
            {
                allWeight += weight;
                weightedConfidence += weight * confidence;
            }
        }

        totals.PresentWeight = PresentWeights(totals.Scores, context.DimensionWeights, totals.PresentWeights);
        totals.Overall = WeightedScore(totals.Scores, totals.PresentWeights, totals.PresentWeight);
        totals.Confidence = weightedConfidence / allWeight;
        return totals;
    }

    /// <summary>
    /// The band of the overall score and confidence, at most Watch when a weakest link caps it; InsufficientEvidence when
    /// no weighted dimension is present, for the score 0 then measures nothing (a minimum confidence of 0 lets a low
    /// confidence through, not an absent score).
    /// </summary>
    private static HealthBand Band(ScoringContext context, in Totals totals, int weakLinks)
    {
        if (totals.PresentWeight == 0)
        {
            return HealthBand.InsufficientEvidence;
        }

        var band = context.Model.Bands.Band(totals.Overall, totals.Confidence);
        return weakLinks > 0 && band == HealthBand.Healthy ? HealthBand.Watch : band;
    }

    /// <summary>
    /// The weakest links (DOMAIN section 3.1; seed 002: trust is "a must on both sides"): each weighted
    /// dimension, and each side's reliability, whose score lies in the AtRisk range with confidence of
    /// at least <see cref="WeakestLinkConfidence"/>. Any one caps the band at Watch, whatever the
    /// average.
    /// </summary>
    /// <param name="context">The model's context.</param>
    /// <param name="totals">The dimensions' scores and confidences.</param>
    /// <param name="trust">Trust's factors: each side's reliability.</param>
    /// <param name="described">Receives a signal per weakest link, in the order found; empty when only the number is wanted.</param>
    /// <returns>The number of weakest links.</returns>
    private static int WeakLinks(ScoringContext context, in Totals totals, ReadOnlySpan<HealthFactor> trust, Span<HealthSignal> described)
    {
        var watch = context.Model.Bands.Watch;
        var weights = context.DimensionWeights;
        var count = 0;
        for (var d = 0; d < DimensionCount; d++)
        {
            var (score, confidence) = (totals.Scores[d], totals.Confidences[d]);
            if (weights[d] > 0 && !double.IsNaN(score) && score < watch && confidence >= WeakestLinkConfidence)
            {
                Describe(described, count++, ScoresPrefixes[d], score, confidence, watch);
            }
        }

        // A side's reliability is trust's: with trust disabled (weight 0) neither side caps the band.
        var sides = weights[(int)HealthDimension.Trust] > 0 && trust.Length == 2 ? trust : [];
        for (var s = 0; s < sides.Length; s++)
        {
            ref readonly var side = ref sides[s];
            if (side.Weight > 0 && side.Value is { } value && 100 * value < watch)
            {
                var alone = side.Confidence < WeakestLinkConfidence;
                if (!alone || HoldsTrustDown(context, side, sides[1 - s], value, watch))
                {
                    var vendor = side.Code == FactorCodes.TrustVendorReliability;
                    var what = vendor ? "The vendor's reliability (trust) is " : "The partner's reliability (trust) is ";
                    Describe(described, count++, what, 100 * value, side.Confidence, watch, alone ? (vendor ? "partner" : "vendor") : null);
                }
            }
        }

        return count;

        static void Describe(Span<HealthSignal> described, int index, string what, double score, double confidence, double watch, string? otherSide = null)
        {
            if (!described.IsEmpty)
            {
                described[index] = new(FactorCodes.WeakestLink, new WeakLinkMessage(what, score, confidence, watch, otherSide));
            }
        }
    }

    /// <summary>
    /// Whether a side's reliability in the AtRisk range, too uncertain to cap the band on its own, holds trust there
    /// whatever the other side adds: no amount of the other side's kept promises would lift trust to the Watch threshold
    /// before trust's own confidence reaches <see cref="WeakestLinkConfidence"/>. Trust's confidence is the mean of the
    /// sides' certainties (their weights are equal, <see cref="TrustDimension.SideWeight"/>), so with this side's
    /// certainty c it reaches 0.5 once the other side's evidence reaches κ(1 − c)/c; trust is then 100·√(o·v), o the other
    /// side's reliability with the kept promises that took it there, all dated T. Trust's own test would cap the band
    /// at that point, so the other side's logging must not decide it: with this cap, logging fewer of the other side's
    /// kept promises never lifts a cap that this side's failures cause. Only failures count: a side at or above its prior
    /// (a model's low prior mean, with nothing but kept promises) holds nothing down (<c>WeakestLinkTests</c>).
    /// </summary>
    private static bool HoldsTrustDown(ScoringContext context, in HealthFactor side, in HealthFactor other, double value, double watch)
    {
        var certainty = side.Confidence;
        if (certainty <= 0 || FactorCatalog.Of(side.Code) is not { } own || value >= context.Posterior(own, 0, 0).Mean)
        {
            return false;
        }

        // The other side's evidence at which trust's confidence reaches 0.5, and its reliability with kept promises up to
        // there (none when it is there already); past any double, its reliability in the limit: 1.
        var needed = context.Model.Kappa * (1.0 - certainty) / certainty;
        var added = Math.Max(0.0, needed - other.EvidenceWeight);
        var otherValue = double.IsFinite(added) && FactorCatalog.Of(other.Code) is { } theirs
            ? context.Posterior(theirs, other.Successes + added, other.Failures).Mean
            : 1.0;
        return 100.0 * Math.Sqrt(otherValue * value) < watch;
    }

    /// <summary>A report's signals: <paramref name="signals"/> and the weakest links' (<see cref="WeakLinks"/>), in <see cref="HealthSignal.Compare"/> order.</summary>
    private static ImmutableArray<HealthSignal> WithWeakLinks(ReadOnlySpan<HealthSignal> links, ImmutableArray<HealthSignal> signals)
    {
        if (links.IsEmpty)
        {
            return signals;
        }

        var all = new HealthSignal[links.Length + signals.Length];
        links.CopyTo(all);
        signals.CopyTo(all, links.Length);
        if (all.Length > 1)
        {
            Array.Sort(all, HealthSignal.Compare);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(all);
    }

    /// <summary>Room for a weakest link per dimension and per side's reliability.</summary>
    [InlineArray(DimensionCount + 2)]
    private struct WeakLinkSignals
    {
        private HealthSignal element;
    }

    /// <summary>
    /// A weakest link's message, written when read (<paramref name="otherSide"/> names the other side of trust when a
    /// side caps by holding trust down, and is null otherwise): "Trust scores 14.5, below the AtRisk threshold 40, at confidence
    /// 0.91: the band is at most Watch."; for a side that caps by holding trust down (<see cref="HoldsTrustDown"/>),
    /// "The vendor's reliability (trust) is 11.0, below the AtRisk threshold 40, at confidence 0.36: no kept promises of
    /// the partner would lift trust to 40 before its confidence reaches 0.5, so the band is at most Watch."
    /// </summary>
    private sealed class WeakLinkMessage(string what, double score, double confidence, double watch, string? otherSide) : SignalMessage(what)
    {
        protected override string Write() => otherSide is not null
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{Prefix}{Shown(score, watch):0.0}, below the AtRisk threshold {watch:R}, at confidence {ShownBelowCap(confidence):0.00}: no kept promises of the {otherSide} would lift trust to {watch:R} before its confidence reaches 0.5, so the band is at most Watch.")
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{Prefix}{Shown(score, watch):0.0}, below the AtRisk threshold {watch:R}, at confidence {confidence:0.00}: the band is at most Watch.");

        /// <summary>
        /// The score to one decimal as the message shows it, rounded down where rounding would reach the threshold it is
        /// below: 39.96 rounded reads "40.0, below the AtRisk threshold 40". The threshold is shown as the model holds it
        /// (shortest round trip), so that one of 39.94 does not read as the 39.9 the score is shown at.
        /// </summary>
        private static double Shown(double score, double watch) => Math.Round(score, 1, MidpointRounding.AwayFromZero) < watch ? score : Math.Floor(score * 10) / 10;

        /// <summary>
        /// The confidence to two decimals as the message of a side that holds trust down shows it, at most the step below the
        /// <see cref="WeakestLinkConfidence"/> it is below (as next actions show a certainty): a side at 0.4994 read "at
        /// confidence 0.50", the confidence at which a side caps the band on its own, beside the reason given for a side too
        /// uncertain to. Rounded here, so that the format does not round it again.
        /// </summary>
        private static double ShownBelowCap(double confidence) =>
            Math.Min(Math.Round(confidence, 2, MidpointRounding.AwayFromZero), WeakestLinkConfidence - 0.01);
    }

    /// <summary>
    /// Scores a partnership at a fixed step over a range of days — a weekly health history, say — in
    /// one pass over its evidence rather than one full score per point (DOMAIN section 3.3).
    /// </summary>
    /// <param name="partnership">The partnership and its evidence.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day; the last point is the last step on or before it.</param>
    /// <param name="step">The step: whole days, at least one.</param>
    /// <param name="cancellationToken">Checked while the evidence is summed (every 256 items) and before each point; a long daily history over decades can be stopped. Its memory grows with the number of points (about 1.2 KB a point for the tallies, and a report each): a daily history of ten thousand years is gigabytes.</param>
    /// <returns>One report per point, from <paramref name="from"/> onwards. Each equals <see cref="Score"/> on its day exactly: every count, reason and presence, and every number to the last bit (DOMAIN rule 19), for any days and any valid model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or <paramref name="step"/> is not a positive whole number of days.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="InvalidOperationException">The scorer's model set was made by <see cref="HealthModelSet.Create"/> and its selector returned <see langword="null"/>, or a model the set does not list, for a partner.</exception>
    public ImmutableArray<HealthReport> History(Partnership partnership, DateOnly from, DateOnly to, TimeSpan step, CancellationToken cancellationToken = default) =>
        Sweep<HealthReport, ReportAt>("history", partnership, from, to, step, context => new ReportAt(context, partnership.Partner.Id), cancellationToken);

    /// <summary>
    /// Scores a partnership at a fixed step over a range of days as <see cref="History"/> does, keeping only each day's
    /// score, confidence and band: for a sparkline or a trend over many partners, without a report per point.
    /// </summary>
    /// <param name="partnership">The partnership and its evidence.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day; the last point is the last step on or before it.</param>
    /// <param name="step">The step: whole days, at least one.</param>
    /// <param name="cancellationToken">Checked while the evidence is summed (every 256 items) and before each point.</param>
    /// <returns>One point per point of <see cref="History"/>, each its report's <see cref="HealthReport.Score"/>, <see cref="HealthReport.Confidence"/> and <see cref="HealthReport.Band"/> to the last bit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or <paramref name="step"/> is not a positive whole number of days.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="InvalidOperationException">The scorer's model set was made by <see cref="HealthModelSet.Create"/> and its selector returned <see langword="null"/>, or a model the set does not list, for a partner.</exception>
    public ImmutableArray<HealthPoint> Trend(Partnership partnership, DateOnly from, DateOnly to, TimeSpan step, CancellationToken cancellationToken = default) =>
        Sweep<HealthPoint, PointAt>("trend", partnership, from, to, step, context => new PointAt(context), cancellationToken);

    /// <summary>The points of a history, each made by <typeparamref name="TScore"/>: the arguments checked, the sweep run, and its <paramref name="operation"/> timed and counted.</summary>
    private ImmutableArray<T> Sweep<T, TScore>(string operation, Partnership partnership, DateOnly from, DateOnly to, TimeSpan step, Func<ScoringContext, TScore> score, CancellationToken cancellationToken)
        where TScore : struct, IPointScore<T>
    {
        ArgumentNullException.ThrowIfNull(partnership);
        Ensure.NotBefore(to, from, nameof(to), nameof(from));
        if (step < TimeSpan.FromDays(1) || step.Ticks % TimeSpan.TicksPerDay != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"'{nameof(step)}' must be a positive whole number of days; got {step.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        var days = (int)step.TotalDays;
        var points = ((to.DayNumber - from.DayNumber) / days) + 1;
        cancellationToken.ThrowIfCancellationRequested();
        using var timed = Telemetry.Start("partnermetrics.health." + operation, Telemetry.ScoreDuration, operation);
        timed?.Tag("partnermetrics.points", points);
        try
        {
            // The model set's choice is part of the operation: a caller's selector that throws fails it, as in ScoreAll.
            var context = ContextOf(partnership);
            var results = HistorySweep.Run<T, TScore>(partnership, context, from.DayNumber, days, points, score(context), cancellationToken);
            Telemetry.Scored(operation, results.Length);
            return ImmutableCollectionsMarshal.AsImmutableArray(results);
        }
        catch (Exception error) when (timed is not null && timed.Fail(error))
        {
            throw;
        }
    }

    /// <summary>A history's report at each point: the factors written into the report's arrays and assembled.</summary>
    private readonly struct ReportAt(ScoringContext context, PartnerId partnerId) : IPointScore<HealthReport>
    {
        public HealthReport At(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in ActivityDays weeks, ReadOnlySpan<HeldCertification> held)
        {
            List<HealthSignal>? signals = null;
            var arrays = FactorArrays.For(partnership, day);
            EvidenceSlots.Factors(partnership, day, tallies, weeks, held, context, DimensionFactors.Over(arrays), ref signals);
            return Assemble(context, partnerId, DateOnly.FromDayNumber(day), arrays, Sorted(signals));
        }
    }

    /// <summary>A trend's point: the factors written into a buffer on the stack and taken as far as the band (<see cref="HeadlineOf"/>).</summary>
    private readonly struct PointAt(ScoringContext context) : IPointScore<HealthPoint>
    {
        public HealthPoint At(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in ActivityDays weeks, ReadOnlySpan<HeldCertification> held)
        {
            Span<HealthFactor> buffer = stackalloc HealthFactor[EvidenceSlots.MaxFactors];
            var factors = DimensionFactors.In(buffer, partnership, day);

            // Like a headline, a point has no signals: those of certifications are written but not kept.
            List<HealthSignal>? signals = null;
            EvidenceSlots.Factors(partnership, day, tallies, weeks, held, context, factors, ref signals);
            var headline = HeadlineOf(context, factors);
            return new HealthPoint(DateOnly.FromDayNumber(day), headline.Score, headline.Confidence, headline.Band);
        }
    }

    /// <summary>Scores every partnership of a portfolio as of a day, on all cores.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the scoring: no partnership is started once it is canceled.</param>
    /// <returns>One report per partnership, in the portfolio's order; equal whatever the number of threads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="InvalidOperationException">The scorer's model set was made by <see cref="HealthModelSet.Create"/> and its selector returned <see langword="null"/>, or a model the set does not list, for a partner.</exception>
    /// <remarks>
    /// <para>Whatever a score throws (a model selector of a <see cref="HealthModelSet"/> is the caller's code) is thrown as itself, for the first partnership in the portfolio's order that fails, as a loop over <see cref="Score"/> would throw it.</para>
    /// <para>Every report (about 2.3 KB at 100 evidence items) is kept until the call returns, so over a large portfolio the garbage collector promotes them all: the server collector, or scoring a batch at a time and dropping each batch's reports, costs less (docs/benchmarks.md, "Portfolio").</para>
    /// </remarks>
    public ImmutableArray<HealthReport> ScoreAll(Portfolio portfolio, DateOnly asOf, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, $"'{nameof(maxDegreeOfParallelism)}' must be -1 (all cores) or positive; got {maxDegreeOfParallelism}.");
        }

        var partnerships = portfolio.Partnerships;
        var reports = new HealthReport[partnerships.Length];
        using var operation = Telemetry.Start("partnermetrics.health.score_all", Telemetry.ScoreDuration, "score_all");
        operation?.Tag("partnermetrics.partnerships", partnerships.Length);
        try
        {
            // Each report lands at its partnership's index: the result does not depend on scheduling. A failure (a
            // caller's model selector that throws) is the first partnership's in order, as itself, not an AggregateException.
            ParallelParts.Run(partnerships.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i => reports[i] = ScoreUncounted(partnerships[i], asOf));
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }

        Telemetry.Scored("score_all", reports.Length);
        return ImmutableCollectionsMarshal.AsImmutableArray(reports);
    }

    /// <summary>Explains the change of a partnership's score between two days (DOMAIN section 3.3: "why did it drop?").</summary>
    /// <param name="partnership">The partnership and its evidence.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The second day (before or after <paramref name="from"/>).</param>
    /// <returns>Both reports and each factor's share of the change; the shares add up to the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The scorer's model set was made by <see cref="HealthModelSet.Create"/> and its selector returned <see langword="null"/>, or a model the set does not list, for a partner.</exception>
    public HealthDelta Compare(Partnership partnership, DateOnly from, DateOnly to) =>
        new(Score(partnership, from), Score(partnership, to));

    /// <summary>
    /// The overall score: the weighted mean of the present dimension scores (NaN marks an absent
    /// dimension), clamped to [0, 100]; 0 when no weighted dimension is present. The one home of
    /// this formula: <see cref="Assemble"/> and the weight fit of <c>Validation.Backtest</c> both read it.
    /// </summary>
    internal static double OverallScore(ReadOnlySpan<double> dimensionScores, ReadOnlySpan<double> weights)
    {
        Span<double> present = stackalloc double[weights.Length];
        return WeightedScore(dimensionScores, present, PresentWeights(dimensionScores, weights, present));
    }

    /// <summary>
    /// Writes each present dimension's weight (positive, with a score) times the power of two that brings the largest
    /// present one into [1, 2), and 0 for the others; returns their sum. Scaled among the present dimensions only, so that
    /// none rounds to 0 beside an absent one up to 2²⁰⁹⁸ times heavier (<see cref="double.MaxValue"/> against
    /// <see cref="double.Epsilon"/>); a power of two changes no ratio, so any other scale gives the same score to the bit.
    /// </summary>
    private static double PresentWeights(ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, Span<double> into)
    {
        var exponent = PresentScale(scores, weights);
        var sum = 0.0;
        for (var d = 0; d < weights.Length; d++)
        {
            into[d] = weights[d] > 0 && !double.IsNaN(scores[d]) ? Math.ScaleB(weights[d], exponent) : 0.0;
            sum += into[d];
        }

        return sum;
    }

    /// <summary>
    /// The power of two that brings the largest weight of a present value — a positive weight, a value that is not NaN —
    /// into [1, 2); 0 when none is present. The scale of <see cref="PresentWeights"/> and <see cref="DimensionScore"/>.
    /// </summary>
    internal static int PresentScale(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var largest = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            largest = weights[i] > 0 && !double.IsNaN(values[i]) ? Math.Max(largest, weights[i]) : largest;
        }

        return largest > 0 ? -Math.ILogB(largest) : 0;
    }

    /// <summary>Σ w·s ÷ Σ w over the present dimensions (<see cref="PresentWeights"/>), clamped to [0, 100]; 0 when none is.</summary>
    private static double WeightedScore(ReadOnlySpan<double> scores, ReadOnlySpan<double> present, double presentWeight)
    {
        if (presentWeight == 0)
        {
            return 0.0;
        }

        var weightedScore = 0.0;
        for (var d = 0; d < scores.Length; d++)
        {
            if (present[d] > 0)
            {
                weightedScore += present[d] * scores[d];
            }
        }

        return Math.Clamp(weightedScore / presentWeight, 0.0, 100.0);
    }

    /// <summary>
    /// Scales weights by a power of two so that the largest lies in [1, 2): exact for every weight that
    /// stays normal, so a result depends only on ratios of weights however large (up to
    /// <see cref="double.MaxValue"/>) or small (down to <see cref="double.Epsilon"/>) they are, and
    /// no sum of weights overflows or underflows.
    /// </summary>
    internal static void ScaleWeights(Span<double> weights)
    {
        var largest = 0.0;
        foreach (var weight in weights)
        {
            largest = Math.Max(largest, weight);
        }

        // Weights already scaled (the largest in [1, 2)) are left as they are: ScaleB by 2⁰ is the identity.
        if (largest > 0 && Math.ILogB(largest) is not 0 and var exponent)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = Math.ScaleB(weights[i], -exponent);
            }
        }
    }

    /// <summary>Fills <paramref name="scaled"/> with the present factors' weights times the power of two that brings the largest present one into [1, 2) (as <see cref="ScaleWeights"/>), and 0 for absent factors, so that no sum of them overflows or underflows.</summary>
    private static void Scale(ReadOnlySpan<HealthFactor> factors, Span<double> scaled)
    {
        // By the largest present weight: an absent factor far heavier (a vacuous coverage) must not round the present ones to 0.
        var largest = 0.0;
        foreach (ref readonly var factor in factors)
        {
            largest = factor.IsPresent ? Math.Max(largest, factor.Weight) : largest;
        }

        var scale = largest > 0 ? -Math.ILogB(largest) : 0;
        if (scale is >= 0 and <= 1023)
        {
            // Up by 2^scale, which is a double: the product is exact, as ScaleB's is, for the largest stays below 2.
            var power = BitConverter.Int64BitsToDouble((long)(1023 + scale) << 52);
            for (var i = 0; i < factors.Length; i++)
            {
                scaled[i] = factors[i].IsPresent ? factors[i].Weight * power : 0.0;
            }

            return;
        }

        for (var i = 0; i < factors.Length; i++)
        {
            scaled[i] = factors[i].IsPresent ? Math.ScaleB(factors[i].Weight, scale) : 0.0;
        }
    }

    /// <summary>
    /// One pass over a dimension's factors, their weights scaled (<see cref="Scale"/>): over the present factors whose
    /// scaled weight is positive, their weighted mean (<see cref="WeightedMean"/>: Σ w is what the dimension's
    /// confidence and variance divide by, Σ w·v what its points are attributed in proportion to) and Σ w·c (its
    /// confidence). A present factor whose weight scales to 0 would add exact zeros to every sum.
    /// </summary>
    private static FactorSums Gather(HealthDimension dimension, ReadOnlySpan<HealthFactor> factors, ReadOnlySpan<double> scaled)
    {
        var sums = default(FactorSums);
        for (var i = 0; i < factors.Length; i++)
        {
            ref readonly var factor = ref factors[i];
            if (factor.Value is { } value && scaled[i] > 0)
            {
                sums.Mean.Add(dimension, scaled[i], value);
                sums.WeightedConfidence += scaled[i] * factor.Confidence;
            }
        }

        return sums;
    }

    /// <summary>
    /// 100 × the weighted mean (geometric for trust) of the factor values that are present — not NaN,
    /// with a positive weight; NaN when none is: <see cref="WeightedMean"/> over weights scaled as
    /// <see cref="ScaleWeights"/> does. The factor weight fit of <c>Validation.Backtest</c> reads it; reports
    /// add to the same mean as they gather their factors.
    /// </summary>
    internal static double DimensionScore(HealthDimension dimension, ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var scale = PresentScale(values, weights);
        var mean = default(WeightedMean);
        for (var i = 0; i < values.Length; i++)
        {
            if (weights[i] > 0 && !double.IsNaN(values[i]))
            {
                mean.Add(dimension, scale == 0 ? weights[i] : Math.ScaleB(weights[i], scale), values[i]);
            }
        }

        return mean.Score(dimension);
    }

    /// <summary>
    /// The standard deviation behind a report's interval, from its dimensions as they were reported: each dimension's
    /// variance (<see cref="VarianceOf"/>, its factors' weights scaled as the report scaled them) times its share squared,
    /// in the order and with the arithmetic of the report itself, so that the report's own dimensions give its own
    /// interval to the bit. Reading a report's JSON checks the interval with it.
    /// </summary>
    internal static double Deviation(ReadOnlySpan<DimensionScore> dimensions)
    {
        Span<double> all = stackalloc double[EvidenceSlots.MaxFactors];
        var variance = 0.0;
        foreach (var dimension in dimensions)
        {
            // A dimension has at most MaxFactors factors: a report's reader has checked each dimension's list.
            var factors = dimension.Factors.AsSpan();
            var scaled = all[..factors.Length];
            Scale(factors, scaled);
            var sums = Gather(dimension.Dimension, factors, scaled);
            variance += ShareOfVariance(dimension.Dimension, factors, scaled, sums.Mean.WeightSum, dimension.Score ?? double.NaN, dimension.Share);
        }

        return Math.Sqrt(variance);
    }

    /// <summary>
    /// A dimension's part of the variance of the overall score: its share squared times its variance (<see cref="VarianceOf"/>).
    /// A share whose square rounds to 0 adds nothing: its dimension's variance may be infinite (trust's slope at a value
    /// near 0), and 0 × ∞ would make the interval NaN.
    /// </summary>
    private static double ShareOfVariance(HealthDimension dimension, ReadOnlySpan<HealthFactor> factors, ReadOnlySpan<double> scaled, double weightSum, double score, double share) =>
        share * share > 0 ? share * share * VarianceOf(dimension, factors, scaled, weightSum, score) : 0.0;

    /// <summary>
    /// The variance of a dimension score from its factors' posterior variances, by the delta method: the
    /// slope of 100 × the weighted mean in a factor is 100·w/Σw; of the weighted geometric mean (trust),
    /// 100·(w/Σw)·T/v.
    /// </summary>
    private static double VarianceOf(HealthDimension dimension, ReadOnlySpan<HealthFactor> factors, ReadOnlySpan<double> scaled, double weightSum, double score)
    {
        var sum = 0.0;
        for (var i = 0; i < factors.Length; i++)
        {
            ref readonly var factor = ref factors[i];
            if (factor.Value is { } value && factor.Variance > 0)
            {
                var slope = 100.0 * scaled[i] / weightSum;
                if (dimension == HealthDimension.Trust)
                {
                    slope = value > 0 ? slope * score / (100.0 * value) : 0.0;
                }

                sum += slope * slope * factor.Variance;
            }
        }

        return sum;
    }

    /// <summary>Splits a dimension's points over its present factors in proportion to weight × value.</summary>
    /// <param name="factors">The dimension's factors.</param>
    /// <param name="scaled">Their scaled weights.</param>
    /// <param name="total">Σ w·v over the present factors (<see cref="Gather"/>).</param>
    /// <param name="points">The dimension's points.</param>
    private static void Attribute(Span<HealthFactor> factors, ReadOnlySpan<double> scaled, double total, double points)
    {
        for (var i = 0; i < factors.Length; i++)
        {
            var share = total > 0 ? scaled[i] * (factors[i].Value ?? 0.0) / total : 0.0;
            HealthFactor.SetContribution(ref factors[i], points * share);
        }
    }

    /// <summary>A dimension's sums over its present factors (<see cref="Gather"/>).</summary>
    private struct FactorSums
    {
        public WeightedMean Mean;
        public double WeightedConfidence;
    }

    /// <summary>What <see cref="Total"/> computes from the factors, for a report or a headline.</summary>
    private struct Totals
    {
        /// <summary>Where each dimension's scaled weights begin, and, at <see cref="DimensionCount"/>, where the last ends.</summary>
        public DimensionOffsets Offsets;

        public DimensionValues<FactorSums> Sums;

        /// <summary>Each dimension's score; NaN when none of its factors is present.</summary>
        public DimensionValues<double> Scores;

        public DimensionValues<double> Confidences;

        /// <summary>Each present dimension's weight, scaled among the present ones (<see cref="PresentWeights"/>); 0 for the others.</summary>
        public DimensionValues<double> PresentWeights;

        /// <summary>The sum of <see cref="PresentWeights"/>.</summary>
        public double PresentWeight;

        public double Overall;

        public double Confidence;
    }

    /// <summary>One value per dimension, held inline.</summary>
    [InlineArray(DimensionCount)]
    private struct DimensionValues<T>
    {
        private T element;
    }

    /// <summary>One offset per dimension and one past the last, held inline.</summary>
    [InlineArray(DimensionCount + 1)]
    private struct DimensionOffsets
    {
        private int element;
    }

    /// <summary>
    /// 100 × the weighted mean (geometric for trust) of factor values, added one by one: the one home of the
    /// dimension score, which reports (<see cref="Gather"/>) and <see cref="DimensionScore"/> read.
    /// </summary>
    private struct WeightedMean
    {
        /// <summary>Σ w.</summary>
        public double WeightSum;

        /// <summary>Σ w·v.</summary>
        public double Sum;

        private double logSum;
        private double single;
        private int present;

        /// <summary>Adds a present value with its (scaled, positive) weight.</summary>
        public void Add(HealthDimension dimension, double weight, double value)
        {
            present++;
            single = value;
            WeightSum += weight;
            Sum += weight * value;
            if (dimension == HealthDimension.Trust)
            {
                logSum += weight * Math.Log(value);
            }
        }

        /// <summary>The score: NaN when no value was added; the value itself when one was.</summary>
        public readonly double Score(HealthDimension dimension)
        {
            if (present == 0)
            {
                return double.NaN;
            }

            var mean = present == 1 ? single
                : dimension == HealthDimension.Trust ? Math.Exp(logSum / WeightSum)
                : Sum / WeightSum;
            return 100.0 * Math.Clamp(mean, 0.0, 1.0);
        }
    }
}
