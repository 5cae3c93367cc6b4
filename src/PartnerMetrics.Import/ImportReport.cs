using System.Collections.Immutable;
using System.Globalization;

namespace PartnerMetrics.Import;

/// <summary>
/// What an import read, skipped and ignored: filled by <see cref="OpportunityImporter"/> as it reads, complete when
/// the enumeration ends. Not thread-safe: give each import its own.
/// </summary>
public sealed class ImportReport
{
    /// <summary>How many problems a report keeps by default with their line and value; every problem is counted in <see cref="ProblemsByColumn"/>.</summary>
    public const int DefaultKeptProblems = 1000;

    private readonly int keptProblems;

    private readonly List<ImportProblem> problems = [];
    private readonly Dictionary<string, long> byColumn = new(StringComparer.Ordinal);
    private readonly List<string> notices = [];

    /// <summary>The first amount in each currency code or sign of several currencies, in the order read, when the profile sets no reporting currency; null until one has either.</summary>
    private List<CurrencySeen>? currencies;

    /// <summary>The index in <see cref="currencies"/> of the first currency none before it shares; −1 while they all share one.</summary>
    private int disagreeing = -1;

    /// <summary>Initializes a new instance of the <see cref="ImportReport"/> class.</summary>
    /// <param name="keptProblems">How many problems to keep in <see cref="Problems"/>; later ones are only counted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keptProblems"/> is negative.</exception>
    public ImportReport(int keptProblems = DefaultKeptProblems)
    {
        if (keptProblems < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keptProblems), keptProblems, $"'{nameof(keptProblems)}' must not be negative; got {keptProblems}.");
        }

        this.keptProblems = keptProblems;
    }

    /// <summary>Gets the name of the file read, when the caller gave one (<see cref="EvidenceSource.Name"/>).</summary>
    public string? Source { get; internal set; }

    /// <summary>Gets the number of records read, blank lines not included.</summary>
    public long Rows { get; internal set; }

    /// <summary>Gets the number of records the import produced (deals, or partners and their evidence).</summary>
    public long Imported { get; internal set; }

    /// <summary>Gets the number of rows skipped for a problem (<see cref="BadRowPolicy.Skip"/>).</summary>
    public long Skipped { get; internal set; }

    /// <summary>Gets the number of rows left out on purpose, not for a problem: rows of accounts that are not partners, or whose value the profile maps to <c>Skip</c> (evidence imports only).</summary>
    public long Excluded { get; internal set; }

    /// <summary>Gets every problem found, counted.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Gets the first problems found (as many as the constructor's <c>keptProblems</c>), in the order found.</summary>
    public IReadOnlyList<ImportProblem> Problems => problems;

    /// <summary>Gets the number of problems per column header (<c>"(row)"</c> for a problem of the whole row), largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ProblemsByColumn =>
        [.. byColumn.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>Gets, for each field found in the header, the column that gives it.</summary>
    public ImmutableSortedDictionary<string, string> Columns { get; internal set; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Gets the headers that no field uses, in file order: their data is not imported.</summary>
    public ImmutableArray<string> IgnoredColumns { get; internal set; } = [];

    /// <summary>Gets sentences on what the import assumed, such as "No column gives the route: every deal's route is Unknown."</summary>
    public IReadOnlyList<string> Notices => notices;

    /// <summary>
    /// Gets a one-line summary, such as "1,000 rows: 998 imported, 2 skipped; 1 column ignored", with the rows left out on
    /// purpose when there are any ("739 rows: 709 imported, 0 skipped, 30 left out; 0 columns ignored"), so that the counts
    /// add up to the rows.
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rows:N0} rows: {Imported:N0} imported, {Skipped:N0} skipped{(Excluded > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Excluded:N0} left out") : string.Empty)}; {IgnoredColumns.Length} column{(IgnoredColumns.Length == 1 ? string.Empty : "s")} ignored");

    internal void Add(ImportProblem problem)
    {
        ProblemCount++;
        var column = problem.Column ?? "(row)";
        byColumn[column] = byColumn.GetValueOrDefault(column) + 1;
        if (problems.Count < keptProblems)
        {
            problems.Add(problem);
        }
    }

    internal void Notice(string notice) => notices.Add(notice);

    /// <summary>Notes an amount written with a currency code when the profile sets no reporting currency: the first amount of each code is kept, in the order read.</summary>
    internal void SawCurrency(ReadOnlySpan<char> code, long line, string? column, ReadOnlySpan<char> value)
    {
        currencies ??= [];
        foreach (var seen in currencies)
        {
            if (code.SequenceEqual(seen.Code))
            {
                return;
            }
        }

        currencies.Add(new CurrencySeen(code.ToString(), line, column, value.ToString()));

        // Checked here, once per new currency, not by MixedCurrencies after every row.
        disagreeing = disagreeing >= 0 ? disagreeing : Disagreeing(currencies);
    }

    /// <summary>Whether this report's amounts and a block's read after them are in two currencies or more (<see cref="MixedCurrencies()"/>).</summary>
    internal bool MixedCurrencies(ImportReport block) => Disagreeing([.. (currencies ?? []).Concat(block.currencies ?? [])]) >= 0;

    /// <summary>
    /// The problem of amounts in two currencies without a reporting currency, at the first amount in the second;
    /// <see langword="null"/> while every amount read has one currency or none. A sign of several currencies ($) agrees
    /// with each of them, so "USD 5" and "$7" are one currency and "$7" and "€5" two. Amounts in two currencies cannot be
    /// added up, and which is the reporting one is the caller's to say.
    /// </summary>
    internal ImportProblem? MixedCurrencies()
    {
        if (disagreeing < 0 || currencies is not { } seen)
        {
            return null;
        }

        var second = seen[disagreeing];
        var first = seen.Take(disagreeing).FirstOrDefault(f => !CodesOf(f.Code).Intersect(CodesOf(second.Code)).Any(), seen[0]);
        return new ImportProblem(
            second.Line,
            second.Column,
            second.Value,
            $"the amount is in {Name(second.Code)}, but the amount on line {first.Line.ToString(CultureInfo.InvariantCulture)} is in {Name(first.Code)}: amounts in two currencies cannot be added up. {Advice(first.Code)}");

        static string Name(string mark) => mark.Length == 1 ? $"{mark} (a sign of {CurrencySigns.Describe(mark[0])})" : mark;

        // A code is the reporting currency to name; a sign of several currencies is the caller's to say which.
        static string Advice(string mark) => mark.Length == 1
            ? $"Set the profile's reporting currency to the code of the {mark} amounts (\"currency\": \"{CodesOf(mark)[0]}\", say) and convert the others before importing."
            : $"Set the profile's reporting currency (\"currency\": \"{mark}\") and convert the others before importing.";
    }

    /// <summary>The index of the first currency no currency before it shares (a code, or a sign's codes); −1 when they all share one.</summary>
    private static int Disagreeing(List<CurrencySeen> seen)
    {
        HashSet<string>? common = null;
        for (var i = 0; i < seen.Count; i++)
        {
            var codes = CodesOf(seen[i].Code);
            if (common is null)
            {
                common = [.. codes];
            }
            else
            {
                common.IntersectWith(codes);
            }

            if (common.Count == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A code, or the codes of a sign (<see cref="CurrencySigns.Mark"/> keeps a sign of several as itself).</summary>
    private static string[] CodesOf(string mark) => mark.Length == 1 ? CurrencySigns.CodesOf(mark[0]) : [mark];

    /// <summary>Gets how many problems the report keeps with their line and value.</summary>
    internal int KeptProblems => keptProblems;

    /// <summary>
    /// Adds what another report of the same file counted, as if its rows had been read after this report's: a block
    /// of the file read on another thread. The other report must keep as many problems as this one.
    /// </summary>
    internal void Merge(ImportReport block)
    {
        Rows += block.Rows;
        Imported += block.Imported;
        Skipped += block.Skipped;
        Excluded += block.Excluded;
        foreach (var problem in block.problems)
        {
            Add(problem);
        }

        foreach (var seen in block.currencies ?? [])
        {
            SawCurrency(seen.Code, seen.Line, seen.Column, seen.Value);
        }

        // The block kept its first problems; any later ones it only counted, and this report, full once it has added
        // the kept ones, would only have counted them too.
        if (block.ProblemCount > block.problems.Count)
        {
            ProblemCount += block.ProblemCount - block.problems.Count;
            var kept = block.problems.GroupBy(p => p.Column ?? "(row)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            foreach (var (column, count) in block.byColumn)
            {
                var more = count - kept.GetValueOrDefault(column);
                if (more > 0)
                {
                    byColumn[column] = byColumn.GetValueOrDefault(column) + more;
                }
            }
        }
    }

    /// <summary>The first amount read in one currency code: its line, column and text.</summary>
    private readonly record struct CurrencySeen(string Code, long Line, string? Column, string Value);
}

/// <summary>One problem of an import: where it is and what is wrong.</summary>
public sealed record ImportProblem
{
    internal ImportProblem(long line, string? column, string? value, string message)
    {
        Line = line;
        Column = column;
        Value = value;
        Message = message;
    }

    /// <summary>Gets the line of the file the row starts on (1 is the header); 0 for a problem of the whole file (a workbook without the sheet asked for).</summary>
    public long Line { get; }

    /// <summary>Gets the column's header; <see langword="null"/> for a problem of the whole row.</summary>
    public string? Column { get; }

    /// <summary>Gets the value as written; <see langword="null"/> when the cell is empty or the problem is the row's.</summary>
    public string? Value { get; }

    /// <summary>Gets what is wrong, in a sentence.</summary>
    public string Message { get; }

    /// <summary>Gets the problem as one line: <c>line 4, column "Created Date", value "2024/13/01": not a day in the form M/d/yyyy.</c>; a problem of the whole file is its message alone.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        if (Line == 0 && Column is null && Value is null)
        {
            return Message;
        }

        var column = Column is null ? string.Empty : $", column \"{Column}\"";
        var value = Value is null ? string.Empty : $", value \"{Value}\"";
        return string.Create(CultureInfo.InvariantCulture, $"line {Line}{column}{value}: {Message}");
    }
}

/// <summary>An import that cannot go on: a header without a required column, a file that is not CSV, or a bad row under <see cref="BadRowPolicy.Fail"/>.</summary>
public sealed class ImportException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ImportException"/> class.</summary>
    public ImportException()
        : this("The import failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ImportException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ImportException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ImportException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ImportException(ImportProblem problem)
        : base(problem.ToString()) => Problem = problem;

    /// <summary>The exception of one file of several, its message naming the file: <c>tasks.csv: line 3, column "Due Date": …</c>.</summary>
    internal ImportException(string file, ImportException error)
        : base($"{file}: {error.Message}", error) => Problem = error.Problem;

    /// <summary>Gets the problem that stopped the import, when it was one row's or the header's.</summary>
    public ImportProblem? Problem { get; }
}
