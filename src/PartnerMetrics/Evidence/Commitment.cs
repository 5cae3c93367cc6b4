using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>
/// A promise one side made to the other, and what became of it — the raw material of trust
/// (seed 002: "the real effort lies in not LOSING trust").
/// </summary>
/// <remarks>
/// The outcome and its date must agree: an <see cref="CommitmentOutcome.Open"/> commitment has no
/// resolution date; <see cref="CommitmentOutcome.Kept"/> may carry one on or before the due date;
/// <see cref="CommitmentOutcome.KeptLate"/> needs one after the due date;
/// <see cref="CommitmentOutcome.Broken"/> needs one.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Commitment, CommitmentDocument>))]
public sealed record Commitment
{
    /// <summary>Initializes a new instance of the <see cref="Commitment"/> class.</summary>
    /// <param name="promisedBy">The side that made the promise.</param>
    /// <param name="dueOn">The day the promise was due.</param>
    /// <param name="outcome">What became of it.</param>
    /// <param name="resolvedOn">The day it was kept or broken; see the remarks for when it is required.</param>
    /// <param name="description">What was promised, for explanations; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined, or <paramref name="resolvedOn"/> contradicts <paramref name="outcome"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="resolvedOn"/> is missing where the outcome needs it, or present on an open commitment.</exception>
    public Commitment(Side promisedBy, DateOnly dueOn, CommitmentOutcome outcome, DateOnly? resolvedOn = null, string? description = null)
    {
        PromisedBy = Ensure.Defined(promisedBy, nameof(promisedBy));
        DueOn = dueOn;
        Outcome = Ensure.Defined(outcome, nameof(outcome));
        ResolvedOn = CheckResolution(outcome, dueOn, resolvedOn);
        Description = Ensure.OptionalText(description, nameof(description));
    }

    /// <summary>Gets the side that made the promise.</summary>
    public Side PromisedBy { get; }

    /// <summary>Gets the day the promise was due.</summary>
    public DateOnly DueOn { get; }

    /// <summary>Gets what became of the promise.</summary>
    public CommitmentOutcome Outcome { get; }

    /// <summary>Gets the day it was kept or broken; <see langword="null"/> while open, or for a kept commitment whose day was not recorded.</summary>
    public DateOnly? ResolvedOn { get; }

    /// <summary>Gets what was promised, or <see langword="null"/>.</summary>
    public string? Description { get; }

    private static DateOnly? CheckResolution(CommitmentOutcome outcome, DateOnly dueOn, DateOnly? resolvedOn)
    {
        const string Name = nameof(resolvedOn);
        switch (outcome)
        {
            case CommitmentOutcome.Open when resolvedOn is { } date:
                throw new ArgumentException($"An Open commitment has no '{Name}'; got {Ensure.Iso(date)}.", Name);
            case CommitmentOutcome.Kept when resolvedOn is { } date && date > dueOn:
                throw new ArgumentOutOfRangeException(Name, date, $"A Kept commitment is kept on or before 'dueOn' ({Ensure.Iso(dueOn)}); {Ensure.Iso(date)} is later, so the outcome is KeptLate.");
            case CommitmentOutcome.KeptLate when resolvedOn is null:
                throw new ArgumentException($"A KeptLate commitment needs '{Name}', the day it was kept.", Name);
            case CommitmentOutcome.KeptLate when resolvedOn <= dueOn:
                throw new ArgumentOutOfRangeException(Name, resolvedOn, $"A KeptLate commitment is kept after 'dueOn' ({Ensure.Iso(dueOn)}); got {Ensure.Iso(resolvedOn.Value)}.");
            case CommitmentOutcome.Broken when resolvedOn is null:
                throw new ArgumentException($"A Broken commitment needs '{Name}', the day it was broken.", Name);
            default:
                return resolvedOn;
        }
    }
}
