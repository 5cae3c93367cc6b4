using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
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
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> lookups;
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

        this.lookups = given.ToFrozenDictionary(g => g.Key, g => g.Value.Values.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
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
        return new RowReader(this, header, ordinals, lookupOrdinals, report);
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

    /// <summary>Where one field's text comes from in a file: its own column, else a lookup keyed by another column, else the profile's default.</summary>
    private sealed class Column
    {
        public Column(string field, OpportunityImporter importer, TableHeader header, Dictionary<string, int> ordinals, Dictionary<string, int> lookupOrdinals, bool interned = false)
        {
            Field = field;
            Ordinal = ordinals.GetValueOrDefault(field, -1);
            Name = Ordinal >= 0 ? header.Name(Ordinal) : field;
            KeyOrdinal = lookupOrdinals.GetValueOrDefault(field, -1);
            Lookup = KeyOrdinal >= 0 ? importer.lookups[field] : null;
            Default = importer.Profile.Defaults.GetValueOrDefault(field);
            Strings = interned ? new TextCache<string>() : null;
        }

        /// <summary>Gets the field's name in the profile.</summary>
        public string Field { get; }

        /// <summary>Gets the name a problem gives: the header of the field's column, or the field when no column gives it.</summary>
        public string Name { get; }

        /// <summary>Gets the ordinal of the field's own column; -1 when none.</summary>
        public int Ordinal { get; }

        /// <summary>Gets the ordinal of the column the field is looked up by; -1 when none.</summary>
        public int KeyOrdinal { get; }

        public FrozenDictionary<string, string>? Lookup { get; }

        public string? Default { get; }

        /// <summary>Gets the strings of the texts read so far, for a field whose values repeat (accounts, partners, districts): one string per distinct text, not one per row.</summary>
        public TextCache<string>? Strings { get; }
    }

    /// <summary>Turns the rows of one file into deals, recording their problems.</summary>
    private sealed class RowReader
    {
        private readonly List<ImportProblem> problems = [];
        private readonly OpportunityImporter importer;
        private readonly ImportReport report;

        // An export repeats a few thousand days and values; each is parsed or mapped once.
        private readonly TextCache<DateOnly> days = new();
        private readonly TextCache<DealOutcome> outcomes = new();
        private readonly TextCache<DealMotion> motions = new();
        private readonly TextCache<DealSource> sources = new();
        private readonly TextCache<RouteToMarket> routes = new();

        // Each field's column is found once per file, not once per row.
        private readonly Column id;
        private readonly Column account;
        private readonly Column created;
        private readonly Column outcome;
        private readonly Column motion;
        private readonly Column dealSource;
        private readonly Column route;
        private readonly Column amount;
        private readonly Column partner;
        private readonly Column district;
        private readonly Column registered;
        private readonly Column updated;
        private readonly Column expected;
        private readonly Column closed;
        private readonly Column close;
        private readonly Column lossReason;
        private readonly Column stage;
        private readonly Column[] columns;
        private ITableSource source = null!;

        public RowReader(OpportunityImporter importer, TableHeader header, Dictionary<string, int> ordinals, Dictionary<string, int> lookupOrdinals, ImportReport report)
        {
            this.importer = importer;
            this.report = report;
            Column Of(string field, bool interned = false) => new(field, importer, header, ordinals, lookupOrdinals, interned);
            id = Of("id");
            account = Of("accountId");
            created = Of("createdOn");
            stage = Of("stage", interned: true);
            outcome = ordinals.ContainsKey("outcome") || importer.Profile.Defaults.ContainsKey("outcome") ? Of("outcome") : stage;
            motion = Of("motion");
            dealSource = Of("source");
            route = Of("route");
            amount = Of("amount");
            partner = Of("partnerId", interned: true);
            district = Of("district", interned: true);
            registered = Of("registeredOn");
            updated = Of("lastUpdatedOn");
            expected = Of("expectedCloseOn");
            closed = Of("closedOn");
            close = Of("closeOn");
            lossReason = Of("lossReason", interned: true);
            columns = [id, account, created, outcome, motion, dealSource, route, amount, partner, district, registered, updated, expected, closed, close, lossReason, stage];
        }

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

            var idText = Required(id);
            var accountText = Required(account);
            var createdOn = Day(created, required: true);
            var dealOutcome = Outcome();
            var dealMotion = Enum(motion, importer.maps.Motions, motions, importer.Profile.InferMotion ? DealMotion.Expansion : null, null);
            var sourceOf = Enum(dealSource, importer.maps.Sources, sources, DealSource.Unknown, importer.Profile.OtherSources);
            var dealRoute = Enum(route, importer.maps.Routes, routes, RouteToMarket.Unknown, null);
            var value = Amount();
            var partnerText = Text(partner);
            var registeredOn = Day(registered);
            var updatedOn = Day(updated);
            var expectedOn = Day(expected);
            var closedOn = Day(closed);
            if (Day(close) is { } day && dealOutcome is { } known)
            {
                if (known == DealOutcome.Open)
                {
                    expectedOn ??= day;
                }
                else
                {
                    closedOn ??= day;
                }
            }

            if (problems.Count > 0 || idText is null || accountText is null || createdOn is null || dealOutcome is null || dealMotion is null || sourceOf is null || dealRoute is null)
            {
                return null;
            }

            try
            {
                return new Opportunity(
                    new OpportunityId(idText),
                    new AccountId(accountText),
                    createdOn.Value,
                    dealMotion.Value,
                    sourceOf.Value,
                    dealRoute.Value,
                    dealOutcome.Value,
                    value,
                    partnerText is null ? null : new PartnerId(partnerText),
                    Text(district),
                    registeredOn,
                    updatedOn,
                    expectedOn,
                    closedOn,
                    dealOutcome == DealOutcome.Lost ? Text(lossReason) : null,
                    Text(stage));
            }
            catch (ArgumentException error)
            {
                var column = error.ParamName switch
                {
                    "closedOn" when closed.Ordinal < 0 => close,
                    "expectedCloseOn" when expected.Ordinal < 0 => close,
                    { } name => Array.Find(columns, c => c.Field == name),
                    null => null,
                };
                Problem(column, column is null ? null : Raw(column), Sentence(error));
                return null;
            }
        }

        /// <summary>The field's text: its column's, else its lookup's, else the profile's default; <see langword="null"/> when none.</summary>
        private string? Text(Column column)
        {
            if (column.Ordinal >= 0)
            {
                if (column.Strings is { } strings)
                {
                    var span = source.Span(column.Ordinal);
                    if (!span.IsEmpty)
                    {
                        if (strings.TryGetValue(span, out var same))
                        {
                            return same;
                        }

                        var text = span.ToString();
                        return strings.Add(text, text);
                    }
                }
                else if (source.Text(column.Ordinal) is { } cell)
                {
                    return cell;
                }
            }

            if (column.Lookup is { } lookup && source.Text(column.KeyOrdinal) is { } key && lookup.TryGetValue(key, out var looked))
            {
                return looked;
            }

            return column.Default;
        }

        /// <summary>Whether the field's own cell holds a text already read, and what it was read as; no string is made for the cell.</summary>
        private bool Cached<T>(Column column, TextCache<T> cache, out T value)
            where T : struct
        {
            value = default;
            if (column.Ordinal < 0)
            {
                return false;
            }

            var text = source.Span(column.Ordinal);
            return !text.IsEmpty && cache.TryGetValue(text, out value);
        }

        /// <summary>The number in the field's own column, when the table keeps numbers (a worksheet) and the cell holds one.</summary>
        private double? Number(Column column) => column.Ordinal >= 0 ? source.Number(column.Ordinal) : null;

        private string? Raw(Column column) => column.Ordinal >= 0 ? source.Text(column.Ordinal) : null;

        private string? Required(Column column)
        {
            var text = Text(column);
            if (text is null)
            {
                Problem(column, null, "a value is required.");
            }

            return text;
        }

        private DateOnly? Day(Column column, bool required = false)
        {
            if (Number(column) is { } serial)
            {
                // An Excel date: a day number (with the time as a fraction) from 1899-12-30.
                if (serial is >= 1 and < 2_958_466)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
                }

                Problem(column, Raw(column), "not an Excel date (a day number from 1 to 2958465).");
                return null;
            }

            if (Cached(column, days, out var seen))
            {
                return seen;
            }

            var text = required ? Required(column) : Text(column);
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

            Problem(column, text, $"not a day in the form {string.Join(" or ", importer.dateFormats)}.");
            return null;
        }

        private DealOutcome? Outcome()
        {
            if (Cached(outcome, outcomes, out var seen))
            {
                return seen;
            }

            var text = Text(outcome);
            if (text is null)
            {
                Problem(outcome, null, "a value is required: the outcome (or the stage) tells an open deal from a won or lost one.");
                return null;
            }

            if (outcomes.TryGetValue(text, out var known))
            {
                return known;
            }

            if (importer.maps.Outcomes.TryGetValue(ImportProfile.Normalize(text), out var mapped))
            {
                return outcomes.Add(text, mapped);
            }

            if (ReferenceEquals(outcome, stage) && importer.Profile.OtherStages is { } other)
            {
                // A closed stage the profile does not map ("Closed - No Decision") must not pass for an open deal.
                if (other == DealOutcome.Open && ImportProfile.Normalize(text).StartsWith("closed", StringComparison.Ordinal))
                {
                    Problem(outcome, text, "a closed stage that the profile's outcomes do not map; map it to Won or Lost.");
                    return null;
                }

                return outcomes.Add(text, other);
            }

            Problem(outcome, text, $"not one of {Listed<DealOutcome>()}.");
            return null;
        }

        private T? Enum<T>(Column column, FrozenDictionary<string, T> map, TextCache<T> cache, T? missing, T? other)
            where T : struct, Enum
        {
            if (Cached(column, cache, out var seen))
            {
                return seen;
            }

            var text = Text(column);
            if (text is null)
            {
                if (missing is null)
                {
                    Problem(column, null, "a value is required.");
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

            Problem(column, text, $"not one of {Listed<T>()}.");
            return null;
        }

        private decimal? Amount()
        {
            if (Number(amount) is { } number and > -1e15 and < 1e15)
            {
                // An Excel number: a double, read to its shortest round-trip digits.
                return decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            var text = amount.Ordinal >= 0 ? source.Span(amount.Ordinal) : default;
            if (text.IsEmpty)
            {
                // An empty cell: the lookup's or the default's amount, if any.
                text = Text(amount).AsSpan();
                if (text.IsEmpty)
                {
                    return null;
                }
            }

            var digits = text;
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
                Problem(amount, text.ToString(), $"the amount is in {code}, not the reporting currency {currency}; convert it before importing.");
                return null;
            }

            if (AmountText.TryParse(digits, importer.Profile.DecimalSeparator[0], out var parsed))
            {
                return parsed;
            }

            var example = importer.Profile.DecimalSeparator == "." ? "1,234.50" : "1.234,50";
            Problem(amount, text.ToString(), $"not an amount such as {example} (the profile's decimal separator is '{importer.Profile.DecimalSeparator}').");
            return null;

            static bool IsCode(ReadOnlySpan<char> text) => text.Length == 3 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && char.IsAsciiLetterUpper(text[2]);
        }

        private void Problem(Column? column, string? value, string message) => problems.Add(new ImportProblem(source.Line, column?.Name, value, message));

        /// <summary>The names of an enum's values, for a message; the profile's own values are in its maps.</summary>
        private static string Listed<T>()
            where T : struct, Enum => $"{string.Join(", ", System.Enum.GetNames<T>())} (or a value the profile maps)";
    }

    /// <summary>What a text of one field has been read as, for the texts an export repeats; it forgets everything past 65,536 texts, so memory stays bounded.</summary>
    private sealed class TextCache<T>
        where T : notnull
    {
        private const int Capacity = 1 << 16;
        private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> spans;

        public TextCache() => spans = known.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

        public bool TryGetValue(string text, [MaybeNullWhen(false)] out T value) => known.TryGetValue(text, out value);

#if NET9_0_OR_GREATER
        public bool TryGetValue(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value) => spans.TryGetValue(text, out value);
#else
        public bool TryGetValue(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value) => known.TryGetValue(text.ToString(), out value);
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
