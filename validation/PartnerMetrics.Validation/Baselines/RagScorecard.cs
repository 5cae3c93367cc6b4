using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation.Baselines;

/// <summary>A traffic-light status of a scorecard measure or of the whole scorecard.</summary>
public enum Rag
{
    /// <summary>Red: act now.</summary>
    Red,

    /// <summary>Amber: watch.</summary>
    Amber,

    /// <summary>Green: fine.</summary>
    Green,
}

/// <summary>One measure of the <see cref="RagScorecard"/>: what it reads and where its thresholds are.</summary>
/// <param name="Name">The measure's name.</param>
/// <param name="Green">When the measure is green, in words.</param>
/// <param name="Amber">When it is amber, in words.</param>
/// <param name="Red">When it is red, in words.</param>
/// <param name="Status">The measure's status for a partnership on a day.</param>
public sealed record ScorecardMeasure(string Name, string Green, string Amber, string Red, Func<Partnership, DateOnly, Rag> Status);

/// <summary>
/// A red/amber/green health scorecard of the kind customer-success tools let an administrator
/// configure: four measures, each green (25 points), amber (10) or red (0); the total of 0–100 is
/// Green from 70, Amber from 40, Red below. Red maps to <see cref="HealthBand.AtRisk"/>, Amber to
/// <see cref="HealthBand.Watch"/>, Green to <see cref="HealthBand.Healthy"/>.
/// </summary>
public static class RagScorecard
{
    /// <summary>Points for a green measure.</summary>
    public const int GreenPoints = 25;

    /// <summary>Points for an amber measure.</summary>
    public const int AmberPoints = 10;

    /// <summary>The total from which the scorecard is green.</summary>
    public const int GreenFrom = 70;

    /// <summary>The total from which the scorecard is amber.</summary>
    public const int AmberFrom = 40;

    /// <summary>Gets the four measures, in the order a CS tool would show them.</summary>
    public static ImmutableArray<ScorecardMeasure> Measures { get; } =
    [
        new(
            "Logged activity, last 90 days",
            "12 or more interactions",
            "4 to 11",
            "fewer than 4",
            (p, day) => SimpleSignals.ActivityLast90Days(p, day) switch
            {
                >= 12 => Rag.Green,
                >= 4 => Rag.Amber,
                _ => Rag.Red,
            }),
        new(
            "Partner commitments kept, last 365 days",
            "80 % or more kept",
            "60 % to 80 %, or none resolved",
            "below 60 %",
            (p, day) =>
            {
                var (kept, broken) = SimpleSignals.PartnerResolutions(p, day.AddDays(-364), day);
                if (kept + broken == 0)
                {
                    return Rag.Amber;
                }

                var rate = (double)kept / (kept + broken);
                return rate >= 0.8 ? Rag.Green : rate >= 0.6 ? Rag.Amber : Rag.Red;
            }),
        new(
            "Open escalations",
            "none",
            "one",
            "two or more",
            (p, day) => OpenEscalations(p, day) switch
            {
                0 => Rag.Green,
                1 => Rag.Amber,
                _ => Rag.Red,
            }),
        new(
            "Days since the last logged meeting, call or joint event",
            "30 or fewer",
            "31 to 90",
            "more than 90, or never",
            (p, day) => DaysSinceLastTouch(p, day) switch
            {
                <= 30 => Rag.Green,
                <= 90 => Rag.Amber,
                _ => Rag.Red,
            }),
    ];

    /// <summary>The scorecard's total points, 0–100.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The total.</returns>
    public static int Points(Partnership partnership, DateOnly asOf) =>
        Measures.Sum(m => m.Status(partnership, asOf) switch
        {
            Rag.Green => GreenPoints,
            Rag.Amber => AmberPoints,
            _ => 0,
        });

    /// <summary>The scorecard's status for a total.</summary>
    /// <param name="points">The total points.</param>
    /// <returns>Green, amber or red.</returns>
    public static Rag Status(int points) => points >= GreenFrom ? Rag.Green : points >= AmberFrom ? Rag.Amber : Rag.Red;

    /// <summary>The health band a status stands for.</summary>
    /// <param name="status">The status.</param>
    /// <returns>AtRisk, Watch or Healthy.</returns>
    public static HealthBand Band(Rag status) => status switch
    {
        Rag.Green => HealthBand.Healthy,
        Rag.Amber => HealthBand.Watch,
        _ => HealthBand.AtRisk,
    };

    private static int OpenEscalations(Partnership partnership, DateOnly asOf) =>
        partnership.Interactions.Count(i => i.Kind == InteractionKind.Escalation && i.Date <= asOf && (i.ResolvedOn is not { } resolved || resolved > asOf));

    private static int DaysSinceLastTouch(Partnership partnership, DateOnly asOf)
    {
        var last = int.MinValue;
        foreach (var interaction in partnership.Interactions)
        {
            if (interaction.Kind is InteractionKind.Meeting or InteractionKind.Call or InteractionKind.JointEvent && interaction.Date <= asOf)
            {
                last = Math.Max(last, interaction.Date.DayNumber);
            }
        }

        return last == int.MinValue ? int.MaxValue : asOf.DayNumber - last;
    }
}
