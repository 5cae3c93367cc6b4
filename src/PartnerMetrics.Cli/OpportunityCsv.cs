using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Import;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using Sylvan.Data.Csv;

namespace PartnerMetrics.Cli;

/// <summary>A field of <see cref="Opportunity"/> and the CSV headers that give it (docs/cli.md, "Header mapping").</summary>
/// <param name="Field">The field's name in the PartnerMetrics JSON form, such as <c>createdOn</c>.</param>
/// <param name="Required">Whether a file without the column is rejected.</param>
/// <param name="Headers">The headers accepted, compared by <see cref="OpportunityCsv.Normalize"/>; the first is the field's own name.</param>
internal sealed record OpportunityColumn(string Field, bool Required, ImmutableArray<string> Headers);

/// <summary>
/// Reads opportunities from a CRM export in CSV: comma-separated, UTF-8, one header row, one opportunity per row.
/// Columns are found by header (<see cref="Columns"/>); other columns are ignored. Every problem is reported with
/// the line it is on, and reading goes on to the end so that one run lists them all.
/// </summary>
internal static class OpportunityCsv
{
    /// <summary>The columns, in <see cref="Opportunity"/> constructor order.</summary>
    public static readonly ImmutableArray<OpportunityColumn> Columns =
    [
        new("id", true, ["Id", "Opportunity ID", "Deal ID"]),
        new("accountId", true, ["Account ID", "Customer ID"]),
        new("createdOn", true, ["Created On", "Created Date", "Create Date", "Created"]),
        new("motion", true, ["Motion", "Deal Motion", "Type", "Opportunity Type", "Deal Type"]),
        new("source", true, ["Source", "Deal Source"]),
        new("route", true, ["Route", "Route to Market"]),
        new("outcome", true, ["Outcome", "Deal Outcome"]),
        new("amount", false, ["Amount", "Deal Amount", "Opportunity Amount"]),
        new("partnerId", false, ["Partner ID", "Partner Account ID"]),
        new("district", false, ["District", "Territory", "Sales Territory"]),
        new("registeredOn", false, ["Registered On", "Registration Date", "Deal Registration Date"]),
        new("lastUpdatedOn", false, ["Last Updated On", "Last Updated", "Last Modified Date", "Last Modified"]),
        new("expectedCloseOn", false, ["Expected Close On", "Expected Close Date", "Expected Close"]),
        new("closedOn", false, ["Closed On", "Closed Date", "Close Date"]),
        new("lossReason", false, ["Loss Reason", "Lost Reason", "Closed Lost Reason"]),
        new("stage", false, ["Stage", "Sales Stage", "Deal Stage", "Stage Name"]),
    ];

    /// <summary>The only date form read: ISO 8601 calendar days.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly Dictionary<string, int> FieldOfHeader = Columns
        .SelectMany((column, field) => column.Headers.Select(header => (Header: Normalize(header), Field: field)))
        .ToDictionary(h => h.Header, h => h.Field, StringComparer.Ordinal);

    private enum Field
    {
        Id,
        AccountId,
        CreatedOn,
        Motion,
        Source,
        Route,
        Outcome,
        Amount,
        PartnerId,
        District,
        RegisteredOn,
        LastUpdatedOn,
        ExpectedCloseOn,
        ClosedOn,
        LossReason,
        Stage,
    }

    /// <summary>Reduces a header or an enum value to the form they are compared in: lower case, without spaces, underscores and hyphens.</summary>
    /// <param name="text">The header or value.</param>
    /// <returns>The normalized text: <c>Opportunity ID</c>, <c>opportunity_id</c> and <c>opportunityId</c> all give <c>opportunityid</c>.</returns>
    public static string Normalize(string text)
    {
        var normalized = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '_' or '-') && !char.IsWhiteSpace(c))
            {
                normalized.Append(char.ToLowerInvariant(c));
            }
        }

        return normalized.ToString();
    }

    /// <summary>Reads every opportunity of a CSV file: UTF-8, or UTF-16 or UTF-32 with a byte order mark.</summary>
    /// <param name="stream">The file's bytes; read to the end (or to a problem that stops the reading) and closed.</param>
    /// <param name="add">Receives each opportunity read.</param>
    /// <param name="problems">Receives every problem, among them text that is not in the encoding.</param>
    /// <param name="tick">Called every few thousand rows, to show progress.</param>
    /// <returns>The number of records read, blank lines not included.</returns>
    public static long Read(Stream stream, Action<Opportunity> add, InputProblems problems, Action? tick = null) =>
        Read(CsvRows.Text(stream), add, problems, tick);

    /// <summary>Reads every opportunity of a CSV text, passing each valid one to <paramref name="add"/>.</summary>
    /// <param name="text">The CSV text; it is read to its end (or to a problem that stops the reading) and closed.</param>
    /// <param name="add">Receives each opportunity read.</param>
    /// <param name="problems">Receives every problem; when it has any, the opportunities passed to <paramref name="add"/> are not the whole file.</param>
    /// <param name="tick">Called every few thousand rows, to show progress.</param>
    /// <returns>The number of records read, blank lines not included.</returns>
    public static long Read(TextReader text, Action<Opportunity> add, InputProblems problems, Action? tick = null)
    {
        RowReader? row = null;
        return CsvRows.Read(
            text,
            problems,
            csv =>
            {
                var ordinals = MapHeader(csv, problems);
                row = ordinals is null ? null : new RowReader(csv, ordinals, problems, new Dictionary<string, long>(StringComparer.Ordinal));
                return row is not null;
            },
            (_, recordLine) =>
            {
                if (row!.Read(recordLine) is { } opportunity)
                {
                    add(opportunity);
                }
            },
            tick);
    }

    /// <summary>Finds the column of each field; <see langword="null"/> (with the problem recorded) when a required one is missing or one is given twice.</summary>
    private static int[]? MapHeader(CsvDataReader csv, InputProblems problems)
    {
        var ordinals = Enumerable.Repeat(-1, Columns.Length).ToArray();
        var errors = new List<string>();
        for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
        {
            var header = csv.GetName(ordinal);
            if (!FieldOfHeader.TryGetValue(Normalize(header), out var field))
            {
                continue;
            }

            if (ordinals[field] >= 0)
            {
                errors.Add($"columns \"{csv.GetName(ordinals[field])}\" and \"{header}\" both give {Columns[field].Field}; keep one");
            }
            else
            {
                ordinals[field] = ordinal;
            }
        }

        for (var field = 0; field < Columns.Length; field++)
        {
            var column = Columns[field];
            var outcomeFromStage = field == (int)Field.Outcome && ordinals[(int)Field.Stage] >= 0;
            if (column.Required && ordinals[field] < 0 && !outcomeFromStage)
            {
                var also = field == (int)Field.Outcome ? " or \"Stage\"" : string.Empty;
                errors.Add($"required column \"{column.Headers[0]}\"{also} is missing (also accepted: {string.Join(", ", column.Headers.Skip(1).Select(h => $"\"{h}\""))})");
            }
        }

        if (errors.Count == 0)
        {
            return ordinals;
        }

        var found = string.Join(", ", Enumerable.Range(0, csv.FieldCount).Select(i => $"\"{csv.GetName(i)}\"").Take(12));
        var more = csv.FieldCount > 12 ? string.Create(CultureInfo.InvariantCulture, $" and {csv.FieldCount - 12} more") : string.Empty;
        // This reader is the one without --profile: a CRM's own export lacks its headers, and the profile that reads it is the way out.
        var choices = ImportOptions.ProfileChoices(ImportProfile.BuiltInNames.Where(name => name != ImportProfile.PartnerMetrics.Name));
        problems.Fail($"line 1: {string.Join("; ", errors)}. The header has {found}{more}; columns are separated by commas. A CRM's own export reads with {choices} ({DocsLinks.Docs}cli.md).");
        return null;
    }

    private static int FieldNamed(string? name)
    {
        for (var field = 0; field < Columns.Length; field++)
        {
            if (Columns[field].Field == name)
            {
                return field;
            }
        }

        return -1;
    }

    /// <summary>Reads the current row of a <see cref="CsvDataReader"/> into an <see cref="Opportunity"/>, recording its problems.</summary>
    private sealed class RowReader(CsvDataReader csv, int[] ordinals, InputProblems problems, Dictionary<string, long> seen)
    {
        private long line;
        private bool valid;

        public Opportunity? Read(long recordLine)
        {
            line = recordLine;
            valid = true;
            if (CsvRows.FieldCountProblem(csv) is { } fieldCount)
            {
                Problem(null, null, fieldCount);
                return null;
            }

            var id = RequiredText(Field.Id);
            if (id is not null)
            {
                if (seen.TryGetValue(id, out var first))
                {
                    Problem(Field.Id, id, string.Create(CultureInfo.InvariantCulture, $"the same opportunity id is on line {first}; a file has one row per opportunity."));
                }
                else
                {
                    seen.Add(id, line);
                }
            }

            var accountId = RequiredText(Field.AccountId);
            var createdOn = Date(Field.CreatedOn, required: true);
            var motion = Named<DealMotion>(Field.Motion);
            var source = Named<DealSource>(Field.Source);
            var route = Named<RouteToMarket>(Field.Route);
            var outcome = ordinals[(int)Field.Outcome] >= 0 ? Named<DealOutcome>(Field.Outcome) : OutcomeFromStage();
            var amount = Amount();
            var partnerId = Text(Field.PartnerId);
            var district = Text(Field.District);
            var registeredOn = Date(Field.RegisteredOn);
            var lastUpdatedOn = Date(Field.LastUpdatedOn);
            var expectedCloseOn = Date(Field.ExpectedCloseOn);
            var closedOn = Date(Field.ClosedOn);
            var lossReason = Text(Field.LossReason);
            var stage = Text(Field.Stage);
            if (!valid)
            {
                return null;
            }

            // CRMs keep one "Close Date" that is the expected close until the deal closes.
            var expectedCloseField = Field.ExpectedCloseOn;
            if (outcome == DealOutcome.Open && closedOn is not null && expectedCloseOn is null)
            {
                (expectedCloseOn, closedOn, expectedCloseField) = (closedOn, null, Field.ClosedOn);
            }

            try
            {
                return new Opportunity(
                    new OpportunityId(id!),
                    new AccountId(accountId!),
                    createdOn!.Value,
                    motion!.Value,
                    source!.Value,
                    route!.Value,
                    outcome!.Value,
                    amount,
                    partnerId is null ? null : new PartnerId(partnerId),
                    district,
                    registeredOn,
                    lastUpdatedOn,
                    expectedCloseOn,
                    closedOn,
                    lossReason,
                    stage);
            }
            catch (ArgumentException error)
            {
                var field = FieldNamed(error.ParamName);
                if (field == (int)Field.ExpectedCloseOn)
                {
                    field = (int)expectedCloseField;
                }

                Problem(field < 0 ? null : (Field)field, field < 0 ? null : Text((Field)field), ArgumentSentence.Of(error));
                return null;
            }
        }

        private string? Raw(Field field)
        {
            var ordinal = ordinals[(int)field];
            return ordinal < 0 ? null : csv.GetString(ordinal).Trim();
        }

        private string? Text(Field field) => Raw(field) is { Length: > 0 } text ? text : null;

        private string? RequiredText(Field field)
        {
            var text = Text(field);
            if (text is null)
            {
                Problem(field, null, "a value is required.");
            }

            return text;
        }

        private DateOnly? Date(Field field, bool required = false)
        {
            var text = required ? RequiredText(field) : Text(field);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Problem(field, text, $"not a day in the form {DateFormat}.");
            return null;
        }

        private T? Named<T>(Field field)
            where T : struct, Enum
        {
            var text = RequiredText(field);
            if (text is null)
            {
                return null;
            }

            if (EnumNames<T>.Parse(text) is { } value)
            {
                return value;
            }

            Problem(field, text, $"not one of {EnumNames<T>.Accepted}.");
            return null;
        }

        /// <summary>Without an outcome column, the stage says it: Closed Won or Won, Closed Lost or Lost, and any stage not closed is Open.</summary>
        private DealOutcome? OutcomeFromStage()
        {
            var text = RequiredText(Field.Stage);
            if (text is null)
            {
                return null;
            }

            if (EnumNames<DealOutcome>.Parse(text) is { } outcome)
            {
                return outcome;
            }

            if (Normalize(text).StartsWith("closed", StringComparison.Ordinal))
            {
                Problem(Field.Stage, text, "a closed stage must be Closed Won or Closed Lost to tell the outcome (or add an Outcome column).");
                return null;
            }

            return DealOutcome.Open;
        }

        private decimal? Amount()
        {
            var text = Text(Field.Amount);
            if (text is null)
            {
                return null;
            }

            if (decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out var amount))
            {
                if (DecimalText.IsExact(text, amount))
                {
                    return amount;
                }

                // 0.00000000000000000000000000001 reads as 0, which has no decimals to refuse: refused here, by its text.
                Problem(Field.Amount, text, $"has more digits than a decimal holds exactly, so it would be read rounded; an amount has at most {Opportunity.MaxDecimals} decimal places.");
                return null;
            }

            Problem(Field.Amount, text, "not an amount: digits with an optional '.' and decimals, no thousands separator or currency.");
            return null;
        }

        private void Problem(Field? field, string? value, string message)
        {
            valid = false;
            // A rule of the model can name an optional field the file has no column for (a Won deal
            // needs 'closedOn'): say so rather than name a column that is not there.
            var where = field is not { } f ? null
                : ordinals[(int)f] >= 0 ? $"column \"{csv.GetName(ordinals[(int)f])}\""
                : $"no column for '{Columns[(int)f].Field}'";
            problems.Add(line, line, where, value, message);
        }
    }

    /// <summary>The names of an enum's values, compared by <see cref="Normalize"/> (<c>New Logo</c>, <c>new-logo</c> and <c>NEWLOGO</c> are <c>NewLogo</c>); numbers are not names.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> Values = Create();

        /// <summary>Gets the names, for a message.</summary>
        public static string Accepted { get; } = string.Join(", ", Enum.GetNames<T>()) + (typeof(T) == typeof(DealOutcome) ? " (or Closed Won, Closed Lost)" : string.Empty);

        public static T? Parse(string text) => Values.TryGetValue(Normalize(text), out var value) ? value : null;

        private static Dictionary<string, T> Create()
        {
            var values = Enum.GetValues<T>().ToDictionary(v => Normalize(v.ToString()), StringComparer.Ordinal);
            if (values is Dictionary<string, DealOutcome> outcomes)
            {
                // Salesforce's and HubSpot's names for the two closed stages.
                outcomes.Add("closedwon", DealOutcome.Won);
                outcomes.Add("closedlost", DealOutcome.Lost);
            }

            return values;
        }
    }
}
