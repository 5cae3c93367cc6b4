using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import;

/// <summary>
/// Reads a CRM's deal export into <see cref="Opportunity"/> records through an <see cref="ImportProfile"/>, one row at a
/// time: the export is never held in memory (except to infer motions, <see cref="ImportProfile.InferMotion"/>).
/// </summary>
/// <remarks>
/// <para>
/// A row becomes a deal when every field it gives reads and the deal is valid (<see cref="Opportunity"/>'s rules);
/// otherwise each of its problems names the line, the column and the value, and the profile's
/// <see cref="ImportProfile.BadRows"/> decides: stop with <see cref="ImportException"/>, or skip the row and record the
/// problems in the <see cref="ImportReport"/>. A header without a required column always stops the import.
/// </para>
/// <para>
/// Opportunity ids are not checked for uniqueness, because that would hold every id in memory; a CRM export has unique
/// keys. An importer is immutable and can read many files, on any number of threads.
/// </para>
/// </remarks>
public sealed class OpportunityImporter
{
    private readonly FrozenDictionary<string, string> fieldOfHeader;
    private readonly FrozenDictionary<string, ImportLookup> lookups;
    private readonly Maps maps;
    private readonly string[] dateFormats;

    /// <summary>Initializes a new instance of the <see cref="OpportunityImporter"/> class.</summary>
    /// <param name="profile">The profile of the export.</param>
    /// <param name="lookups">The values of the profile's <see cref="ImportProfile.Lookups"/>, one per field.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile is not valid (the message names the property), or a lookup of the profile has no values, or two have the same field.</exception>
    public OpportunityImporter(ImportProfile profile, IEnumerable<ImportLookup>? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        try
        {
            profile.Check();
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The import profile's '{error.ParamName}' is not valid: {Sentence(error)}", nameof(profile), error);
        }

        Profile = profile;
        var given = new Dictionary<string, ImportLookup>(StringComparer.Ordinal);
        foreach (var lookup in lookups ?? [])
        {
            ArgumentNullException.ThrowIfNull(lookup, nameof(lookups));
            if (!given.TryAdd(lookup.Field, lookup))
            {
                throw new ArgumentException($"Two lookups give '{lookup.Field}'.", nameof(lookups));
            }
        }

        foreach (var column in profile.Lookups)
        {
            if (!given.ContainsKey(column.Field))
            {
                throw new ArgumentException($"The profile looks '{column.Field}' up by \"{column.KeyColumn}\", but no lookup values were given for it.", nameof(lookups));
            }
        }

        this.lookups = given.ToFrozenDictionary(StringComparer.Ordinal);
        fieldOfHeader = profile.Columns
            .SelectMany(c => c.Value.Select(h => (Header: ImportProfile.Normalize(h), Field: c.Key)))
            .DistinctBy(h => h.Header)
            .ToFrozenDictionary(h => h.Header, h => h.Field, StringComparer.Ordinal);
        maps = new Maps(profile);
        dateFormats = [.. profile.DateFormats];
    }

    /// <summary>Gets the profile.</summary>
    public ImportProfile Profile { get; }

    /// <summary>Reads the deals of a CSV export (strict UTF-8, or UTF-16 or UTF-32 with a byte order mark).</summary>
    /// <param name="csv">The file's bytes; read as the result is enumerated, and closed at the end.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <returns>The deals, in file order (lazily: nothing is read until the enumeration starts).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: the header lacks a required column, the file is not CSV or not UTF-8, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    public IEnumerable<Opportunity> ReadCsv(Stream csv, ImportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ReadCsv(CsvSource.Text(csv), report);
    }

    /// <summary>Reads the deals of a CSV text.</summary>
    /// <param name="csv">The text; read as the result is enumerated, and closed at the end.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <returns>The deals, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: the header lacks a required column, the text is not CSV, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    public IEnumerable<Opportunity> ReadCsv(TextReader csv, ImportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var deals = Rows(() => CsvSource.Open(csv), report ?? new ImportReport());
        return Profile.InferMotion ? Inferred(deals) : deals;
    }

    /// <summary>Reads the deals of a sheet of an Excel workbook (.xlsx): the first row with a value is the header.</summary>
    /// <param name="workbook">The workbook's bytes; read as the result is enumerated (copied to memory first when the stream cannot seek), and closed at the end.</param>
    /// <param name="sheet">The sheet's name, ignoring case; <see langword="null"/> for the first sheet.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <returns>The deals, in row order. Dates and amounts may be Excel dates and numbers, or text in the profile's forms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workbook"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: the file is not a workbook, the sheet does not exist, the header lacks a required column, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    public IEnumerable<Opportunity> ReadExcel(Stream workbook, string? sheet = null, ImportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var deals = Rows(() => ExcelSource.Open(workbook, sheet), report ?? new ImportReport());
        return Profile.InferMotion ? Inferred(deals) : deals;
    }

    /// <summary>Reads the deals of a sheet of an Excel workbook (.xlsx) as an asynchronous stream.</summary>
    /// <param name="workbook">The workbook's bytes; read as the result is enumerated (copied to memory first when the stream cannot seek), and closed at the end.</param>
    /// <param name="sheet">The sheet's name, ignoring case; <see langword="null"/> for the first sheet.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    /// <returns>The deals, in row order, as <see cref="ReadExcel"/> reads them. The Open XML reader is synchronous, so each row is read on the enumerating thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workbook"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: as <see cref="ReadExcel"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Opportunity> ReadExcelAsync(Stream workbook, string? sheet = null, ImportReport? report = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var deals = RowsAsync(() => ExcelSource.Open(workbook, sheet), report ?? new ImportReport(), cancellationToken);
        return Profile.InferMotion ? InferredAsync(deals, cancellationToken) : deals;
    }

    /// <summary>Reads the deals of a CSV export asynchronously.</summary>
    /// <param name="csv">The file's bytes; read as the result is enumerated, and closed at the end.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    /// <returns>The deals, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: as <see cref="ReadCsv(Stream, ImportReport?)"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<Opportunity> ReadCsvAsync(Stream csv, ImportReport? report = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = CsvSource.Text(csv);
        var deals = RowsAsync(() => CsvSource.OpenAsync(text, cancellationToken), report ?? new ImportReport(), cancellationToken);
        return Profile.InferMotion ? InferredAsync(deals, cancellationToken) : deals;
    }

    private static IEnumerable<Opportunity> Inferred(IEnumerable<Opportunity> deals)
    {
        foreach (var deal in MotionInference.Infer(deals))
        {
            yield return deal;
        }
    }

    private static async IAsyncEnumerable<Opportunity> InferredAsync(IAsyncEnumerable<Opportunity> deals, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = new List<Opportunity>();
        await foreach (var deal in deals.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            all.Add(deal);
        }

        foreach (var deal in MotionInference.Infer(all))
        {
            yield return deal;
        }
    }

    private IEnumerable<Opportunity> Rows(Func<ITableSource> open, ImportReport report)
    {
        using var source = open();
        var row = Start(source, report);
        while (source.Read())
        {
            if (row.Read(source) is { } deal)
            {
                yield return deal;
            }
        }
    }

    private async IAsyncEnumerable<Opportunity> RowsAsync(Func<ValueTask<ITableSource>> open, ImportReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var source = await open().ConfigureAwait(false);
        var row = Start(source, report);
        while (await source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (row.Read(source) is { } deal)
            {
                yield return deal;
            }
        }
    }

    private IAsyncEnumerable<Opportunity> RowsAsync(Func<ITableSource> open, ImportReport report, CancellationToken cancellationToken) =>
        RowsAsync(() => ValueTask.FromResult(open()), report, cancellationToken);

    /// <summary>An argument exception's message without what .NET appends: the parameter's name and an out-of-range value's "Actual value was …" line.</summary>
    private static string Sentence(ArgumentException error)
    {
        var message = error.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        message = end < 0 ? message : message[..end];
        return error.ParamName is { } name ? message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : message;
    }

    /// <summary>Maps the header to the fields, records what is used and ignored, and fails on a missing required column.</summary>
    private RowReader Start(ITableSource source, ImportReport report)
    {
        var header = source.Header;
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        var ignored = new List<string>();
        var keyColumns = Profile.Lookups.Select(l => ImportProfile.Normalize(l.KeyColumn)).Concat(Profile.Unused.Select(ImportProfile.Normalize)).ToHashSet(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < header.Count; ordinal++)
        {
            var name = ImportProfile.Normalize(header.Name(ordinal));
            if (!fieldOfHeader.TryGetValue(name, out var field))
            {
                if (!keyColumns.Contains(name))
                {
                    ignored.Add(header.Name(ordinal));
                }

                continue;
            }

            if (!ordinals.TryAdd(field, ordinal))
            {
                // Two columns give the field: the one the profile lists first is read, the other is not used.
                var (kept, dropped) = Preference(field, header.Name(ordinals[field])) <= Preference(field, header.Name(ordinal)) ? (ordinals[field], ordinal) : (ordinal, ordinals[field]);
                ordinals[field] = kept;
                ignored.Add(header.Name(dropped));
                report.Notice($"Both \"{header.Name(kept)}\" and \"{header.Name(dropped)}\" give '{field}'; \"{header.Name(kept)}\" is read, because the profile lists it first.");
            }
        }

        ignored.Sort((a, b) => header.Find(a).CompareTo(header.Find(b)));

        bool Given(string field) => ordinals.ContainsKey(field) || Profile.Defaults.ContainsKey(field) || lookups.ContainsKey(field);
        void Require(string field, string what)
        {
            if (!Given(field))
            {
                var accepted = Profile.Columns.TryGetValue(field, out var headers) ? $" (the profile accepts {string.Join(", ", headers.Select(h => $"\"{h}\""))})" : " (the profile names no column for it)";
                errors.Add($"no column gives '{field}', {what}{accepted}");
            }
        }

        Require("id", "the opportunity id");
        Require("accountId", "the customer account");
        Require("createdOn", "the day the deal originated");
        if (!Given("outcome") && !Given("stage"))
        {
            errors.Add("no column gives 'outcome' or 'stage', so no deal can be told open, won or lost");
        }

        if (!Profile.InferMotion)
        {
            Require("motion", "new logo or farming; or set \"inferMotion\": true to infer it from each account's history");
        }

        var lookupOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Profile.Lookups)
        {
            var ordinal = header.Find(column.KeyColumn);
            if (ordinal < 0)
            {
                errors.Add($"the lookup of '{column.Field}' needs the column \"{column.KeyColumn}\"");
            }

            lookupOrdinals[column.Field] = ordinal;
        }

        if (errors.Count > 0)
        {
            var problem = new ImportProblem(1, null, null, $"{string.Join("; ", errors)}. The header has {header.Describe()}; columns are separated by commas.");
            report.Add(problem);
            throw new ImportException(problem);
        }

        foreach (var field in (ReadOnlySpan<string>)["source", "route"])
        {
            if (!Given(field))
            {
                report.Notice($"No column gives the {field}: every deal's {field} is Unknown, and the metrics that need it are null.");
            }
        }

        if (Profile.InferMotion)
        {
            report.Notice(ordinals.ContainsKey("motion")
                ? "Motions are inferred from each account's history; the export's Renewal, CrossSell and Upsell are kept after the first win."
                : "No column gives the motion: it is inferred from each account's history (the first won deal is NewLogo).");
        }

        report.Columns = ordinals.ToImmutableSortedDictionary(o => o.Key, o => header.Name(o.Value), StringComparer.Ordinal);
        report.IgnoredColumns = [.. ignored];
        return new RowReader(this, ordinals, lookupOrdinals, report);
    }

    /// <summary>The place of a header in the profile's list for a field: lower is preferred.</summary>
    private int Preference(string field, string header)
    {
        var wanted = ImportProfile.Normalize(header);
        var headers = Profile.Columns[field];
        for (var i = 0; i < headers.Length; i++)
        {
            if (ImportProfile.Normalize(headers[i]) == wanted)
            {
                return i;
            }
        }

        return headers.Length;
    }

    /// <summary>The value maps of a profile, keyed by normalized text, with each enum's own names.</summary>
    private sealed class Maps(ImportProfile profile)
    {
        public FrozenDictionary<string, DealOutcome> Outcomes { get; } = With(profile.Outcomes);

        public FrozenDictionary<string, DealMotion> Motions { get; } = With(profile.Motions);

        public FrozenDictionary<string, DealSource> Sources { get; } = With(profile.Sources);

        public FrozenDictionary<string, RouteToMarket> Routes { get; } = With(profile.Routes);

        private static FrozenDictionary<string, T> With<T>(IEnumerable<KeyValuePair<string, T>> mapped)
            where T : struct, Enum
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues<T>())
            {
                map[ImportProfile.Normalize(value.ToString())] = value;
            }

            foreach (var (text, value) in mapped)
            {
                map[ImportProfile.Normalize(text)] = value;
            }

            return map.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>Turns the rows of one file into deals, recording their problems.</summary>
    private sealed class RowReader(OpportunityImporter importer, Dictionary<string, int> ordinals, Dictionary<string, int> lookupOrdinals, ImportReport report)
    {
        private readonly List<ImportProblem> problems = [];

        // An export repeats a few thousand days and values; each is parsed or mapped once.
        private readonly TextCache<DateOnly> days = new();
        private readonly TextCache<DealOutcome> outcomes = new();
        private readonly TextCache<DealMotion> motions = new();
        private readonly TextCache<DealSource> sources = new();
        private readonly TextCache<RouteToMarket> routes = new();
        private ITableSource source = null!;

        public Opportunity? Read(ITableSource row)
        {
            source = row;
            report.Rows++;
            problems.Clear();
            var deal = Convert();
            if (problems.Count == 0 && deal is not null)
            {
                report.Imported++;
                return deal;
            }

            foreach (var problem in problems)
            {
                report.Add(problem);
            }

            if (importer.Profile.BadRows == BadRowPolicy.Fail)
            {
                throw new ImportException(problems[0]);
            }

            report.Skipped++;
            return null;
        }

        private Opportunity? Convert()
        {
            if (source.Ragged)
            {
                Problem(null, null, string.Create(CultureInfo.InvariantCulture, $"the row has {source.FieldCount} fields where the header has {source.Header.Count}; is a value with a comma or a quote not quoted?"));
                return null;
            }

            var id = Required("id");
            var account = Required("accountId");
            var created = Day("createdOn", required: true);
            var outcome = Outcome();
            var motion = Enum("motion", importer.maps.Motions, motions, importer.Profile.InferMotion ? DealMotion.Expansion : null, null);
            var dealSource = Enum("source", importer.maps.Sources, sources, DealSource.Unknown, importer.Profile.OtherSources);
            var route = Enum("route", importer.maps.Routes, routes, RouteToMarket.Unknown, null);
            var amount = Amount();
            var partner = Text("partnerId");
            var registered = Day("registeredOn");
            var updated = Day("lastUpdatedOn");
            var expected = Day("expectedCloseOn");
            var closed = Day("closedOn");
            var close = Day("closeOn");
            if (close is { } day && outcome is { } known)
            {
                if (known == DealOutcome.Open)
                {
                    expected ??= day;
                }
                else
                {
                    closed ??= day;
                }
            }

            if (problems.Count > 0 || id is null || account is null || created is null || outcome is null || motion is null || dealSource is null || route is null)
            {
                return null;
            }

            try
            {
                return new Opportunity(
                    new OpportunityId(id),
                    new AccountId(account),
                    created.Value,
                    motion.Value,
                    dealSource.Value,
                    route.Value,
                    outcome.Value,
                    amount,
                    partner is null ? null : new PartnerId(partner),
                    Text("district"),
                    registered,
                    updated,
                    expected,
                    closed,
                    outcome == DealOutcome.Lost ? Text("lossReason") : null,
                    Text("stage"));
            }
            catch (ArgumentException error)
            {
                var field = error.ParamName switch
                {
                    "closedOn" when !ordinals.ContainsKey("closedOn") => "closeOn",
                    "expectedCloseOn" when !ordinals.ContainsKey("expectedCloseOn") => "closeOn",
                    { } name => name,
                    null => null,
                };
                Problem(field, field is null ? null : Raw(field), Sentence(error));
                return null;
            }
        }

        /// <summary>The field's text: its column's, else its lookup's, else the profile's default; <see langword="null"/> when none.</summary>
        private string? Text(string field)
        {
            if (ordinals.TryGetValue(field, out var ordinal) && source.Text(ordinal) is { } text)
            {
                return text;
            }

            if (lookupOrdinals.TryGetValue(field, out var keyOrdinal) && source.Text(keyOrdinal) is { } key && importer.lookups[field].Values.TryGetValue(key, out var looked))
            {
                return looked;
            }

            return importer.Profile.Defaults.GetValueOrDefault(field);
        }

        /// <summary>Whether the field's own cell holds a text already read, and what it was read as; no string is made for the cell.</summary>
        private bool Cached<T>(string field, TextCache<T> cache, out T value)
            where T : struct
        {
            value = default;
            if (!ordinals.TryGetValue(field, out var ordinal))
            {
                return false;
            }

            var text = source.Span(ordinal);
            return !text.IsEmpty && cache.TryGetValue(text, out value);
        }

        /// <summary>The number in the field's own column, when the table keeps numbers (a worksheet) and the cell holds one.</summary>
        private double? Number(string field) => ordinals.TryGetValue(field, out var ordinal) ? source.Number(ordinal) : null;

        private string? Raw(string field) => ordinals.TryGetValue(field, out var ordinal) ? source.Text(ordinal) : null;

        private string? Required(string field)
        {
            var text = Text(field);
            if (text is null)
            {
                Problem(field, null, "a value is required.");
            }

            return text;
        }

        private DateOnly? Day(string field, bool required = false)
        {
            if (Number(field) is { } serial)
            {
                // An Excel date: a day number (with the time as a fraction) from 1899-12-30.
                if (serial is >= 1 and < 2_958_466)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
                }

                Problem(field, Raw(field), "not an Excel date (a day number from 1 to 2958465).");
                return null;
            }

            if (Cached(field, days, out var seen))
            {
                return seen;
            }

            var text = required ? Required(field) : Text(field);
            if (text is null)
            {
                return null;
            }

            if (days.TryGetValue(text, out var known))
            {
                return known;
            }

            if (DateTime.TryParseExact(text, importer.dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return days.Add(text, DateOnly.FromDateTime(parsed));
            }

            Problem(field, text, $"not a day in the form {string.Join(" or ", importer.dateFormats)}.");
            return null;
        }

        private DealOutcome? Outcome()
        {
            var field = ordinals.ContainsKey("outcome") || importer.Profile.Defaults.ContainsKey("outcome") ? "outcome" : "stage";
            if (Cached(field, outcomes, out var seen))
            {
                return seen;
            }

            var text = Text(field);
            if (text is null)
            {
                Problem(field, null, "a value is required: the outcome (or the stage) tells an open deal from a won or lost one.");
                return null;
            }

            if (outcomes.TryGetValue(text, out var known))
            {
                return known;
            }

            if (importer.maps.Outcomes.TryGetValue(ImportProfile.Normalize(text), out var outcome))
            {
                return outcomes.Add(text, outcome);
            }

            if (field == "stage" && importer.Profile.OtherStages is { } other)
            {
                // A closed stage the profile does not map ("Closed - No Decision") must not pass for an open deal.
                if (other == DealOutcome.Open && ImportProfile.Normalize(text).StartsWith("closed", StringComparison.Ordinal))
                {
                    Problem(field, text, "a closed stage that the profile's outcomes do not map; map it to Won or Lost.");
                    return null;
                }

                return outcomes.Add(text, other);
            }

            Problem(field, text, $"not one of {Listed<DealOutcome>()}.");
            return null;
        }

        private T? Enum<T>(string field, FrozenDictionary<string, T> map, TextCache<T> cache, T? missing, T? other)
            where T : struct, Enum
        {
            if (Cached(field, cache, out var seen))
            {
                return seen;
            }

            var text = Text(field);
            if (text is null)
            {
                if (missing is null)
                {
                    Problem(field, null, "a value is required.");
                }

                return missing;
            }

            if (cache.TryGetValue(text, out var known))
            {
                return known;
            }

            if (map.TryGetValue(ImportProfile.Normalize(text), out var value))
            {
                return cache.Add(text, value);
            }

            if (other is { } fallback)
            {
                return cache.Add(text, fallback);
            }

            Problem(field, text, $"not one of {Listed<T>()}.");
            return null;
        }

        private decimal? Amount()
        {
            if (Number("amount") is { } number and > -1e15 and < 1e15)
            {
                // An Excel number: a double, read to its shortest round-trip digits.
                return decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            var text = Text("amount");
            if (text is null)
            {
                return null;
            }

            var digits = text.AsSpan();
            string? code = null;
            if (digits.Length > 4 && IsCode(digits[..3]) && digits[3] == ' ')
            {
                code = digits[..3].ToString();
                digits = digits[4..];
            }
            else if (digits.Length > 4 && IsCode(digits[^3..]) && digits[^4] == ' ')
            {
                code = digits[^3..].ToString();
                digits = digits[..^4];
            }

            if (code is not null && importer.Profile.Currency is { } currency && code != currency)
            {
                Problem("amount", text, $"the amount is in {code}, not the reporting currency {currency}; convert it before importing.");
                return null;
            }

            if (AmountText.TryParse(digits, importer.Profile.DecimalSeparator[0], out var amount))
            {
                return amount;
            }

            var example = importer.Profile.DecimalSeparator == "." ? "1,234.50" : "1.234,50";
            Problem("amount", text, $"not an amount such as {example} (the profile's decimal separator is '{importer.Profile.DecimalSeparator}').");
            return null;

            static bool IsCode(ReadOnlySpan<char> text) => text.Length == 3 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && char.IsAsciiLetterUpper(text[2]);
        }

        private void Problem(string? field, string? value, string message)
        {
            var column = field is null ? null
                : ordinals.TryGetValue(field, out var ordinal) ? source.Header.Name(ordinal)
                : field;
            problems.Add(new ImportProblem(source.Line, column, value, message));
        }

        /// <summary>The names of an enum's values, for a message; the profile's own values are in its maps.</summary>
        private static string Listed<T>()
            where T : struct, Enum => $"{string.Join(", ", System.Enum.GetNames<T>())} (or a value the profile maps)";
    }

    /// <summary>What a text of one field has been read as, for the texts an export repeats; it forgets everything past 65,536 texts, so memory stays bounded.</summary>
    private sealed class TextCache<T>
        where T : struct
    {
        private const int Capacity = 1 << 16;
        private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);

        public bool TryGetValue(string text, out T value) => known.TryGetValue(text, out value);

#if NET9_0_OR_GREATER
        public bool TryGetValue(ReadOnlySpan<char> text, out T value) => known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out value);
#else
        public bool TryGetValue(ReadOnlySpan<char> text, out T value) => known.TryGetValue(text.ToString(), out value);
#endif

        public T Add(string text, T value)
        {
            if (known.Count == Capacity)
            {
                known.Clear();
            }

            known[text] = value;
            return value;
        }
    }
}
