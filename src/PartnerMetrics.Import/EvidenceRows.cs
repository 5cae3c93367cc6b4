using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import;

/// <summary>The rows of one evidence file read through its <see cref="TableProfile"/>: each field by its type, each value through its map.</summary>
/// <typeparam name="TRecord">What a row becomes.</typeparam>
internal abstract class EvidenceRows<TRecord> : CellReader<TRecord>
    where TRecord : class
{
    private readonly Dictionary<string, Column> columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Column[]> others = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Choices> choices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Low, decimal High)> scales = new(StringComparer.Ordinal);
    private readonly PartnerKeys? partners;

    protected EvidenceRows(EvidenceKind kind, EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys? partners)
        : base(report, profile.BadRows, profile.DateFormats, profile.DecimalSeparator[0])
    {
        this.partners = partners;
        var tableProfile = profile.Table(kind);
        foreach (var field in EvidenceSchema.Kinds[kind])
        {
            columns[field.Name] = table.Of(field.Name, interned: field.Name is "partnerId" or "competency" or "unit" or "goal" or "tier" or "district");
            if (table.Others(field.Name).ToArray() is { Length: > 0 } more)
            {
                others[field.Name] = more;
            }

            if (field.Type == EvidenceSchema.FieldType.Choice)
            {
                choices[field.Name] = new Choices(field, tableProfile.Values.GetValueOrDefault(field.Name), tableProfile.OtherValues.GetValueOrDefault(field.Name));
            }

            if (field.Type == EvidenceSchema.FieldType.Fraction)
            {
                var scale = tableProfile.Scales.GetValueOrDefault(field.Name);
                scales[field.Name] = scale.IsDefaultOrEmpty ? (0m, 1m) : (scale[0], scale[1]);
            }
        }
    }

    /// <summary>The column of a field.</summary>
    protected Column this[string field] => columns[field];

    protected override IEnumerable<Column> ColumnsRead => columns.Values.Concat(others.Values.SelectMany(c => c));

    /// <summary>The row's partner: <see langword="null"/> with a problem when missing; <see langword="null"/> and the row <see cref="CellReader{TRecord}.Exclude">left out</see> when the account is not a partner.</summary>
    protected string? Partner(out bool other)
    {
        other = false;
        var id = Required(this["partnerId"]);
        if (id is null || partners is null)
        {
            return id;
        }

        // A record associated with several companies (HubSpot writes "id;id"): the first that is a partner, by id before
        // any by name, as an id always wins over a name.
        string[] parts = id.Contains(';', StringComparison.Ordinal) ? id.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        foreach (var byName in (ReadOnlySpan<bool>)[false, true])
        {
            if (partners.TryResolve(id, byName, out var partner))
            {
                return partner;
            }

            foreach (var part in parts)
            {
                if (partners.TryResolve(part, byName, out partner))
                {
                    return partner;
                }
            }
        }

        partners.Unmatched(id);
        foreach (var part in parts)
        {
            partners.Unmatched(part);
        }

        other = true;
        return null;
    }

    /// <summary>What the field's value means (one of its meanings or <see cref="EvidenceProfile.Skip"/>); <see langword="null"/> when empty (a problem if required) or not mapped (a problem).</summary>
    protected string? Meaning(string field, bool required = true)
    {
        var choice = choices[field];

        // A field several columns give, each for its own rows: the first of them that holds a value for this row.
        var column = RowsColumn(field);

        // The empty text's meaning is an empty cell's, in a column the file has: a field no column gives stays missing.
        var empty = column.Ordinal >= 0 || column.KeyOrdinal >= 0 ? choice.Empty : null;
        var index = Choice(column, choice.Map, choice.Cache, empty ?? (required ? null : -2), choice.Other, choice.Expected);
        return index switch
        {
            null or -2 => null,
            -1 => EvidenceProfile.Skip,
            { } i => choice.Meanings[i],
        };
    }

    /// <summary>The field's column that gives this row's value: the first, else the first of the others that holds a value for the row (a field of each row's own column); the first when none does.</summary>
    protected Column RowsColumn(string field)
    {
        var column = this[field];
        return others.TryGetValue(field, out var more) && Raw(column) is null ? Array.Find(more, c => Raw(c) is not null) ?? column : column;
    }

    /// <summary>A fraction after the field's scale; a value outside the scale is a problem.</summary>
    protected double? Fraction(string field, bool required)
    {
        var column = this[field];
        if (Decimal(column, required) is not { } value)
        {
            return null;
        }

        var (low, high) = scales[field];
        if (value < low || value > high)
        {
            Problem(column, Raw(column) ?? value.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"not between {low} and {high}, the profile's scale of '{field}'."));
            return null;
        }

        // A percentage is read as the number it shows, which means that number only on a scale of hundredths.
        if ((low, high) != (0m, 100m) && WrittenAsPercentage(column))
        {
            Problem(column, Raw(column), string.Create(CultureInfo.InvariantCulture, $"a percentage, but the profile's scale of '{field}' is [{low}, {high}], not [0, 100]: write the value on that scale, or give the profile the scale [0, 100]."));
            return null;
        }

        return (double)((value - low) / (high - low));
    }

    /// <summary>Builds a record from the row's values; an <see cref="ArgumentException"/> of the model's checks becomes a problem of the row.</summary>
    /// <param name="build">Builds the record.</param>
    /// <param name="fieldOfParameter">Pairs of a model parameter's name and the field whose column it blames.</param>
    protected TRecord? Build(Func<TRecord> build, params string[] fieldOfParameter)
    {
        try
        {
            return build();
        }
        catch (ArgumentException error)
        {
            Column? column = null;
            for (var i = 0; i + 1 < fieldOfParameter.Length; i += 2)
            {
                if (fieldOfParameter[i] == error.ParamName)
                {
                    column = this[fieldOfParameter[i + 1]];
                    break;
                }
            }

            Problem(column, column is null ? null : Raw(column), ArgumentSentence.Of(error));
            return null;
        }
    }

    /// <summary>A field's map: normalized text to the index of its meaning (-1 for <see cref="EvidenceProfile.Skip"/>).</summary>
    private sealed class Choices
    {
        public Choices(EvidenceSchema.Field field, ImmutableDictionary<string, string>? values, string? other)
        {
            Meanings = field.Meanings;
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Meanings.Length; i++)
            {
                map[ImportProfile.Normalize(Meanings[i])] = i;
            }

            foreach (var (text, meaning) in values ?? ImmutableDictionary<string, string>.Empty)
            {
                map[ImportProfile.Normalize(text)] = Index(meaning);
            }

            Map = map.ToFrozenDictionary(StringComparer.Ordinal);
            Empty = map.TryGetValue(string.Empty, out var empty) ? empty : null;
            Other = other is null ? null : Index(other);
            Expected = $"{string.Join(", ", Meanings)} (or a value the profile maps)";
        }

        public ImmutableArray<string> Meanings { get; }

        public FrozenDictionary<string, int> Map { get; }

        /// <summary>Gets the meaning of an empty cell, when the profile maps the empty text: a column the file lacks is still missing.</summary>
        public int? Empty { get; }

        public int? Other { get; }

        public string Expected { get; }

        public TextCache<int> Cache { get; } = new();

        private int Index(string meaning) => meaning == EvidenceProfile.Skip ? -1 : Meanings.IndexOf(meaning);
    }
}

/// <summary>A partner account, with the day its account was created (the start of the partnership when no onboarding day is given).</summary>
internal sealed record PartnerRow(Partner Partner, DateOnly? CreatedOn, long Line);

/// <summary>One piece of evidence of a partner.</summary>
internal sealed record EvidenceRow<T>(string PartnerId, T Item)
    where T : class;

/// <summary>A row of a joint plan: the plan's creation day and, when given, one review.</summary>
internal sealed record PlanRow(string PartnerId, DateOnly CreatedOn, DateOnly? ReviewedOn, double? Alignment, int? CadenceDays, long Line);

/// <summary>A check-in of a goal, with the goal's attributes as the row gives them.</summary>
internal sealed record CheckInRow(string PartnerId, string Goal, GoalOwner Owner, MeasurableTarget? Target, DateOnly? StartsOn, DateOnly? DueOn, GoalCheckIn CheckIn, long Line);

internal sealed class PartnerRows(EvidenceProfile profile, TableColumns table, ImportReport report)
    : EvidenceRows<PartnerRow>(EvidenceKind.Partners, profile, table, report, null)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<(string? Id, string? Name)> others = [];

    /// <summary>Gets the id and name of each account left out because its type is not a partner's.</summary>
    public IReadOnlyList<(string? Id, string? Name)> Others => others;

    protected override PartnerRow? Convert()
    {
        var type = Meaning("type");
        if (type == EvidenceProfile.Skip)
        {
            others.Add((Text(this["id"]), Text(this["name"])));
            return Exclude();
        }

        var id = Required(this["id"]);
        var name = Required(this["name"]);
        var onboarded = Day(this["onboardedOn"]);
        var created = Day(this["createdOn"]);
        var tier = Text(this["tier"]);
        var district = Text(this["district"]);
        if (id is not null && !seen.Add(id))
        {
            Problem(this["id"], id, "the partners file gives this id twice.");
        }
        else if (id is not null && PartnerKeys.OtherForm(id) is { } other && seen.Contains(other))
        {
            // Salesforce's 15- and 18-character forms of one record: two partnerships would split its evidence.
            Problem(this["id"], id, $"the partners file gives this account twice, also as {other} (the {other.Length}-character form of the same Salesforce id).");
        }

        if (ProblemCount > 0 || id is null || name is null || type is null)
        {
            return null;
        }

        return Build(() => new PartnerRow(new Partner(new PartnerId(id), name, Enum.Parse<PartnerType>(type), tier, district, onboarded), created, Source.Line), "value", "id", "name", "name", "tier", "tier", "district", "district", "onboardedOn", "onboardedOn");
    }
}

internal sealed class CommitmentRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<EvidenceRow<Commitment>>(EvidenceKind.Commitments, profile, table, report, partners)
{
    /// <summary>Whether the file's notice on broken promises without a day has been given: once a file.</summary>
    private bool undatedNoticed;

    /// <summary>How many tasks of the file were left out for an empty due day.</summary>
    private long withoutDueDay;

    protected override EvidenceRow<Commitment>? Convert()
    {
        var partner = Partner(out var other);
        var status = Meaning("status");
        var side = Meaning("side");
        if (other || status == EvidenceProfile.Skip || side == EvidenceProfile.Skip)
        {
            return Exclude();
        }

        // A task need not have a due day (ActivityDate is optional in Salesforce, as a Dynamics 365 task's Due is), and a
        // promise is kept, kept late or broken against the day it is due: one without it has no outcome to score, and no day
        // to make up. Its empty cell was a problem of the row, which stopped the import under BadRows Fail; it is left out,
        // counted with the rows left out and in a notice of the file. A due day that only a lookup or a default would give
        // is still required.
        var dueColumn = this["dueOn"];
        if (dueColumn.Ordinal >= 0 && Number(dueColumn) is null && Text(dueColumn) is null)
        {
            if (ProblemCount > 0)
            {
                return null;
            }

            withoutDueDay++;
            return Exclude();
        }

        var due = Day(dueColumn, required: true);
        var done = Day(this["doneOn"]);
        var description = Text(this["description"]);
        if (ProblemCount > 0 || partner is null || status is null || side is null || due is null)
        {
            return null;
        }

        var outcome = status switch
        {
            "Done" when done is { } day => day > due.Value ? CommitmentOutcome.KeptLate : CommitmentOutcome.Kept,
            "Done" => CommitmentOutcome.Kept,
            _ => Enum.Parse<CommitmentOutcome>(status),
        };
        var resolved = outcome == CommitmentOutcome.Open ? null : done;
        if (outcome == CommitmentOutcome.Broken && resolved is null)
        {
            // A CRM may drop a task without closing it, so without a completion day (a Deferred task): the day it was
            // dropped is not known. It was a row problem, which stopped the import under BadRows Fail and, skipped, left out
            // a failure. Read as open, it counts as broken once overdue, from its due day and the grace period.
            outcome = CommitmentOutcome.Open;
            if (!undatedNoticed)
            {
                undatedNoticed = true;
                Report.Notice("A status that means a broken promise without the day it was dropped (the completion day column) is read as open: such a promise counts as broken once overdue, from its due day and the model's grace period.");
            }
        }

        return Build(() => new EvidenceRow<Commitment>(partner, new Commitment(Enum.Parse<Side>(side), due.Value, outcome, resolved, description)), "resolvedOn", "doneOn", "dueOn", "dueOn", "description", "description");
    }

    protected override void Finished()
    {
        if (withoutDueDay > 0)
        {
            Report.Notice(string.Create(CultureInfo.InvariantCulture, $"{withoutDueDay:N0} {(withoutDueDay == 1 ? "task has" : "tasks have")} no due day (\"{this["dueOn"].Name}\" is empty): a promise is kept or broken against the day it is due, so {(withoutDueDay == 1 ? "it is" : "they are")} left out, counted with the rows left out."));
        }
    }
}

internal sealed class InteractionRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<EvidenceRow<Interaction>>(EvidenceKind.Interactions, profile, table, report, partners)
{
    protected override EvidenceRow<Interaction>? Convert()
    {
        var partner = Partner(out var other);
        var kind = Meaning("kind");
        var side = Meaning("side");

        // Who received the call, when the row says: the side of a row whose direction is inbound (the owner's, in Salesforce)
        // answered it, so the other side initiated it.
        var direction = Meaning("direction", required: false);

        // A canceled or still planned activity did not happen, whatever day its row gives (a planned one's start).
        var state = Meaning("state", required: false);
        if (other || kind == EvidenceProfile.Skip || side == EvidenceProfile.Skip || direction == EvidenceProfile.Skip || state is "Open" || state == EvidenceProfile.Skip)
        {
            return Exclude();
        }

        if (direction == "Inbound")
        {
            side = side == nameof(Side.Vendor) ? nameof(Side.Partner) : nameof(Side.Vendor);
        }

        // A row whose state says it happened is read on the first of the date columns that holds its day: Dynamics sets an
        // appointment's Actual End when it is closed, so a Scheduled one, held as booked unless canceled, has none and is read
        // on its start. A row without a state keeps to the first column: nothing says it happened, so an open activity of a
        // view without a status column stays a problem of its row rather than its planned day read as a meeting held.
        var date = Day(state is null ? this["date"] : RowsColumn("date"), required: true);
        var subject = Text(this["subject"]);
        if (ProblemCount > 0 || partner is null || kind is null || side is null || date is null)
        {
            return null;
        }

        return Build(() => new EvidenceRow<Interaction>(partner, new Interaction(date.Value, Enum.Parse<InteractionKind>(kind), Enum.Parse<Side>(side), subject: subject)), "subject", "subject");
    }
}

/// <summary>Cases: a request needs its response (a time or the hours), an escalation its closing day, when the file gives them at all.</summary>
internal sealed class CaseRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<EvidenceRow<Interaction>>(EvidenceKind.Cases, profile, table, report, partners)
{
    /// <summary>Gets a value indicating whether the file tells when a request was answered; without it, requests are left out rather than read as unanswered.</summary>
    public bool Responses { get; } = table.Given("respondedAt") || table.Given("responseHours");

    /// <summary>Gets a value indicating whether the file tells when an escalation was closed; without it, escalations are left out rather than read as open.</summary>
    public bool Closings { get; } = table.Given("closedOn");

    protected override EvidenceRow<Interaction>? Convert()
    {
        var partner = Partner(out var other);
        var kind = Meaning("kind");
        var side = Meaning("side");

        // A case the CRM keeps only as a copy of another (Dynamics deactivates a case merged into another) is not a case of its own.
        var state = Meaning("state", required: false);
        if (other || kind == EvidenceProfile.Skip || side == EvidenceProfile.Skip || state == EvidenceProfile.Skip
            || (kind == "Request" && !Responses) || (kind == "Escalation" && !Closings))
        {
            return Exclude();
        }

        var opened = Moment(this["openedAt"], required: true);
        var responded = Moment(this["respondedAt"]);
        var hours = Decimal(this["responseHours"]);
        var closed = Day(this["closedOn"]);
        var subject = Text(this["subject"]);
        if (ProblemCount > 0 || partner is null || kind is null || side is null || opened is null)
        {
            return null;
        }

        TimeSpan? response = null;
        if (kind == "Request")
        {
            if (responded is { } at)
            {
                response = at - opened.Value;
            }
            else if (hours is { } h)
            {
                if (h is < 0 or > 24m * 365 * 100)
                {
                    Problem(this["responseHours"], Raw(this["responseHours"]), "not a number of hours from 0 to 100 years.");
                    return null;
                }

                response = TimeSpan.FromHours((double)h);
            }
        }

        var interactionKind = Enum.Parse<InteractionKind>(kind);
        return Build(
            () => new EvidenceRow<Interaction>(partner, new Interaction(DateOnly.FromDateTime(opened.Value), interactionKind, Enum.Parse<Side>(side), response, interactionKind == InteractionKind.Escalation ? closed : null, subject)),
            "responseTime",
            responded is null ? "responseHours" : "respondedAt",
            "resolvedOn",
            "closedOn",
            "subject",
            "subject");
    }
}

internal sealed class CertificationRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<EvidenceRow<Certification>>(EvidenceKind.Certifications, profile, table, report, partners)
{
    protected override EvidenceRow<Certification>? Convert()
    {
        var partner = Partner(out var other);
        if (other)
        {
            return Exclude();
        }

        var competency = Required(this["competency"]);
        var obtained = Day(this["obtainedOn"], required: true);
        var expires = Day(this["expiresOn"]);
        if (ProblemCount > 0 || partner is null || competency is null || obtained is null)
        {
            return null;
        }

        return Build(() => new EvidenceRow<Certification>(partner, new Certification(competency, obtained.Value, expires)), "expiresOn", "expiresOn", "competency", "competency");
    }
}

internal sealed class DeliveryRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<EvidenceRow<Delivery>>(EvidenceKind.Deliveries, profile, table, report, partners)
{
    protected override EvidenceRow<Delivery>? Convert()
    {
        var partner = Partner(out var other);
        var onTime = Meaning("onTime");
        if (other || onTime == EvidenceProfile.Skip)
        {
            return Exclude();
        }

        var date = Day(this["date"], required: true);
        var satisfaction = Fraction("satisfaction", required: true);
        var description = Text(this["description"]);
        if (ProblemCount > 0 || partner is null || onTime is null || date is null || satisfaction is null)
        {
            return null;
        }

        return Build(() => new EvidenceRow<Delivery>(partner, new Delivery(date.Value, onTime == "Yes", satisfaction.Value, description)), "description", "description");
    }
}

internal sealed class PlanRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<PlanRow>(EvidenceKind.PlanReviews, profile, table, report, partners)
{
    // A plan holds one review a day: a second would make the partner's plan, and so its partnership, invalid.
    private readonly Dictionary<(string Partner, DateOnly Created, DateOnly Reviewed), long> reviews = [];

    // A plan has one review cadence: of two its rows give, the one read would be the one that comes first in the file.
    private readonly Dictionary<(string Partner, DateOnly Created), (int Days, long Line)> cadences = [];

    protected override PlanRow? Convert()
    {
        var partner = Partner(out var other);
        if (other)
        {
            return Exclude();
        }

        var created = Day(this["createdOn"], required: true);
        var reviewed = Day(this["reviewedOn"]);
        var alignment = Fraction("alignment", required: false);
        var cadence = Decimal(this["cadenceDays"]);
        if (cadence is { } days && (days < 1 || days > 3660 || days != decimal.Truncate(days)))
        {
            Problem(this["cadenceDays"], Raw(this["cadenceDays"]), "not a whole number of days from 1 to 3660.");
        }

        if (alignment is not null && reviewed is null)
        {
            Problem(this["alignment"], Raw(this["alignment"]), "an alignment needs the day of the review that recorded it.");
        }

        if (reviewed < created)
        {
            Problem(this["reviewedOn"], Raw(this["reviewedOn"]), "the review is dated before the plan was created.");
        }

        if (ProblemCount == 0 && partner is not null && created is { } plan && cadence is { } given && cadences.TryGetValue((partner, plan), out var earlier) && earlier.Days != given)
        {
            Problem(this["cadenceDays"], Raw(this["cadenceDays"]), string.Create(CultureInfo.InvariantCulture, $"the plan has a review cadence of {earlier.Days} days already, on line {earlier.Line}."));
        }

        if (ProblemCount == 0 && partner is not null && created is { } day && reviewed is { } on && !reviews.TryAdd((partner, day, on), Source.Line))
        {
            Problem(this["reviewedOn"], Raw(this["reviewedOn"]), string.Create(CultureInfo.InvariantCulture, $"the plan has a review on this day already, on line {reviews[(partner, day, on)]}."));
        }

        if (ProblemCount > 0 || partner is null || created is null)
        {
            return null;
        }

        if (cadence is { } read)
        {
            cadences.TryAdd((partner, created.Value), ((int)read, Source.Line));
        }

        return new PlanRow(partner, created.Value, reviewed, alignment, cadence is { } c ? (int)c : null, Source.Line);
    }
}

internal sealed class CheckInRows(EvidenceProfile profile, TableColumns table, ImportReport report, PartnerKeys partners)
    : EvidenceRows<CheckInRow>(EvidenceKind.GoalCheckIns, profile, table, report, partners)
{
    // A goal holds one check-in a day: a second would make the goal, and so the partnership, invalid.
    private readonly Dictionary<(string Partner, string Goal, DateOnly On), long> checkIns = [];

    // A goal's start and due days are each the first its rows give: a later row that gives the other one must not make
    // the goal due before it starts, which would make the goal, and so the partnership, invalid.
    private readonly Dictionary<(string Partner, string Goal), GoalDays> goalDays = [];

    protected override CheckInRow? Convert()
    {
        var partner = Partner(out var other);
        var owner = Meaning("owner");
        if (other || owner == EvidenceProfile.Skip)
        {
            return Exclude();
        }

        var goal = Required(this["goal"]);
        var target = Decimal(this["target"]);
        var unit = Text(this["unit"]);
        var starts = Day(this["startsOn"]);
        var due = Day(this["dueOn"]);
        var checkedOn = Day(this["checkedOn"], required: true);
        var progress = Fraction("progress", required: true);
        if (target is not null && unit is null)
        {
            Problem(this["unit"], null, "a goal's target needs its unit, such as \"USD pipeline\".");
        }

        if (due < starts)
        {
            Problem(this["dueOn"], Raw(this["dueOn"]), "the goal is due before it starts.");
        }

        var days = ProblemCount == 0 && partner is not null && goal is not null ? goalDays.GetValueOrDefault((partner, goal)) : null;
        if (days is { DueOn: null, StartsOn: { } start } && due < start.Day)
        {
            Problem(this["dueOn"], Raw(this["dueOn"]), string.Create(CultureInfo.InvariantCulture, $"the goal is due before it starts: its start day is {start.Day:yyyy-MM-dd}, on line {start.Line}."));
        }
        else if (days is { StartsOn: null, DueOn: { } end } && starts > end.Day)
        {
            Problem(this["startsOn"], Raw(this["startsOn"]), string.Create(CultureInfo.InvariantCulture, $"the goal starts after it is due: its due day is {end.Day:yyyy-MM-dd}, on line {end.Line}."));
        }

        if (ProblemCount == 0 && partner is not null && goal is not null && checkedOn is { } on && !checkIns.TryAdd((partner, goal, on), Source.Line))
        {
            Problem(this["checkedOn"], Raw(this["checkedOn"]), string.Create(CultureInfo.InvariantCulture, $"the goal has a check-in on this day already, on line {checkIns[(partner, goal, on)]}."));
        }

        if (ProblemCount > 0 || partner is null || goal is null || owner is null || checkedOn is null || progress is null)
        {
            return null;
        }

        // The goal is built from its rows once every file is read, where a title the model refuses would refuse the whole
        // partnership: its rules are checked here, on the row, by building the goal the row alone would give.
        var row = Build(
            () =>
            {
                var alone = new PlanGoal(goal, Enum.Parse<GoalOwner>(owner), null, target is { } value ? new MeasurableTarget(value, unit!) : null, starts, due);
                return new CheckInRow(partner, goal, alone.Owner, alone.Target, starts, due, new GoalCheckIn(checkedOn.Value, progress.Value), Source.Line);
            },
            "value",
            "target",
            "unit",
            "unit",
            "title",
            "goal");
        if (row is not null && (starts is not null || due is not null))
        {
            days ??= goalDays[(partner, goal)] = new GoalDays();
            days.StartsOn ??= starts is { } first ? (first, Source.Line) : null;
            days.DueOn ??= due is { } last ? (last, Source.Line) : null;
        }

        return row;
    }

    /// <summary>The first start and due days a goal's rows gave, with their lines.</summary>
    private sealed class GoalDays
    {
        public (DateOnly Day, long Line)? StartsOn { get; set; }

        public (DateOnly Day, long Line)? DueOn { get; set; }
    }
}
