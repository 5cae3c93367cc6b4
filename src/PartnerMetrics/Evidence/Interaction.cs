using System.Globalization;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>
/// A logged touch point between vendor and partner — the day-to-day co-operation of seed 002
/// ("how you interact with each other on a day-to-day basis … especially during stressful times").
/// </summary>
/// <remarks>
/// Only a <see cref="InteractionKind.Request"/> carries a <see cref="ResponseTime"/>
/// (<see langword="null"/> = unanswered), and only an <see cref="InteractionKind.Escalation"/>
/// carries a <see cref="ResolvedOn"/> (<see langword="null"/> = still open).
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Interaction, InteractionDocument>))]
public sealed record Interaction
{
    /// <summary>Initializes a new instance of the <see cref="Interaction"/> class.</summary>
    /// <param name="date">The day of the interaction.</param>
    /// <param name="kind">The kind of interaction.</param>
    /// <param name="initiatedBy">The side that started it.</param>
    /// <param name="responseTime">For a request, how long the answer took; <see langword="null"/> when unanswered.</param>
    /// <param name="resolvedOn">For an escalation, the day it was resolved; <see langword="null"/> while open.</param>
    /// <param name="subject">A short subject line for explanations; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined, the response time is negative, or the escalation is resolved before it was raised.</exception>
    /// <exception cref="ArgumentException">A response time on a non-request, or a resolution day on a non-escalation.</exception>
    public Interaction(DateOnly date, InteractionKind kind, Side initiatedBy, TimeSpan? responseTime = null, DateOnly? resolvedOn = null, string? subject = null)
    {
        Date = date;
        Kind = Ensure.Defined(kind, nameof(kind));
        InitiatedBy = Ensure.Defined(initiatedBy, nameof(initiatedBy));
        if (responseTime is { } response)
        {
            if (kind != InteractionKind.Request)
            {
                throw new ArgumentException($"Only a Request has a '{nameof(responseTime)}'; this interaction is {Article(kind)} {kind}.", nameof(responseTime));
            }

            if (response < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(responseTime), response, $"'{nameof(responseTime)}' must not be negative; got {response.ToString("c", CultureInfo.InvariantCulture)}.");
            }
        }

        if (resolvedOn is not null && kind != InteractionKind.Escalation)
        {
            throw new ArgumentException($"Only an Escalation has a '{nameof(resolvedOn)}'; this interaction is {Article(kind)} {kind}.", nameof(resolvedOn));
        }

        ResponseTime = responseTime;
        ResolvedOn = Ensure.NotBefore(resolvedOn, date, nameof(resolvedOn), nameof(date));
        Subject = Ensure.OptionalText(subject, nameof(subject));
    }

    /// <summary>Gets the day of the interaction.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the kind of interaction.</summary>
    public InteractionKind Kind { get; }

    /// <summary>Gets the side that started it.</summary>
    public Side InitiatedBy { get; }

    /// <summary>Gets how long a request took to answer; <see langword="null"/> for an unanswered request or any other kind.</summary>
    public TimeSpan? ResponseTime { get; }

    /// <summary>Gets the day an escalation was resolved; <see langword="null"/> while open or for any other kind.</summary>
    public DateOnly? ResolvedOn { get; }

    /// <summary>Gets the subject line, or <see langword="null"/>.</summary>
    public string? Subject { get; }

    /// <summary>"an Email", "an Escalation", "a Meeting": the article of a kind's name.</summary>
    private static string Article(InteractionKind kind) => "AEIOU".Contains(kind.ToString()[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>
    /// The day a request's answer is known from, as scoring counts it: the request's day plus the response time in whole
    /// days, rounded up; <see langword="null"/> without an answer, or when that day is past the last day of the calendar.
    /// </summary>
    internal DateOnly? AnsweredOn =>
        ResponseTime is { } response && Date.DayNumber + Math.Ceiling(response.TotalDays) is var day && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)day)
            : null;
}
