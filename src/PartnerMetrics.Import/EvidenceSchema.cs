using System.Collections.Frozen;
using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import;

/// <summary>The fields of each kind of evidence file, with how each is read.</summary>
internal static class EvidenceSchema
{
    /// <summary>What a commitment's status can mean: <c>Done</c> is kept or kept late by the completion day.</summary>
    public static readonly ImmutableArray<string> Statuses = ["Open", "Done", "Kept", "KeptLate", "Broken"];

    /// <summary>What an activity's state can mean: only a <c>Done</c> activity happened; an <c>Open</c> one (planned) is left out.</summary>
    public static readonly ImmutableArray<string> ActivityStates = ["Done", "Open"];

    /// <summary>What an activity's direction can mean, from its <c>side</c>: an <c>Inbound</c> one was received, so the other side initiated it.</summary>
    public static readonly ImmutableArray<string> Directions = ["Inbound", "Outbound"];

    public static readonly ImmutableArray<string> CaseKinds = ["Request", "Escalation"];

    /// <summary>What a case's state can mean: an <c>Open</c> or <c>Closed</c> case is read alike (its closing day says when it was resolved); one mapped to Skip, a duplicate merged into another, is left out.</summary>
    public static readonly ImmutableArray<string> CaseStates = ["Open", "Closed"];

    public static readonly ImmutableArray<string> YesNo = ["Yes", "No"];

    public static readonly FrozenDictionary<EvidenceKind, ImmutableArray<Field>> Kinds = new Dictionary<EvidenceKind, ImmutableArray<Field>>
    {
        [EvidenceKind.Partners] =
        [
            new("id", FieldType.Text, Required: true),
            new("name", FieldType.Text, Required: true),
            new("type", FieldType.Choice, Required: true, Names<PartnerType>()),
            new("tier", FieldType.Text),
            new("district", FieldType.Text),
            new("onboardedOn", FieldType.Day),
            new("createdOn", FieldType.Day),
        ],
        [EvidenceKind.Commitments] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("side", FieldType.Choice, Required: true, Names<Side>()),
            new("dueOn", FieldType.Day, Required: true),
            new("status", FieldType.Choice, Required: true, Statuses),
            new("doneOn", FieldType.Day),
            new("description", FieldType.Text),
        ],
        [EvidenceKind.Interactions] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("date", FieldType.Day, Required: true, EachRow: true, EachRowWith: "state"),
            new("kind", FieldType.Choice, Required: true, [.. Names<InteractionKind>().Except(CaseKinds)]),
            new("side", FieldType.Choice, Required: true, Names<Side>()),
            new("direction", FieldType.Choice, Meanings: Directions),
            new("subject", FieldType.Text),
            new("state", FieldType.Choice, Meanings: ActivityStates, EachRow: true),
        ],
        [EvidenceKind.Cases] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("openedAt", FieldType.Moment, Required: true),
            new("kind", FieldType.Choice, Required: true, CaseKinds),
            new("side", FieldType.Choice, Required: true, Names<Side>()),
            new("respondedAt", FieldType.Moment),
            new("responseHours", FieldType.Number),
            new("closedOn", FieldType.Day),
            new("subject", FieldType.Text),
            new("state", FieldType.Choice, Meanings: CaseStates),
        ],
        [EvidenceKind.Certifications] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("competency", FieldType.Text, Required: true),
            new("obtainedOn", FieldType.Day, Required: true),
            new("expiresOn", FieldType.Day),
        ],
        [EvidenceKind.Deliveries] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("date", FieldType.Day, Required: true),
            new("onTime", FieldType.Choice, Required: true, YesNo),
            new("satisfaction", FieldType.Fraction, Required: true),
            new("description", FieldType.Text),
        ],
        [EvidenceKind.PlanReviews] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("createdOn", FieldType.Day, Required: true),
            new("reviewedOn", FieldType.Day),
            new("alignment", FieldType.Fraction),
            new("cadenceDays", FieldType.Number),
        ],
        [EvidenceKind.GoalCheckIns] =
        [
            new("partnerId", FieldType.Text, Required: true),
            new("goal", FieldType.Text, Required: true),
            new("owner", FieldType.Choice, Required: true, Names<GoalOwner>()),
            new("target", FieldType.Number),
            new("unit", FieldType.Text),
            new("startsOn", FieldType.Day),
            new("dueOn", FieldType.Day),
            new("checkedOn", FieldType.Day, Required: true),
            new("progress", FieldType.Fraction, Required: true),
        ],
    }.ToFrozenDictionary();

    public enum FieldType
    {
        Text,
        Day,

        /// <summary>A day with its time of day.</summary>
        Moment,
        Number,

        /// <summary>A number in [0, 1] after the table's scale.</summary>
        Fraction,

        /// <summary>One of a few meanings, through the table's value map.</summary>
        Choice,
    }

    /// <summary>The name of a kind in a profile's JSON and in messages.</summary>
    public static string JsonName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PlanReviews => "planReviews",
        EvidenceKind.GoalCheckIns => "goalCheckIns",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static ImmutableArray<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>()];

    /// <summary>A field of a kind of file.</summary>
    /// <param name="Name">The field's name in a profile.</param>
    /// <param name="Type">How its cell is read.</param>
    /// <param name="Required">Whether a row without it is a problem.</param>
    /// <param name="Meanings">For a choice, what a value can mean (besides <see cref="EvidenceProfile.Skip"/>).</param>
    /// <param name="EachRow">
    /// Whether several columns may give the field, each for its own rows, so that every one the file has is read and a row's
    /// value is the first of them that is not empty: an activity's state, which HubSpot keeps in a meeting's Meeting outcome
    /// and a call's Call outcome, and the day of an activity whose state says it happened, which Dynamics gives a Scheduled
    /// appointment in its Start Date, not in the Actual End it sets when the appointment is closed. Another field is read
    /// from the column the profile lists first.
    /// </param>
    /// <param name="EachRowWith">
    /// For a field of <paramref name="EachRow"/>, the field without whose column it is read from the first column only: an
    /// activity's day is read from a later column only for a row whose state says it happened, so a file without a state
    /// column never uses the later ones, and they are reported as not used.
    /// </param>
    public sealed record Field(string Name, FieldType Type, bool Required = false, ImmutableArray<string> Meanings = default, bool EachRow = false, string? EachRowWith = null)
    {
        /// <summary>Checks a meaning of the field's value map.</summary>
        public void CheckMeaning(string meaning, string path)
        {
            if (Type != FieldType.Choice)
            {
                throw new ArgumentException($"'{Name}' is not a field with a few values, so its values are not mapped.", path);
            }

            if (meaning != EvidenceProfile.Skip && !Meanings.Contains(meaning))
            {
                throw new ArgumentException($"'{meaning}' is not one of {string.Join(", ", Meanings)} or {EvidenceProfile.Skip}.", path);
            }
        }
    }
}
