using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import;

/// <summary>
/// Builds a validated <see cref="Portfolio"/> from a CRM's exports: the partner accounts and, for each, the evidence its
/// tasks, activities, cases, certifications, deliveries, joint plans and deals record (<see cref="EvidenceKind"/>), read
/// through an <see cref="EvidenceProfile"/>.
/// </summary>
/// <remarks>
/// <para>
/// Only the partners file is required. Evidence names its partner by id or, when no partner has that id, by the name of
/// exactly one partner (exports such as Dynamics 365's write a related record by its name). Evidence of an account that is
/// not in the partners file (a task on a customer account) is left out and counted in <see cref="ImportReport.Excluded"/>;
/// so is a row whose value the profile maps to <c>Skip</c>. Deals with a partner go to that partnership; the others stay
/// in <see cref="Portfolio.Opportunities"/>.
/// </para>
/// <para>
/// Nothing is guessed: a case file without response times leaves requests out instead of reading them as unanswered,
/// and one without closing days leaves escalations out instead of reading them as open; each such choice is a notice
/// in the report. A partnership starts on the partner's onboarding day, else the day its account was created, else its
/// earliest evidence.
/// </para>
/// </remarks>
public sealed class PortfolioImporter
{
    private readonly Dictionary<(EvidenceKind Kind, string Field), ImportLookup> lookups = [];
    private readonly long? maxWorkbookPartCharacters;

    /// <summary>Initializes a new instance of the <see cref="PortfolioImporter"/> class.</summary>
    /// <param name="profile">The profile of the exports.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <param name="lookups">The values of the lookups the profile's tables declare, one per kind and field.</param>
    /// <exception cref="ArgumentException">The profile is not valid (the message names the property), or a lookup it declares has no values, or two have the same kind and field.</exception>
    public PortfolioImporter(EvidenceProfile profile, IEnumerable<EvidenceLookup>? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        try
        {
            profile.Check();
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The evidence profile's '{error.ParamName}' is not valid: {error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal)}", nameof(profile), error);
        }

        Profile = profile;
        foreach (var lookup in lookups ?? [])
        {
            ArgumentNullException.ThrowIfNull(lookup?.Values, nameof(lookups));
            if (!this.lookups.TryAdd((lookup.Kind, lookup.Values.Field), lookup.Values))
            {
                throw new ArgumentException($"Two lookups give '{lookup.Values.Field}' of the {EvidenceSchema.JsonName(lookup.Kind)} file.", nameof(lookups));
            }
        }

        foreach (var kind in Enum.GetValues<EvidenceKind>())
        {
            var declared = kind == EvidenceKind.Opportunities ? profile.Opportunities?.Lookups ?? [] : profile.Table(kind).Lookups;
            foreach (var column in declared)
            {
                if (!this.lookups.ContainsKey((kind, column.Field)))
                {
                    throw new ArgumentException($"The profile looks '{column.Field}' of the {EvidenceSchema.JsonName(kind)} file up by \"{column.KeyColumn}\", but no lookup values were given for it.", nameof(lookups));
                }
            }
        }
    }

    /// <summary>Gets the profile.</summary>
    public EvidenceProfile Profile { get; }

    /// <summary>
    /// Gets the most characters that one part of an Excel workbook which the import holds whole in memory may have, for
    /// every workbook it reads, the deals' included (<see cref="OpportunityImporter.MaxWorkbookPartCharacters"/>). A longer
    /// part is a problem of its file, naming the part and the limit. <see langword="null"/>, the default, sets no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public long? MaxWorkbookPartCharacters
    {
        get => maxWorkbookPartCharacters;
        init => maxWorkbookPartCharacters = ExcelLimit.Checked(value, nameof(MaxWorkbookPartCharacters));
    }

    /// <summary>Reads the exports and builds the portfolio.</summary>
    /// <param name="sources">The files by kind; <see cref="EvidenceKind.Partners"/> is required. Each is read once, and closed.</param>
    /// <param name="report">Receives, per file, what was read, skipped, left out and ignored, and the notices of assembling the partnerships; <see langword="null"/> for none.</param>
    /// <returns>The portfolio: one partnership per partner, in the partners file's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sources"/> has no partners file, or a kind that is not defined.</exception>
    /// <exception cref="ImportException">A file lacks a required column or cannot be read, or a row is bad under <see cref="BadRowPolicy.Fail"/>. The message begins with the file's <see cref="EvidenceSource.Name"/> (<c>tasks.csv: line 3, column "Status", …</c>); <see cref="ImportException.Problem"/> is the problem without it, as the file's report lists it.</exception>
    public Portfolio Import(IReadOnlyDictionary<EvidenceKind, EvidenceSource> sources, PortfolioImportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (!sources.TryGetValue(EvidenceKind.Partners, out var partnerFile) || partnerFile is null)
        {
            throw new ArgumentException("The partners file is required: every other file's evidence belongs to one of its partners.", nameof(sources));
        }

        foreach (var (kind, source) in sources)
        {
            if (!Enum.IsDefined(kind) || source is null)
            {
                throw new ArgumentException($"'{kind}' is not a kind of evidence file, or its source is null.", nameof(sources));
            }
        }

        report ??= new PortfolioImportReport();
        var telemetry = ImportTelemetry.Start("portfolio", lazy: false);

        // A report given again adds this import's rows to those of the earlier ones: only this import's are counted.
        var earlier = telemetry is null ? null : report.Files.ToDictionary(file => file.Key, file => (file.Value.Rows, file.Value.Imported, file.Value.Skipped, file.Value.Excluded));
        try
        {
            var portfolio = Import(sources, report, partnerFile);
            telemetry?.Tag("partnermetrics.partnerships", portfolio.Partnerships.Length);
            End(telemetry, report, earlier, null);
            return portfolio;
        }
        catch (Exception error) when (telemetry is not null)
        {
            End(telemetry, report, earlier, error);
            throw;
        }
    }

    /// <summary>Counts the rows this import read from the evidence files (deals are counted as they are read) and ends the import's telemetry.</summary>
    private static void End(ImportTelemetry.Scope? telemetry, PortfolioImportReport report, Dictionary<EvidenceKind, (long Rows, long Imported, long Skipped, long Excluded)>? earlier, Exception? error)
    {
        if (telemetry is null)
        {
            return;
        }

        foreach (var (kind, file) in report.Files)
        {
            if (kind != EvidenceKind.Opportunities)
            {
                var (rows, imported, skipped, excluded) = earlier is not null && earlier.TryGetValue(kind, out var before) ? before : default;
                telemetry.Count(kind.ToString().ToLowerInvariant(), file.Rows - rows, file.Imported - imported, file.Skipped - skipped, file.Excluded - excluded);
            }
        }

        telemetry.End(error);
    }

    private Portfolio Import(IReadOnlyDictionary<EvidenceKind, EvidenceSource> sources, PortfolioImportReport report, EvidenceSource partnerFile)
    {
        PartnerRows? partnerRows = null;
        var partners = Read(EvidenceKind.Partners, partnerFile, report, (t, r) => partnerRows = new PartnerRows(Profile, t, r));
        var ids = new PartnerKeys(partners.Select(p => (p.Partner.Id.Value!, p.Partner.Name)), partnerRows?.Others);
        List<T> Evidence<T>(EvidenceKind kind, Func<TableColumns, ImportReport, CellReader<T>> reader)
            where T : class => sources.TryGetValue(kind, out var source) ? Read(kind, source, report, reader) : [];

        var commitments = Evidence(EvidenceKind.Commitments, (t, r) => new CommitmentRows(Profile, t, r, ids));
        var interactions = Evidence(EvidenceKind.Interactions, (t, r) => new InteractionRows(Profile, t, r, ids));
        interactions.AddRange(Evidence(EvidenceKind.Cases, (t, r) =>
        {
            var cases = new CaseRows(Profile, t, r, ids);
            if (!cases.Responses)
            {
                r.Notice("No column gives when a request was answered, so requests are left out rather than read as unanswered.");
            }

            if (!cases.Closings)
            {
                r.Notice("No column gives when a case was closed, so escalations are left out rather than read as open.");
            }

            return cases;
        }));
        var certifications = Evidence(EvidenceKind.Certifications, (t, r) => new CertificationRows(Profile, t, r, ids));
        var deliveries = Evidence(EvidenceKind.Deliveries, (t, r) => new DeliveryRows(Profile, t, r, ids));
        var plans = Evidence(EvidenceKind.PlanReviews, (t, r) => new PlanRows(Profile, t, r, ids));
        var checkIns = Evidence(EvidenceKind.GoalCheckIns, (t, r) => new CheckInRows(Profile, t, r, ids));
        var deals = sources.TryGetValue(EvidenceKind.Opportunities, out var dealFile) ? Deals(dealFile, report.For(EvidenceKind.Opportunities)) : [];

        var partnerships = new List<Partnership>(partners.Count);
        var byPartner = new Dictionary<string, List<Opportunity>>(StringComparer.Ordinal);
        var others = new List<Opportunity>();
        foreach (var deal in deals)
        {
            if (deal.PartnerId is { Value: { } id } && ids.TryResolve(id, out var partner))
            {
                (byPartner.TryGetValue(partner, out var list) ? list : byPartner[partner] = []).Add(partner == id ? deal : WithPartner(deal, new PartnerId(partner)));
            }
            else
            {
                if (deal.PartnerId is { Value: { } unmatched })
                {
                    ids.Unmatched(unmatched);
                }

                others.Add(deal);
            }
        }

        var evidence = new PartnerEvidence(commitments, interactions, certifications, deliveries, plans, checkIns, byPartner);
        foreach (var row in partners)
        {
            if (Partnership(row, evidence, report) is { } partnership)
            {
                partnerships.Add(partnership);
            }
        }

        NamesNotice(report, ids.SharedNamesAsked, "the name of several partners: evidence and deals that give their partner by such a name, not by its id, belong to none of them.");
        NamesNotice(report, ids.AccountNamesAsked, "the name of a partner and of an account of the partners file that is not a partner: evidence and deals that give their account by such a name, not by its id, belong to neither.");

        if (others.Count > 0)
        {
            var unknown = others.Where(o => o.PartnerId is not null).Select(o => o.PartnerId!.Value).Distinct().Count();
            report.Notice(string.Create(CultureInfo.InvariantCulture, $"{others.Count:N0} deals have no partner of the partners file{(unknown > 0 ? $" ({unknown:N0} name a partner id that is not in it)" : string.Empty)}; they count in the pipeline, not in a partnership."));
        }

        return new Portfolio(partnerships, others);
    }

    /// <summary>A notice of the names that evidence or deals gave and that matched no partner, naming the first: "The name "X" is …", "3 names ("X", …) are each …".</summary>
    private static void NamesNotice(PortfolioImportReport report, IReadOnlyCollection<string> asked, string what)
    {
        if (asked.Count > 0)
        {
            var first = asked.First();
            var names = asked.Count == 1 ? $"The name \"{first}\" is" : string.Create(CultureInfo.InvariantCulture, $"{asked.Count:N0} names (\"{first}\", …) are each");
            report.Notice($"{names} {what}");
        }
    }

    /// <summary>
    /// The profile's headers of each field of a kind, then the field's own name (<c>partnerId</c>, <c>dueOn</c>) unless a header
    /// of the profile already is that name: a file may always use the fields' own names, with or without a profile.
    /// </summary>
    private static Dictionary<string, ImmutableArray<string>> WithOwnNames(ImmutableDictionary<string, ImmutableArray<string>> columns, EvidenceKind kind)
    {
        var listed = columns.Values.SelectMany(h => h).Select(ImportProfile.Normalize).ToHashSet(StringComparer.Ordinal);
        var result = columns.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var field in EvidenceSchema.Kinds[kind])
        {
            if (!listed.Contains(ImportProfile.Normalize(field.Name)))
            {
                result[field.Name] = [.. result.GetValueOrDefault(field.Name, []), field.Name];
            }
        }

        return result;
    }

    /// <summary>A deal given to its partner under the id the partners file writes (the other form of a Salesforce id).</summary>
    private static Opportunity WithPartner(Opportunity deal, PartnerId partner) => new(
        deal.Id, deal.AccountId, deal.CreatedOn, deal.Motion, deal.Source, deal.Route, deal.Outcome, deal.Amount, partner, deal.District,
        deal.RegisteredOn, deal.LastUpdatedOn, deal.ExpectedCloseOn, deal.ClosedOn, deal.LossReason, deal.Stage);

    private static void Fail(PortfolioImportReport report, ImportProblem problem, BadRowPolicy policy)
    {
        var partners = report.For(EvidenceKind.Partners);
        partners.Add(problem);
        if (policy == BadRowPolicy.Fail)
        {
            throw InFile(partners.Source, new ImportException(problem));
        }

        partners.Imported--;
        partners.Skipped++;
    }

    /// <summary>The first day of a goal row: the day its goal starts, or its check-in when earlier; a plan made of goals alone is created on the first.</summary>
    private static DateOnly FirstGoalDay(CheckInRow row) => row.StartsOn is { } start && start < row.CheckIn.On ? start : row.CheckIn.On;

    private static JointPlan? Plan(string id, List<PlanRow> rows, List<CheckInRow> checkIns, PortfolioImportReport report)
    {
        if (rows.Count == 0 && checkIns.Count == 0)
        {
            return null;
        }

        var goals = checkIns
            .GroupBy(c => c.Goal, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new PlanGoal(
                    g.Key,
                    first.Owner,
                    g.Select(c => c.CheckIn).OrderBy(c => c.On),
                    g.Select(c => c.Target).FirstOrDefault(t => t is not null),
                    g.Select(c => c.StartsOn).FirstOrDefault(d => d is not null),
                    g.Select(c => c.DueOn).FirstOrDefault(d => d is not null));
            })
            .ToList();

        if (rows.Count == 0)
        {
            var created = checkIns.Min(FirstGoalDay);
            report.Notice($"Partner '{id}' has goals but no plan row: its plan is taken as created on {created:yyyy-MM-dd}, its first goal day.");
            return new JointPlan(created, goals);
        }

        var latest = rows.Max(r => r.CreatedOn);
        var current = rows.Where(r => r.CreatedOn == latest).ToList();
        if (current.Count < rows.Count)
        {
            report.Notice($"Partner '{id}' has plans created on {rows.Select(r => r.CreatedOn).Distinct().Count()} days; the latest, of {latest:yyyy-MM-dd}, is scored.");
        }

        var cadence = current.Select(r => r.CadenceDays).FirstOrDefault(c => c is not null);
        return new JointPlan(
            latest,
            goals,
            current.Where(r => r.ReviewedOn is not null).Select(r => new PlanReview(r.ReviewedOn!.Value, r.Alignment)).OrderBy(r => r.On),
            cadence is { } days ? TimeSpan.FromDays(days) : null);
    }

    private Partnership? Partnership(PartnerRow row, PartnerEvidence evidence, PortfolioImportReport report)
    {
        var id = row.Partner.Id.Value!;
        var commitments = evidence.Commitments(id);
        var interactions = evidence.Interactions(id);
        var certifications = evidence.Certifications(id);
        var deliveries = evidence.Deliveries(id);
        var plans = evidence.Plans(id);
        var checkIns = evidence.CheckIns(id);
        var deals = evidence.Deals(id);
        var started = row.Partner.OnboardedOn ?? row.CreatedOn;
        if (started is null)
        {
            var days = commitments.Select(c => c.DueOn)
                .Concat(interactions.Select(i => i.Date))
                .Concat(certifications.Select(c => c.ObtainedOn))
                .Concat(deliveries.Select(d => d.Date))
                .Concat(plans.Select(p => p.CreatedOn))
                .Concat(checkIns.Select(c => plans.Count == 0 ? FirstGoalDay(c) : c.CheckIn.On))
                .Concat(deals.Select(d => d.CreatedOn))
                .ToList();
            if (days.Count == 0)
            {
                Fail(report, new ImportProblem(row.Line, null, id, "the partner has no onboarding day, no account creation day and no evidence, so its partnership has no start."), Profile.BadRows);
                return null;
            }

            started = days.Min();
            report.Notice($"Partner '{id}' has no onboarding or creation day: its partnership starts on {started:yyyy-MM-dd}, its earliest evidence.");
        }

        try
        {
            return new Partnership(row.Partner, started.Value, Profile.RequiredCompetencies, commitments, interactions, certifications, deliveries, Plan(id, plans, checkIns, report), deals);
        }
        catch (ArgumentException error)
        {
            Fail(report, new ImportProblem(row.Line, null, id, $"the partner's evidence does not make a valid partnership: {error.Message}"), Profile.BadRows);
            return null;
        }
    }

    private List<Opportunity> Deals(EvidenceSource source, ImportReport report)
    {
        // The evidence profile's policy is every file's, the deals file's too (a command line's --skip-invalid sets only it).
        var importer = new OpportunityImporter((Profile.Opportunities ?? ImportProfile.PartnerMetrics) with { BadRows = Profile.BadRows }, lookups.Where(l => l.Key.Kind == EvidenceKind.Opportunities).Select(l => l.Value))
        {
            MaxWorkbookPartCharacters = MaxWorkbookPartCharacters,
            UniqueIds = true,
        };
        try
        {
            return [.. source.Deals(importer, report)];
        }
        catch (ImportException error)
        {
            throw InFile(source.Name, error);
        }
    }

    /// <summary>
    /// An import's exception that names the file it came from, of the several a portfolio is read from: a problem's own
    /// message names its line and column, not its file (<see cref="ImportException.Problem"/> is the same problem).
    /// </summary>
    private static ImportException InFile(string? file, ImportException error) => string.IsNullOrEmpty(file) ? error : new ImportException(file, error);

    /// <summary>Reads one evidence file: maps its header, fails on a missing required column, and converts its rows; an exception names the file.</summary>
    private List<T> Read<T>(EvidenceKind kind, EvidenceSource source, PortfolioImportReport report, Func<TableColumns, ImportReport, CellReader<T>> reader)
        where T : class
    {
        var fileReport = report.For(kind);
        fileReport.Source = source.Name;
        try
        {
            return ReadRows(kind, source, fileReport, reader);
        }
        catch (ImportException error)
        {
            throw InFile(source.Name, error);
        }
    }

    private List<T> ReadRows<T>(EvidenceKind kind, EvidenceSource source, ImportReport fileReport, Func<TableColumns, ImportReport, CellReader<T>> reader)
        where T : class
    {
        ITableSource table;
        try
        {
            table = source.Open(MaxWorkbookPartCharacters);
        }
        catch (ImportException error) when (error.Problem is { } problem)
        {
            // A file that cannot be opened as a table (empty, not UTF-8, not a workbook) is that file's problem, so that
            // its report, and whoever lists problems by file, names it.
            fileReport.Add(problem);
            throw;
        }

        using var disposeTable = table;
        var profile = Profile.Table(kind);
        var accepted = WithOwnNames(profile.Columns, kind);
        var headers = Enumerable.Range(0, table.Header.Count).Select(i => ImportProfile.Normalize(table.Header.Name(i))).ToHashSet(StringComparer.Ordinal);
        bool InFile(string field) => accepted.TryGetValue(field, out var names) && names.Any(name => headers.Contains(ImportProfile.Normalize(name)));
        var columns = new TableColumns(
            table.Header,
            accepted,
            profile.Unused,
            profile.Lookups.ToDictionary(l => l.Field, l => (l.KeyColumn, lookups[(kind, l.Field)].Values.ToFrozenDictionary(StringComparer.Ordinal)), StringComparer.Ordinal),
            profile.Defaults,
            fileReport,
            EvidenceSchema.Kinds[kind].Where(f => f.EachRow && (f.EachRowWith is null || InFile(f.EachRowWith))).Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        var missing = EvidenceSchema.Kinds[kind].Where(f => f.Required && !columns.Given(f.Name)).Select(f => accepted.TryGetValue(f.Name, out var headers) && headers.Length > 0
            ? $"no column for '{f.Name}' (the profile accepts {string.Join(", ", headers.Select(h => $"\"{h}\""))})"
            : $"no column for '{f.Name}' (the profile names no column for it)")
            .Concat(columns.MissingLookupKeys().Select(f => $"no column \"{profile.Lookups.First(l => l.Field == f).KeyColumn}\", which the lookup of '{f}' needs"))
            .ToList();
        if (missing.Count > 0)
        {
            var problem = new ImportProblem(1, null, null, $"the {EvidenceSchema.JsonName(kind)} file has {string.Join("; ", missing)}. The header has {table.Header.Describe()}.");
            fileReport.Add(problem);
            throw new ImportException(problem);
        }

        var rows = reader(columns, fileReport);
        var records = new List<T>();
        while (table.Read())
        {
            if (rows.Read(table) is { } record)
            {
                records.Add(record);
            }
        }

        rows.Ended(table);

        return records;
    }

    /// <summary>The evidence of each partner, by partner id.</summary>
    private sealed class PartnerEvidence(
        List<EvidenceRow<Commitment>> commitments,
        List<EvidenceRow<Interaction>> interactions,
        List<EvidenceRow<Certification>> certifications,
        List<EvidenceRow<Delivery>> deliveries,
        List<PlanRow> plans,
        List<CheckInRow> checkIns,
        Dictionary<string, List<Opportunity>> deals)
    {
        private readonly ILookup<string, Commitment> commitments = commitments.ToLookup(r => r.PartnerId, r => r.Item, StringComparer.Ordinal);
        private readonly ILookup<string, Interaction> interactions = interactions.ToLookup(r => r.PartnerId, r => r.Item, StringComparer.Ordinal);
        private readonly ILookup<string, Certification> certifications = certifications.ToLookup(r => r.PartnerId, r => r.Item, StringComparer.Ordinal);
        private readonly ILookup<string, Delivery> deliveries = deliveries.ToLookup(r => r.PartnerId, r => r.Item, StringComparer.Ordinal);
        private readonly ILookup<string, PlanRow> plans = plans.ToLookup(r => r.PartnerId, StringComparer.Ordinal);
        private readonly ILookup<string, CheckInRow> checkIns = checkIns.ToLookup(r => r.PartnerId, StringComparer.Ordinal);

        public List<Commitment> Commitments(string id) => [.. commitments[id]];

        public List<Interaction> Interactions(string id) => [.. interactions[id]];

        public List<Certification> Certifications(string id) => [.. certifications[id]];

        public List<Delivery> Deliveries(string id) => [.. deliveries[id]];

        public List<PlanRow> Plans(string id) => [.. plans[id]];

        public List<CheckInRow> CheckIns(string id) => [.. checkIns[id]];

        public List<Opportunity> Deals(string id) => deals.GetValueOrDefault(id) ?? [];
    }
}

/// <summary>One export file for a <see cref="PortfolioImporter"/>: a CSV file or a sheet of an Excel workbook, with the name its report gives.</summary>
public sealed class EvidenceSource
{
    private readonly Func<long?, ITableSource> open;
    private readonly Func<OpportunityImporter, ImportReport, IEnumerable<Opportunity>> deals;

    private EvidenceSource(string name, Func<long?, ITableSource> open, Func<OpportunityImporter, ImportReport, IEnumerable<Opportunity>> deals)
    {
        Name = name;
        this.open = open;
        this.deals = deals;
    }

    /// <summary>Gets the name of the file, for the report and messages.</summary>
    public string Name { get; }

    /// <summary>A CSV file (strict UTF-8, or UTF-16 or UTF-32 with a byte order mark).</summary>
    /// <param name="csv">The file's bytes; read once, and closed.</param>
    /// <param name="name">The file's name, for the report.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static EvidenceSource Csv(Stream csv, string name)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(name);
        return new EvidenceSource(name, _ => CsvSource.Open(CsvSource.Text(csv)), (importer, report) => importer.ReadCsv(csv, report));
    }

    /// <summary>A sheet of an Excel workbook (.xlsx): the first row with a value is the header.</summary>
    /// <param name="workbook">The workbook's bytes; read once, and closed.</param>
    /// <param name="name">The file's name, for the report.</param>
    /// <param name="sheet">The sheet's name, ignoring case; <see langword="null"/> for the first sheet.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workbook"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static EvidenceSource Excel(Stream workbook, string name, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(name);
        return new EvidenceSource(name, limit => ExcelSource.Open(workbook, sheet, limit), (importer, report) => importer.ReadExcel(workbook, sheet, report));
    }

    /// <summary>Opens the file as a table; a workbook's parts held whole are bound by <paramref name="maxWorkbookPartCharacters"/>.</summary>
    internal ITableSource Open(long? maxWorkbookPartCharacters) => open(maxWorkbookPartCharacters);

    internal IEnumerable<Opportunity> Deals(OpportunityImporter importer, ImportReport report)
    {
        report.Source = Name;
        return deals(importer, report);
    }
}

/// <summary>What a <see cref="PortfolioImporter"/> read from each file, and the choices it made in assembling the partnerships.</summary>
public sealed class PortfolioImportReport
{
    private readonly Dictionary<EvidenceKind, ImportReport> files = [];
    private readonly List<string> notices = [];

    /// <summary>Gets the report of each file read, by kind.</summary>
    public IReadOnlyDictionary<EvidenceKind, ImportReport> Files => files;

    /// <summary>Gets the notices of assembling the partnerships: starts taken from evidence, older plans not scored, deals without a partner.</summary>
    public IReadOnlyList<string> Notices => notices;

    internal ImportReport For(EvidenceKind kind) => files.TryGetValue(kind, out var report) ? report : files[kind] = new ImportReport();

    internal void Notice(string notice) => notices.Add(notice);
}
