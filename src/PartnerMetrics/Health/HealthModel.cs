using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>
/// Every setting of health scoring in one immutable, validated value: weights, half-lives, priors,
/// loss aversion, grace period, κ, band thresholds and targets (DOMAIN section 3).
/// </summary>
/// <remarks>
/// Start from <see cref="Default"/> and change what you need with a <see langword="with"/>
/// expression; each setting validates as it is set, and the weight and band groups validate as a
/// whole in their constructors, so an invalid model cannot be built. The JSON form
/// (<see cref="PartnerMetricsJson"/>) writes every setting; a document may give only the settings it
/// changes, the rest coming from <see cref="Default"/>.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<HealthModel, HealthModelDocument>))]
public sealed record HealthModel
{
    private readonly EquatableArray<KeyValuePair<string, double>> priorMeans = EquatableArray<KeyValuePair<string, double>>.Empty;

    /// <summary>Gets the model of DOMAIN.md: the defaults listed on each setting.</summary>
    public static HealthModel Default { get; } = new();

    /// <summary>The most characters <see cref="Name"/> and <see cref="Version"/> may have.</summary>
    internal const int MaxLabelLength = 100;

    /// <summary>
    /// Gets the name of the model, such as "referral" for the model of Referral partners; every
    /// <see cref="HealthReport"/> names the model that scored it (<see cref="HealthReport.ModelName"/>).
    /// </summary>
    /// <value>Default "default". Not empty or whitespace, no control characters, at most 100 characters.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is empty or whitespace, contains a control character, or is longer than 100 characters.</exception>
    public string Name { get; init => field = Label(value, nameof(Name)); } = "default";

    /// <summary>
    /// Gets the version of the model: change it with any setting, so that a stored report says which
    /// revision of its model scored it (<see cref="HealthReport.ModelVersion"/>).
    /// </summary>
    /// <value>Default "2.6". Not empty or whitespace, no control characters, at most 100 characters.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is empty or whitespace, contains a control character, or is longer than 100 characters.</exception>
    public string Version { get; init => field = Label(value, nameof(Version)); } = "2.6";

    /// <summary>Gets the weight of each dimension in the overall score.</summary>
    /// <value>Default <see cref="Health.DimensionWeights.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public DimensionWeights DimensionWeights { get; init => field = Ensure.NotNull(value, nameof(DimensionWeights)); } = DimensionWeights.Default;

    /// <summary>Gets the factor weights of competency.</summary>
    /// <value>Default <see cref="Health.CompetencyWeights.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public CompetencyWeights CompetencyWeights { get; init => field = Ensure.NotNull(value, nameof(CompetencyWeights)); } = CompetencyWeights.Default;

    /// <summary>Gets the factor weights of co-operation.</summary>
    /// <value>Default <see cref="Health.CooperationWeights.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public CooperationWeights CooperationWeights { get; init => field = Ensure.NotNull(value, nameof(CooperationWeights)); } = CooperationWeights.Default;

    /// <summary>Gets the factor weights of plan alignment.</summary>
    /// <value>Default <see cref="Health.PlanWeights.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public PlanWeights PlanWeights { get; init => field = Ensure.NotNull(value, nameof(PlanWeights)); } = PlanWeights.Default;

    /// <summary>Gets the factor weights of tracked progress.</summary>
    /// <value>Default <see cref="Health.ProgressWeights.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ProgressWeights ProgressWeights { get; init => field = Ensure.NotNull(value, nameof(ProgressWeights)); } = ProgressWeights.Default;

    /// <summary>Gets the band thresholds and the minimum confidence.</summary>
    /// <value>Default <see cref="Health.BandThresholds.Default"/>: Healthy ≥ 70, Watch ≥ 40, minimum confidence 0.25.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public BandThresholds Bands { get; init => field = Ensure.NotNull(value, nameof(Bands)); } = BandThresholds.Default;

    /// <summary>Gets the half-life of trust evidence (commitments): evidence this old weighs half.</summary>
    /// <value>Default 180 days.</value>
    public TimeSpan TrustHalfLife { get; init => field = Positive(value, nameof(TrustHalfLife)); } = TimeSpan.FromDays(180);

    /// <summary>Gets the half-life of competency evidence (deliveries).</summary>
    /// <value>Default 365 days.</value>
    public TimeSpan CompetencyHalfLife { get; init => field = Positive(value, nameof(CompetencyHalfLife)); } = TimeSpan.FromDays(365);

    /// <summary>Gets the half-life of co-operation evidence (interactions).</summary>
    /// <value>Default 90 days.</value>
    public TimeSpan CooperationHalfLife { get; init => field = Positive(value, nameof(CooperationHalfLife)); } = TimeSpan.FromDays(90);

    /// <summary>Gets the half-life of tracked-progress evidence (opportunities).</summary>
    /// <value>Default 90 days.</value>
    public TimeSpan TrackedProgressHalfLife { get; init => field = Positive(value, nameof(TrackedProgressHalfLife)); } = TimeSpan.FromDays(90);

    /// <summary>
    /// Gets the half-life of escalations, a rare event: with the co-operation half-life of 90 days,
    /// quarterly escalations resolved on time would never lift friction handling far from its prior.
    /// </summary>
    /// <value>Default 365 days.</value>
    public TimeSpan EscalationHalfLife { get; init => field = Positive(value, nameof(EscalationHalfLife)); } = TimeSpan.FromDays(365);

    /// <summary>
    /// Gets the age at which a partnership's facts (coverage, the plan, weekly cadence) are certain:
    /// a fact's certainty is min(1, days since the start ÷ maturity). No plan on day 3 says little;
    /// no plan after a year says a lot.
    /// </summary>
    /// <value>Default 90 days.</value>
    public TimeSpan FactMaturity { get; init => field = Positive(value, nameof(FactMaturity)); } = TimeSpan.FromDays(90);

    /// <summary>Gets α, the prior count of positive evidence in every Beta-mean rate (seed 003: "too small proof of concept").</summary>
    /// <value>Default 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number, or α + β, the prior's strength, is not finite.</exception>
    public double PriorPositive { get; init => field = PriorCount(value, nameof(PriorPositive), PriorNegative, nameof(PriorNegative)); } = 1.0;

    /// <summary>Gets β, the prior count of negative evidence in every Beta-mean rate.</summary>
    /// <value>Default 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number, or α + β, the prior's strength, is not finite.</exception>
    public double PriorNegative { get; init => field = PriorCount(value, nameof(PriorNegative), PriorPositive, nameof(PriorPositive)); } = 1.0;

    /// <summary>
    /// Gets the prior mean of individual rate factors, by factor code, where it differs from
    /// α ÷ (α + β) (DOMAIN section 3.1: "settable per factor, and derivable from a portfolio"). The
    /// prior's strength stays α + β. Keys are the codes of the rate factors in <see cref="FactorCodes"/>
    /// other than reciprocity (a balance, whose partner share always has the prior mean 0.5, at the strength α + β); values lie
    /// strictly between 0 and 1. Empty by default; see <see cref="WithPriorsFrom"/>.
    /// </summary>
    /// <value>Default empty: every rate's prior mean is α ÷ (α + β).</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is not such a code, or a value is not strictly between 0 and 1.</exception>
    public IReadOnlyDictionary<string, double> PriorMeans
    {
        get => priorMeans.Items.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        init => priorMeans = CheckPriorMeans(value, nameof(PriorMeans));
    }

    /// <summary>Gets λ, how much more a broken commitment weighs than a kept one ("trust is lost faster than it is gained"); at least 1.</summary>
    /// <value>Default 2.5.</value>
    public double LossAversion { get; init => field = AtLeastOne(value, nameof(LossAversion)); } = 2.5;

    /// <summary>Gets how long an open commitment may be overdue before it counts as broken.</summary>
    /// <value>Default 14 days.</value>
    public TimeSpan GracePeriod { get; init => field = NotNegative(value, nameof(GracePeriod)); } = TimeSpan.FromDays(14);

    /// <summary>Gets κ, the evidence weight at which a factor's confidence e / (e + κ) reaches one half.</summary>
    /// <value>Default 5.</value>
    public double Kappa { get; init => field = PositiveFinite(value, nameof(Kappa)); } = 5.0;

    /// <summary>Gets the time within which a request should be answered: a vendor request by the partner, a partner request by the vendor.</summary>
    /// <value>Default 2 days.</value>
    public TimeSpan ResponseTarget { get; init => field = Positive(value, nameof(ResponseTarget)); } = TimeSpan.FromDays(2);

    /// <summary>Gets the time within which an escalation should be resolved.</summary>
    /// <value>Default 14 days.</value>
    public TimeSpan ResolutionTarget { get; init => field = Positive(value, nameof(ResolutionTarget)); } = TimeSpan.FromDays(14);

    /// <summary>Gets the customer satisfaction, in [0, 1], at or above which an on-time delivery counts as a success.</summary>
    /// <value>Default 0.7.</value>
    public double SatisfactionThreshold { get; init => field = Ensure.UnitInterval(value, nameof(SatisfactionThreshold)); } = 0.7;

    /// <summary>Gets how far ahead an expiring required certification is signalled.</summary>
    /// <value>Default 60 days.</value>
    public TimeSpan ExpiryWarning { get; init => field = NotNegative(value, nameof(ExpiryWarning)); } = TimeSpan.FromDays(60);

    /// <summary>Gets how soon after it originates a deal should be registered in the CRM.</summary>
    /// <value>Default 7 days.</value>
    public TimeSpan RegistrationWindow { get; init => field = NotNegative(value, nameof(RegistrationWindow)); } = TimeSpan.FromDays(7);

    /// <summary>Gets how recently an open deal should have been updated to count as fresh.</summary>
    /// <value>Default 14 days.</value>
    public TimeSpan UpdateWindow { get; init => field = NotNegative(value, nameof(UpdateWindow)); } = TimeSpan.FromDays(14);

    /// <summary>Gets how many recent weeks the weekly-cadence factor looks at, from 1 to 52.</summary>
    /// <value>Default 12.</value>
    public int CadenceWeeks
    {
        get;
        init => field = value is >= 1 and <= 52
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CadenceWeeks), value, $"'{nameof(CadenceWeeks)}' must be from 1 to 52; got {value}.");
    } = 12;

    /// <summary>Gets the recent window of momentum: its activity rate is compared with the baseline before it (seed 004: "Inertia happens … do NOT stop").</summary>
    /// <value>Default 30 days.</value>
    public TimeSpan MomentumWindow { get; init => field = Positive(value, nameof(MomentumWindow)); } = TimeSpan.FromDays(30);

    /// <summary>Gets the baseline window of momentum, just before the recent window.</summary>
    /// <value>Default 90 days.</value>
    public TimeSpan MomentumBaseline { get; init => field = Positive(value, nameof(MomentumBaseline)); } = TimeSpan.FromDays(90);

    /// <summary>Gets the ratio of recent to baseline activity rate at or above which momentum is Accelerating; at least 1.</summary>
    /// <value>Default 1.25.</value>
    public double AcceleratingRatio { get; init => field = AtLeastOne(value, nameof(AcceleratingRatio)); } = 1.25;

    /// <summary>Gets the ratio of recent to baseline activity rate at or below which momentum is Slowing, in (0, 1].</summary>
    /// <value>Default 0.75.</value>
    public double SlowingRatio
    {
        get;
        init => field = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SlowingRatio), value, $"'{nameof(SlowingRatio)}' must be in (0, 1]; got {value.ToString(CultureInfo.InvariantCulture)}.");
    } = 0.75;

    /// <summary>
    /// Gets a value that nothing reads any more: next actions were once "the factor at this target"; they are now concrete
    /// changes to the evidence, re-scored (DOMAIN section 3.3). Kept, still validated, so that model files that set it load.
    /// </summary>
    /// <value>Default 0.8.</value>
    [Obsolete("Next actions are concrete changes to the evidence, re-scored (DOMAIN section 3.3); no action aims for a factor target, and this value is not read.")]
    public double RecommendationTarget
    {
        get;
        init => field = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RecommendationTarget), value, $"'{nameof(RecommendationTarget)}' must be in (0, 1]; got {value.ToString(CultureInfo.InvariantCulture)}.");
    } = 0.8;

    /// <summary>Gets the half-life of a dimension's evidence, or <see langword="null"/> for plan alignment, whose freshness follows the plan's own review cadence.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The half-life.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined dimension.</exception>
    public TimeSpan? HalfLife(HealthDimension dimension) => Ensure.Defined(dimension, nameof(dimension)) switch
    {
        HealthDimension.Trust => TrustHalfLife,
        HealthDimension.Competency => CompetencyHalfLife,
        HealthDimension.Cooperation => CooperationHalfLife,
        HealthDimension.TrackedProgress => TrackedProgressHalfLife,
        _ => null,
    };

    /// <summary>Gets the prior mean of a rate factor: its entry in <see cref="PriorMeans"/>, else α ÷ (α + β).</summary>
    /// <param name="code">A factor code.</param>
    /// <returns>The prior mean, in (0, 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not the code of a rate factor whose prior a model sets (every rate but reciprocity, whose prior is 0.5).</exception>
    public double PriorMeanOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!FactorCatalog.IsSettablePrior(code))
        {
            throw new ArgumentException($"'{nameof(code)}' must be the code of a rate factor other than reciprocity; got '{code}'.", nameof(code));
        }

        foreach (var (key, mean) in priorMeans.Items)
        {
            if (string.Equals(key, code, StringComparison.Ordinal))
            {
                return mean;
            }
        }

        return PriorPositive / (PriorPositive + PriorNegative);
    }

    /// <summary>
    /// This model with each rate factor's prior mean learnt from a portfolio (DOMAIN section 3.1): the
    /// posterior of the portfolio's pooled evidence as of <paramref name="asOf"/>,
    /// (Σp + s·m) ÷ (Σp + Σn + s), with this model's recency weights, prior mean m and strength
    /// s = α + β. A factor with no evidence anywhere in the portfolio keeps its prior. A new partner is
    /// then judged against what is usual in this portfolio rather than against 0.5.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A posterior that rounds to 0 or to 1 — with a strength far below the evidence, or a loss aversion so large that
    /// broken promises outweigh everything — is set to the nearest value strictly between them, as <see cref="PriorMeans"/>
    /// requires; the result is always a valid model.
    /// </para>
    /// <para>
    /// The evidence is summed in the order of the partner ids, so the portfolio's order does not change the result (sums
    /// of doubles depend on their order). The result's <see cref="Version"/> is this model's followed by <c>+priors.</c>
    /// and eight hexadecimal digits of its prior means ("2.6+priors.3f09a1c2"): a report says it was scored with learnt
    /// priors, and models learnt from different evidence differ in version, as a <see cref="HealthModelSet"/> requires.
    /// When that would pass the version's 100 characters, it is this model's version cut to make room. A portfolio
    /// without evidence of any rate leaves the model as it is, version included.
    /// </para>
    /// </remarks>
    /// <param name="portfolio">The portfolio whose evidence sets the priors.</param>
    /// <param name="asOf">The day; later evidence is ignored.</param>
    /// <returns>
    /// The same model with <see cref="PriorMeans"/> set for every rate factor that has evidence in the portfolio (the others
    /// keep their entry, or none), and its version marked.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> is <see langword="null"/>.</exception>
    public HealthModel WithPriorsFrom(Portfolio portfolio, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var scorer = new HealthScorer(this);
        var sums = new Dictionary<string, (double Successes, double Failures)>(StringComparer.Ordinal);
        foreach (var partnership in portfolio.Partnerships.OrderBy(p => p.Partner.Id.Value, StringComparer.Ordinal))
        {
            // Not counted as a score (docs/observability.md): learning priors derives a model, it reports on no partnership.
            foreach (var factor in scorer.ScoreUncounted(partnership, asOf).Factors)
            {
                if (FactorCatalog.IsSettablePrior(factor.Code))
                {
                    var (p, n) = sums.GetValueOrDefault(factor.Code);
                    sums[factor.Code] = (p + factor.Successes, n + factor.Failures);
                }
            }
        }

        var strength = PriorPositive + PriorNegative;
        var means = new Dictionary<string, double>(PriorMeans, StringComparer.Ordinal);
        foreach (var (code, (p, n)) in sums)
        {
            if (p + n > 0)
            {
                var prior = PriorMeanOf(code);
                var mean = double.IsFinite(p + n + strength)
                    ? (p + (strength * prior)) / (p + n + strength)
                    : ((p / 2) + (strength / 2 * prior)) / ((p / 2) + (n / 2) + (strength / 2));

                // A posterior that rounds to 0 or 1 (a tiny strength, a vast loss aversion) stays strictly inside, as a prior mean must.
                means[code] = Math.Clamp(mean, double.Epsilon, Math.BitDecrement(1.0));
            }
        }

        // Nothing learnt (no evidence of any rate), nothing changed: the same model, under its own version.
        return sums.Values.Any(sum => sum.Successes + sum.Failures > 0) ? this with { PriorMeans = means, Version = PriorsVersion(Version, means) } : this;
    }

    /// <summary>The version of a model with learnt priors: its own, then <c>+priors.</c> and an FNV-1a hash of the means in code order.</summary>
    private static string PriorsVersion(string version, Dictionary<string, double> means) =>
        DerivedVersion(version, "priors", means.OrderBy(m => m.Key, StringComparer.Ordinal));

    /// <summary>
    /// The version of a model learnt from another (<paramref name="kind"/>: <c>priors</c> from a portfolio, <c>fit</c> from
    /// outcomes): the other's version, then <c>+kind.</c> and eight hexadecimal digits of an FNV-1a hash of the learnt values
    /// in the order given, the other's version cut so that the whole stays a valid label.
    /// </summary>
    internal static string DerivedVersion(string version, string kind, IEnumerable<KeyValuePair<string, double>> values)
    {
        var hash = 2166136261u;
        foreach (var (code, value) in values)
        {
            foreach (var c in code)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            var bits = BitConverter.DoubleToUInt64Bits(value);
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = unchecked((hash ^ (byte)(bits >> shift)) * 16777619u);
            }
        }

        var suffix = string.Create(CultureInfo.InvariantCulture, $"+{kind}.{hash:x8}");
        var kept = Math.Min(version.Length, MaxLabelLength - suffix.Length);
        kept -= kept < version.Length && char.IsHighSurrogate(version[kept - 1]) ? 1 : 0;
        return version[..kept] + suffix;
    }

    private static EquatableArray<KeyValuePair<string, double>> CheckPriorMeans(IReadOnlyDictionary<string, double> means, string name)
    {
        Ensure.NotNull(means, name);
        foreach (var (code, mean) in means)
        {
            if (!FactorCatalog.IsSettablePrior(code))
            {
                throw new ArgumentException($"'{name}' keys must be the codes of rate factors other than reciprocity; got '{code}'.", name);
            }

            if (!(mean > 0 && mean < 1))
            {
                throw new ArgumentOutOfRangeException(name, mean, $"'{name}' values must lie strictly between 0 and 1; got {mean.ToString(CultureInfo.InvariantCulture)} for '{code}'.");
            }
        }

        return new EquatableArray<KeyValuePair<string, double>>([.. means.OrderBy(p => p.Key, StringComparer.Ordinal)]);
    }

    /// <summary>A name or version: printable text that a report or a log line can carry.</summary>
    internal static string Label(string? value, string name)
    {
        var text = Ensure.Text(value, name);
        if (text.Length > MaxLabelLength)
        {
            throw new ArgumentException($"'{name}' must be at most {MaxLabelLength} characters; got {text.Length} characters starting '{Escape(text[..20])}…'.", name);
        }

        if (text.Any(char.IsControl))
        {
            throw new ArgumentException($"'{name}' must not contain control characters; got '{Escape(text)}'.", name);
        }

        return text;
    }

    /// <summary>Shows each control character as \uXXXX, so that a message quoting a value prints on one line.</summary>
    private static string Escape(string value)
    {
        var shown = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = char.IsControl(c) ? shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : shown.Append(c);
        }

        return shown.ToString();
    }

    private static TimeSpan Positive(TimeSpan value, string name) => value > TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be positive; got {Show(value)}.");

    private static TimeSpan NotNegative(TimeSpan value, string name) => value >= TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must not be negative; got {Show(value)}.");

    private static double PositiveFinite(double value, string name) => value > 0 && double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a positive finite number; got {value.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>
    /// α or β: positive and finite, and finite when added to the other (whichever is set last sees the other's final
    /// value), for every posterior and prior mean divides by the strength α + β.
    /// </summary>
    private static double PriorCount(double value, string name, double other, string otherName) =>
        double.IsFinite(PositiveFinite(value, name) + other)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"'{name}' plus '{otherName}' (the prior's strength) must be finite; got {value.ToString(CultureInfo.InvariantCulture)} with '{otherName}' {other.ToString(CultureInfo.InvariantCulture)}.");

    private static double AtLeastOne(double value, string name) => value >= 1 && double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at least 1; got {value.ToString(CultureInfo.InvariantCulture)}.");

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
