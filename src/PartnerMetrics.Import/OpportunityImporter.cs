using System.Collections.Frozen;
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
    private readonly int degree = Environment.ProcessorCount;
    private readonly long? maxWorkbookPartCharacters;

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
            throw new ArgumentException($"The import profile's '{error.ParamName}' is not valid: {ArgumentSentence.Of(error)}", nameof(profile), error);
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

    /// <summary>
    /// Gets the most threads <see cref="ReadCsv(Stream, ImportReport?)"/> parses a UTF-8 file on: blocks of about
    /// 256 KB of whole records are parsed on the thread pool while the enumerating thread takes their deals in file
    /// order. The deals, the report and the errors are the same as on one thread. 1 reads on the enumerating thread
    /// alone. Defaults to <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => degree;
        init
        {
            degree = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, $"'{nameof(MaxDegreeOfParallelism)}' must be at least 1; got {value}.");
        }
    }

    /// <summary>
    /// Gets the most characters that one part of an Excel workbook which the import holds whole in memory may have: the
    /// workbook's list of sheets, the shared strings (the text of every text cell) and the styles. A workbook is a zip
    /// archive, and a small file can expand to parts of hundreds of megabytes; set this for workbooks from sources you
    /// do not trust. A longer part stops the import with <see cref="ImportException"/> naming the part and the limit.
    /// The sheet itself is read as a stream and is not bound. <see langword="null"/>, the default, sets no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public long? MaxWorkbookPartCharacters
    {
        get => maxWorkbookPartCharacters;
        init => maxWorkbookPartCharacters = ExcelLimit.Checked(value, nameof(MaxWorkbookPartCharacters));
    }

    /// <summary>
    /// Gets whether a deal whose id an earlier row of the file gave is a problem of its row, as a portfolio's deals must
    /// be (<see cref="PortfolioImporter"/>): the file is then read on one thread, whatever
    /// <see cref="MaxDegreeOfParallelism"/> says, so that "earlier" is the file's order. A list of deals for the pipeline
    /// is not checked: that would hold every id in memory.
    /// </summary>
    internal bool UniqueIds { get; init; }

    /// <summary>Gets whether a CSV file is read by one reader on the enumerating thread, not in blocks on the pool.</summary>
    private bool OneReader => degree == 1 || UniqueIds;

    /// <summary>Gets the size of the blocks a file is cut into for parallel parsing: small in tests, to make many blocks of a small file.</summary>
    internal int BlockBytes { get; init; } = CsvBlocks.DefaultBlockBytes;

    /// <summary>Reads the deals of a CSV export (strict UTF-8, or UTF-16 or UTF-32 with a byte order mark).</summary>
    /// <param name="csv">The file's bytes; read as the result is enumerated, and closed at the end.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <returns>The deals, in file order (lazily: nothing is read until the enumeration starts).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">While enumerating: the header lacks a required column, the file is not CSV or not UTF-8, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    /// <remarks>A UTF-8 file is parsed on up to <see cref="MaxDegreeOfParallelism"/> threads, its deals still given in file order.</remarks>
    public IEnumerable<Opportunity> ReadCsv(Stream csv, ImportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (OneReader)
        {
            return ReadCsv(CsvSource.Text(csv), report);
        }

        var deals = Counted.Around(report ?? new ImportReport(), (report, telemetry) => InBlocks(csv, report, telemetry));
        return Profile.InferMotion ? Inferred(deals) : deals;
    }

    /// <summary>
    /// Adds the deals of a CSV export to an accumulator, parsing the file on several threads: each block of about
    /// 256 KB of whole records is parsed on the thread pool and added to its own accumulator from
    /// <paramref name="create"/>, and the blocks are merged into <paramref name="accumulator"/> in file order on the
    /// calling thread. The deals are never held, so memory stays bounded whatever the file's size.
    /// </summary>
    /// <typeparam name="T">The accumulator: such as <see cref="PipelineAccumulator"/> or <see cref="GroupedPipelineAccumulator{TKey}"/>, whose merge of any split of the deals equals one pass over them (DOMAIN.md rule 13).</typeparam>
    /// <param name="csv">The file's bytes; read now, and closed at the end.</param>
    /// <param name="accumulator">Receives every deal, through <paramref name="add"/> or <paramref name="merge"/>.</param>
    /// <param name="create">A new, empty accumulator for one block (called on threads of the pool).</param>
    /// <param name="add">Adds a deal to an accumulator (called on threads of the pool, or on the calling thread for a part of the file read by one reader; never on one accumulator from two threads at once).</param>
    /// <param name="merge">Merges the second accumulator, a block's, into the first, <paramref name="accumulator"/> (called on the calling thread).</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the reading between blocks.</param>
    /// <remarks>
    /// <para>
    /// What <paramref name="accumulator"/> receives, and the report, are what <see cref="ReadCsv(Stream, ImportReport?)"/>
    /// with <paramref name="add"/> on every deal would give, for an accumulator that merges as rule 13 says. Under
    /// <see cref="BadRowPolicy.Fail"/> the deals before the bad row are added, and the exception is thrown.
    /// </para>
    /// <para>
    /// With <see cref="MaxDegreeOfParallelism"/> 1, with <see cref="ImportProfile.InferMotion"/> (which needs every
    /// deal first), or when the file is UTF-16 or UTF-32, the deals are read as <see cref="ReadCsv(Stream, ImportReport?)"/>
    /// reads them and added one by one on the calling thread.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">The header lacks a required column, the file is not CSV or not UTF-8, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="create"/> returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void ReadCsvInto<T>(Stream csv, T accumulator, Func<T> create, Action<T, Opportunity> add, Action<T, T> merge, ImportReport? report = null, CancellationToken cancellationToken = default)
        where T : class => InBlocksInto(csv, accumulator, create, add, merge, clear: null, report, cancellationToken);

    /// <summary>
    /// Adds the deals of a CSV export to an accumulator as <see cref="ReadCsvInto{T}(Stream, T, Func{T}, Action{T, Opportunity}, Action{T, T}, ImportReport?, CancellationToken)"/>
    /// does, and reuses each block's accumulator once it is merged: <paramref name="clear"/> empties it, and a later
    /// block is added to it instead of to a new one from <paramref name="create"/>. The result is the same; the
    /// accumulators' memory is allocated once per thread rather than once per block, which spares the garbage
    /// collector (see docs/benchmarks.md, Import).
    /// </summary>
    /// <typeparam name="T">The accumulator: such as <see cref="GroupedPipelineAccumulator{TKey}"/>, whose merge of any split of the deals equals one pass over them (DOMAIN.md rule 13).</typeparam>
    /// <param name="csv">The file's bytes; read now, and closed at the end.</param>
    /// <param name="accumulator">Receives every deal, through <paramref name="add"/> or <paramref name="merge"/>.</param>
    /// <param name="create">A new, empty accumulator for a block when no emptied one is free (called on threads of the pool).</param>
    /// <param name="add">Adds a deal to an accumulator (called on threads of the pool, or on the calling thread for a part of the file read by one reader; never on one accumulator from two threads at once).</param>
    /// <param name="merge">Merges the second accumulator, a block's, into the first, <paramref name="accumulator"/> (called on the calling thread).</param>
    /// <param name="clear">Empties a block's accumulator after its merge, so that it equals a new one from <paramref name="create"/> (called on the calling thread), such as <see cref="GroupedPipelineAccumulator{TKey}.Clear"/>.</param>
    /// <param name="report">Receives what was read, skipped and ignored; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the reading between blocks.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">The header lacks a required column, the file is not CSV or not UTF-8, or a row is bad under <see cref="BadRowPolicy.Fail"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="create"/> returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void ReadCsvInto<T>(Stream csv, T accumulator, Func<T> create, Action<T, Opportunity> add, Action<T, T> merge, Action<T> clear, ImportReport? report = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(clear);
        InBlocksInto(csv, accumulator, create, add, merge, clear, report, cancellationToken);
    }

    private void InBlocksInto<T>(Stream csv, T accumulator, Func<T> create, Action<T, Opportunity> add, Action<T, T> merge, Action<T>? clear, ImportReport? report, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(merge);
        if (OneReader || Profile.InferMotion)
        {
            foreach (var deal in ReadCsv(csv, report))
            {
                cancellationToken.ThrowIfCancellationRequested();
                add(accumulator, deal);
            }

            return;
        }

        // Accumulators merged and cleared, for the blocks to come.
        var emptied = new System.Collections.Concurrent.ConcurrentBag<T>();
        var parts = Counted.Around(report ?? new ImportReport(), (report, telemetry) => InBlocks(csv, report, telemetry, _ => emptied.TryTake(out var reused) ? reused : create() ?? throw new InvalidOperationException($"The {nameof(create)} function returned null instead of an accumulator."), add, cancellationToken));
        foreach (var part in parts)
        {
            if (part.Block is { } block)
            {
                merge(accumulator, block);
                if (clear is not null)
                {
                    clear(block);
                    emptied.Add(block);
                }
            }
            else
            {
                add(accumulator, part.Deal!);
            }
        }
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
        var deals = Rows(() => ExcelSource.Open(workbook, sheet, MaxWorkbookPartCharacters), report ?? new ImportReport());
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
        var deals = RowsAsync(() => ExcelSource.Open(workbook, sheet, MaxWorkbookPartCharacters), report ?? new ImportReport(), cancellationToken);
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

    private IEnumerable<Opportunity> Rows(Func<ITableSource> open, ImportReport report) =>
        Counted.Around(report, (report, telemetry) => Rows(open, report, telemetry));

    private IEnumerable<Opportunity> Rows(Func<ITableSource> open, ImportReport report, Counted telemetry)
    {
        ITableSource source;
        RowReader row;
        try
        {
            source = open();
            try
            {
                row = Start(source.Header, report, source is ExcelSource);
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }
        catch (Exception error) when (telemetry.Fail(error))
        {
            throw;
        }

        return Rows(source, row, telemetry);
    }

    /// <summary>The deals of the rows of a source, read on this thread; the source is disposed at the end.</summary>
    private static IEnumerable<Opportunity> Rows(ITableSource source, RowReader row, Counted telemetry)
    {
        using (source)
        {
            while (true)
            {
                Opportunity? deal;
                try
                {
                    if (!source.Read())
                    {
                        row.Ended(source);
                        break;
                    }

                    deal = row.Read(source);
                    StopOnMixedCurrencies(row.Report);
                }
                catch (Exception error) when (telemetry.Fail(error))
                {
                    throw;
                }

                if (deal is not null)
                {
                    yield return deal;
                }
            }
        }
    }

    /// <summary>
    /// Stops the import once its amounts are in two currencies and the profile sets no reporting currency: they cannot be
    /// added up. Checked after each row read in order (a block that would bring a second code is read again in order), so
    /// that the problem is the first amount in a second code, whatever the number of threads.
    /// </summary>
    private static void StopOnMixedCurrencies(ImportReport report)
    {
        if (report.MixedCurrencies() is { } problem)
        {
            report.Add(problem);
            throw new ImportException(problem);
        }
    }

    /// <summary>The deals of a CSV file parsed in blocks on the thread pool (<see cref="InBlocks"/>), in file order.</summary>
    private IEnumerable<Opportunity> InBlocks(Stream csv, ImportReport report, Counted telemetry)
    {
        foreach (var part in InBlocks(csv, report, telemetry, static block => new List<Opportunity>(block.Length / 128), static (deals, deal) => deals.Add(deal), CancellationToken.None))
        {
            if (part.Block is { } deals)
            {
                foreach (var deal in deals)
                {
                    yield return deal;
                }
            }
            else
            {
                yield return part.Deal!;
            }
        }
    }

    /// <summary>
    /// A CSV file parsed in blocks (<see cref="CsvBlocks"/>) on the thread pool, each block's deals added to its own
    /// <typeparamref name="T"/>, the blocks given in file order with their reports merged into <paramref name="report"/>.
    /// A block that is not CSV is read again, with the rest of the file, on this thread, deal by deal, as
    /// <see cref="Rows(ITableSource, RowReader, Counted)"/> reads a whole file; so is the whole file when it does not
    /// suit blocks. Either way what is given, and the report, are one reader's. A bad row under
    /// <see cref="BadRowPolicy.Fail"/> throws after its block is given with the deals before it.
    /// </summary>
    private IEnumerable<Part<T>> InBlocks<T>(Stream csv, ImportReport report, Counted telemetry, Func<CsvBlock, T> create, Action<T, Opportunity> add, CancellationToken cancellationToken)
        where T : class
    {
        using var blocks = new CsvBlocks(csv, BlockBytes);
        TableHeader? header;
        RowReader? row = null;
        try
        {
            header = Header(blocks);
            if (header is not null)
            {
                row = Start(header, report);
            }
        }
        catch (Exception error) when (telemetry.Fail(error))
        {
            throw;
        }

        if (header is null || row is null)
        {
            foreach (var deal in Rows(() => CsvSource.Open(CsvSource.Text(blocks.Whole())), report, telemetry))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new Part<T>(null, deal);
            }

            yield break;
        }

        var readers = new System.Collections.Concurrent.ConcurrentBag<BlockReader>();
        var pending = new Queue<(CsvBlock Block, Task<ParsedBlock<T>> Parse)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var broken = false;
        try
        {
            var more = true;
            while (true)
            {
                while (more && pending.Count < 4 * degree)
                {
                    if (blocks.Next() is { } next)
                    {
                        pending.Enqueue((next, Task.Run(() => Parse(next, blocks.HeaderBytes, header, report.KeptProblems, readers, create, add, stop.Token), CancellationToken.None)));
                    }
                    else
                    {
                        more = false;
                    }
                }

                if (pending.Count == 0)
                {
                    break;
                }

                ParsedBlock<T> parsed;
                try
                {
                    parsed = pending.Peek().Parse.GetAwaiter().GetResult();
                    cancellationToken.ThrowIfCancellationRequested();
                }
                catch (Exception error) when (telemetry.Fail(error))
                {
                    throw;
                }

                // A block that is not CSV, or whose amounts bring a second currency code, is read again by one reader with
                // the rest of the file: that reader stops where reading the file in order stops, with the same counts.
                if (parsed.Block is null || report.MixedCurrencies(parsed.Report))
                {
                    broken = true;
                    break;
                }

                CsvBlocks.Return(pending.Dequeue().Block);
                report.Merge(parsed.Report);
                yield return new Part<T>(parsed.Block, null);
                if (parsed.Failure is { } failure)
                {
                    telemetry.Fail(failure);
                    throw failure;
                }
            }

            if (broken || !blocks.Done)
            {
                // The rest of the file, from the first block that did not parse (or that would not fit a block), read by one reader.
                var line = broken ? pending.Peek().Block.FirstLine : blocks.NextLine;
                var rest = blocks.Rest(pending.Select(p => p.Block), header: true);
                var text = new StreamReader(rest, CsvBlock.StrictUtf8, detectEncodingFromByteOrderMarks: false);
                CsvSource source;
                try
                {
                    source = CsvSource.OpenBlock(text, header, line, signalBroken: false);
                }
                catch (Exception error) when (telemetry.Fail(error))
                {
                    throw;
                }

                foreach (var deal in Rows(source, row, telemetry))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return new Part<T>(null, deal);
                }
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var (block, parse) in pending)
            {
                ((IAsyncResult)parse).AsyncWaitHandle.WaitOne();
                CsvBlocks.Return(block);
            }
        }
    }

    /// <summary>The header of a file cut into blocks; <see langword="null"/> when the file does not suit blocks or its header row is not CSV (the whole file is then read by one reader, which names the problem).</summary>
    private static TableHeader? Header(CsvBlocks blocks)
    {
        if (blocks.Header() is not { } bytes)
        {
            return null;
        }

        try
        {
            using var source = CsvSource.Open(CsvSource.Text(new MemoryStream(bytes, writable: false)));

            // A lone carriage return ends a record too, so the header's line can hold a record: then blocks would lose it.
            return source.Read() ? null : source.Header;
        }
        catch (ImportException)
        {
            return null;
        }
    }

    /// <summary>Parses one block on a thread of the pool, with a row reader no other thread is using, adding its deals to a new <typeparamref name="T"/>.</summary>
    private ParsedBlock<T> Parse<T>(CsvBlock block, byte[] headerBytes, TableHeader header, int keptProblems, System.Collections.Concurrent.ConcurrentBag<BlockReader> readers, Func<CsvBlock, T> create, Action<T, Opportunity> add, CancellationToken stop)
        where T : class
    {
        var report = new ImportReport(keptProblems);
        if (!readers.TryTake(out var reader))
        {
            reader = new BlockReader(new RowReader(this, Columns(header, new ImportReport()), report), new char[1 << 16], new BlockText());
        }

        var row = reader.Row;
        row.Report = report;
        var into = create(block);
        try
        {
            using var source = CsvSource.OpenBlock(block.Text(headerBytes, reader.Text), header, block.FirstLine, signalBroken: true, reader.Buffer);
            while (!stop.IsCancellationRequested && source.Read())
            {
                if (row.Read(source) is { } deal)
                {
                    add(into, deal);
                }
            }

            return new ParsedBlock<T>(into, report, null);
        }
        catch (CsvBlockBrokenException)
        {
            return new ParsedBlock<T>(null, report, null);
        }
        catch (ImportException failure)
        {
            return new ParsedBlock<T>(into, report, failure);
        }
        finally
        {
            readers.Add(reader);
        }
    }

    /// <summary>What one thread parses blocks with, kept from block to block: the row reader with its caches, the CSV reader's buffer, and the blocks' decoded text.</summary>
    private sealed record BlockReader(RowReader Row, char[] Buffer, BlockText Text);

    /// <summary>What a block parsed to: its deals added to a <typeparamref name="T"/> (<see langword="null"/> when the block is not CSV), its report, and the bad row that stopped it under <see cref="BadRowPolicy.Fail"/>.</summary>
    private sealed record ParsedBlock<T>(T? Block, ImportReport Report, ImportException? Failure)
        where T : class;

    /// <summary>One part of a file read in blocks, in file order: a whole block's deals, or one deal read on the enumerating thread.</summary>
    private readonly record struct Part<T>(T? Block, Opportunity? Deal)
        where T : class;

    private async IAsyncEnumerable<Opportunity> RowsAsync(Func<ValueTask<ITableSource>> open, ImportReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var telemetry = new Counted(report);
        try
        {
            ITableSource source;
            RowReader row;
            try
            {
                source = await open().ConfigureAwait(false);
                row = Start(source.Header, report, source is ExcelSource);
            }
            catch (Exception error) when (telemetry.Fail(error))
            {
                throw;
            }

            using (source)
            {
                while (true)
                {
                    Opportunity? deal;
                    try
                    {
                        if (!await source.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            row.Ended(source);
                            break;
                        }

                        deal = row.Read(source);
                        StopOnMixedCurrencies(row.Report);
                    }
                    catch (Exception error) when (telemetry.Fail(error))
                    {
                        throw;
                    }

                    if (deal is not null)
                    {
                        yield return deal;
                    }
                }
            }
        }
        finally
        {
            telemetry.End();
        }
    }

    private IAsyncEnumerable<Opportunity> RowsAsync(Func<ITableSource> open, ImportReport report, CancellationToken cancellationToken) =>
        RowsAsync(() => ValueTask.FromResult(open()), report, cancellationToken);

    /// <summary>The telemetry of one file's import (<see cref="ImportTelemetry"/>): the report's counts when it started, and the error that ended it.</summary>
    private sealed class Counted(ImportReport report)
    {
        private readonly ImportTelemetry.Scope? scope = ImportTelemetry.Start("opportunities", lazy: true);
        private readonly (long Rows, long Imported, long Skipped, long Excluded) before = (report.Rows, report.Imported, report.Skipped, report.Excluded);
        private Exception? error;

        /// <summary>The deals of one import, counted when the enumeration ends, however it ends.</summary>
        public static IEnumerable<TItem> Around<TItem>(ImportReport report, Func<ImportReport, Counted, IEnumerable<TItem>> read)
        {
            var telemetry = new Counted(report);
            try
            {
                foreach (var deal in read(report, telemetry))
                {
                    yield return deal;
                }
            }
            finally
            {
                telemetry.End();
            }
        }

        /// <summary>Keeps the error for <see cref="End"/>; <see langword="false"/>, for an exception filter.</summary>
        public bool Fail(Exception failure)
        {
            error = failure;
            return false;
        }

        public void End()
        {
            scope?.Count("opportunities", report.Rows - before.Rows, report.Imported - before.Imported, report.Skipped - before.Skipped, report.Excluded - before.Excluded);
            scope?.End(error);
        }
    }


    /// <summary>Maps the header to the profile's fields, recording the columns used and ignored in <paramref name="report"/>.</summary>
    private TableColumns Columns(TableHeader header, ImportReport report) => new(
        header,
        Profile.Columns,
        Profile.Unused.Concat(Profile.CurrencyColumns.Values),
        Profile.Lookups.ToDictionary(l => l.Field, l => (l.KeyColumn, lookups[l.Field]), StringComparer.Ordinal),
        Profile.Defaults,
        report);

    /// <summary>Maps the header to the fields, records what is used and ignored, and fails on a missing required column.</summary>
    /// <param name="header">The file's header.</param>
    /// <param name="report">The file's report.</param>
    /// <param name="worksheet">Whether the header is a worksheet's, whose columns are cells, not separated by commas.</param>
    private RowReader Start(TableHeader header, ImportReport report, bool worksheet = false)
    {
        var columns = Columns(header, report);
        var errors = new List<string>();
        void Require(string field, string what)
        {
            if (!columns.Given(field))
            {
                var accepted = Profile.Columns.TryGetValue(field, out var headers) ? $" (the profile accepts {string.Join(", ", headers.Select(h => $"\"{h}\""))})" : " (the profile names no column for it)";
                errors.Add($"no column gives '{field}', {what}{accepted}");
            }
        }

        Require("id", "the opportunity id");
        Require("accountId", "the customer account");
        Require("createdOn", "the day the deal originated");
        if (!columns.Given("outcome") && !columns.Given("stage"))
        {
            errors.Add("no column gives 'outcome' or 'stage', so no deal can be told open, won or lost");
        }

        if (!Profile.InferMotion)
        {
            Require("motion", "new logo or farming; or set \"inferMotion\": true to infer it from each account's history");
        }

        foreach (var field in columns.MissingLookupKeys())
        {
            errors.Add($"the lookup of '{field}' needs the column \"{Profile.Lookups.First(l => l.Field == field).KeyColumn}\"");
        }

        if (errors.Count > 0)
        {
            var problem = new ImportProblem(1, null, null, worksheet
                ? $"{string.Join("; ", errors)}. The header, the sheet's first row with a value, has {header.Describe()}."
                : $"{string.Join("; ", errors)}. The header has {header.Describe()}; columns are separated by commas.");
            report.Add(problem);
            throw new ImportException(problem);
        }

        foreach (var field in (ReadOnlySpan<string>)["source", "route"])
        {
            if (!columns.Given(field))
            {
                report.Notice($"No column gives the {field}: every deal's {field} is Unknown, and the metrics that need it are null.");
            }
        }

        if (Profile.InferMotion)
        {
            report.Notice(columns.InFile("motion")
                ? "Motions are inferred from each account's history; the export's Renewal, CrossSell and Upsell are kept after the first win."
                : "No column gives the motion: it is inferred from each account's history (the first won deal is NewLogo).");
        }

        return new RowReader(this, columns, report);
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
    private sealed class RowReader : CellReader<Opportunity>
    {
        private readonly OpportunityImporter importer;

        // An export repeats a few values; each is mapped once.
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
        private readonly Column currency;
        private readonly Column wonAmount;
        private readonly Column wonCurrency;
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

        /// <summary>The line of each id read so far, when ids must be unique (<see cref="UniqueIds"/>).</summary>
        private readonly Dictionary<OpportunityId, long>? firstLines;

        public RowReader(OpportunityImporter importer, TableColumns table, ImportReport report)
            : base(report, importer.Profile.BadRows, importer.dateFormats, importer.Profile.DecimalSeparator[0])
        {
            this.importer = importer;
            id = table.Of("id");
            account = table.Of("accountId");
            created = table.Of("createdOn");
            stage = table.Of("stage", interned: true);
            outcome = table.InFile("outcome") || importer.Profile.Defaults.ContainsKey("outcome") ? table.Of("outcome") : stage;
            motion = table.Of("motion");
            dealSource = table.Of("source");
            route = table.Of("route");
            amount = table.Of("amount");
            currency = CurrencyOf(importer.Profile, table, amount);
            wonAmount = table.Of("wonAmount");
            wonCurrency = CurrencyOf(importer.Profile, table, wonAmount);
            partner = table.Of("partnerId", interned: true);
            district = table.Of("district", interned: true);
            registered = table.Of("registeredOn");
            updated = table.Of("lastUpdatedOn");
            expected = table.Of("expectedCloseOn");
            closed = table.Of("closedOn");
            close = table.Of("closeOn");
            lossReason = table.Of("lossReason", interned: true);
            columns = [id, account, created, outcome, motion, dealSource, route, amount, currency, wonAmount, wonCurrency, partner, district, registered, updated, expected, closed, close, lossReason, stage];
            firstLines = importer.UniqueIds ? [] : null;
        }

        /// <summary>The column of the amount's currency code: the profile's currency column of the amount's header, when the file has it.</summary>
        private static Column CurrencyOf(ImportProfile profile, TableColumns table, Column amount)
        {
            var header = amount.Ordinal < 0 ? null : profile.CurrencyColumns.FirstOrDefault(c => ImportProfile.Normalize(c.Key) == ImportProfile.Normalize(amount.Name)).Value;
            var ordinal = header is null ? -1 : table.Header.Find(header);
            return new Column("currency", ordinal, ordinal < 0 ? "currency" : table.Header.Name(ordinal), -1, null, null, new TextCache<string>());
        }

        protected override IEnumerable<Column> ColumnsRead => columns;

        protected override Opportunity? Convert()
        {
            var idText = Required(id);
            var accountText = Required(account);
            var createdOn = Day(created, required: true);
            var dealOutcome = Outcome();
            var dealMotion = Choice(motion, importer.maps.Motions, motions, importer.Profile.InferMotion ? DealMotion.Expansion : null, null, Listed<DealMotion>(), MotionRequired);
            var sourceOf = Choice(dealSource, importer.maps.Sources, sources, DealSource.Unknown, importer.Profile.OtherSources, Listed<DealSource>());
            var dealRoute = Choice(route, importer.maps.Routes, routes, RouteToMarket.Unknown, null, Listed<RouteToMarket>());
            // A won deal is worth the revenue recorded when it was won, where the export gives it; any other, what was at stake.
            var value = dealOutcome == DealOutcome.Won && (Number(wonAmount) is not null || Text(wonAmount) is not null)
                ? Amount(wonAmount, wonCurrency)
                : Amount(amount, currency);
            var partnerText = Text(partner);
            var registeredOn = Day(registered);
            var updatedOn = Day(updated);
            var expectedOn = Day(expected);
            var closedOn = Day(closed);
            var fromClose = false;   // whether the close date gave the expected or the closing day, for a problem's column
            if (Day(close) is { } day && dealOutcome is { } known)
            {
                if (known == DealOutcome.Open)
                {
                    fromClose = expectedOn is null;
                    expectedOn ??= day;
                }
                else
                {
                    fromClose = closedOn is null;
                    closedOn ??= day;
                }
            }

            if (ProblemCount > 0 || idText is null || accountText is null || createdOn is null || dealOutcome is null || dealMotion is null || sourceOf is null || dealRoute is null)
            {
                return null;
            }

            // An id's own check (too long, half a surrogate pair) names its parameter "value": the column is the one whose id was being made.
            Column? making = id;
            try
            {
                var opportunityId = new OpportunityId(idText);
                making = account;
                var accountId = new AccountId(accountText);
                making = partner;
                PartnerId? partnerId = partnerText is null ? null : new PartnerId(partnerText);
                making = null;
                var deal = new Opportunity(
                    opportunityId,
                    accountId,
                    createdOn.Value,
                    dealMotion.Value,
                    sourceOf.Value,
                    dealRoute.Value,
                    dealOutcome.Value,
                    value,
                    partnerId,
                    Text(district),
                    registeredOn,
                    updatedOn,
                    expectedOn,
                    closedOn,
                    dealOutcome == DealOutcome.Lost ? Text(lossReason) : null,
                    Text(stage));

                // Only a deal that was read counts: a row skipped for its problems leaves its id free.
                if (firstLines is not null && !firstLines.TryAdd(opportunityId, Source.Line))
                {
                    Problem(id, Raw(id), string.Create(CultureInfo.InvariantCulture, $"the file gives this id twice, first on line {firstLines[opportunityId]:N0}; a portfolio holds a deal once."));
                    return null;
                }

                return deal;
            }
            catch (ArgumentException error)
            {
                var column = making ?? error.ParamName switch
                {
                    "closedOn" or "expectedCloseOn" when fromClose => close,
                    { } name => Array.Find(columns, c => c.Field == name),
                    null => null,
                };
                Problem(column, column is null ? null : Raw(column), ArgumentSentence.Of(error));
                return null;
            }
        }

        /// <summary>The problem of a deal without a motion, where the profile reads it: it says how to do without (a HubSpot deal's optional Deal Type is often empty).</summary>
        private const string MotionRequired = "a value is required: new logo or farming; when the export leaves a deal's motion empty, set \"inferMotion\": true to infer every deal's from its account's history.";

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

        /// <summary>The amount in <paramref name="amount"/>'s cell, its currency checked against <paramref name="currency"/>'s code, if any.</summary>
        private decimal? Amount(Column amount, Column currency)
        {
            if (Number(amount) is not null && ShowsDate(amount))
            {
                return null;
            }

            // An Excel number: a double, read to its shortest round-trip digits (a percentage as the number it shows);
            // otherwise the text, with its code if it has one.
            var worksheet = Number(amount) is { } number and > -1e15 and < 1e15
                ? AmountText.FromWorksheet(number) * (Source.Percent(amount.Ordinal) ? 100 : 1)
                : (decimal?)null;
            ReadOnlySpan<char> text = default, digits = default, code = default;
            if (worksheet is null)
            {
                text = amount.Ordinal >= 0 ? Source.Span(amount.Ordinal) : default;
                if (text.IsEmpty)
                {
                    // An empty cell: the lookup's or the default's amount, if any.
                    text = Text(amount).AsSpan();
                    if (text.IsEmpty)
                    {
                        return null;
                    }
                }

                digits = text;
                if (digits.Length > 4 && CurrencySigns.IsCode(digits[..3]) && digits[3] == ' ')
                {
                    code = digits[..3];
                    digits = digits[4..];
                }
                else if (digits.Length > 4 && CurrencySigns.IsCode(digits[^3..]) && digits[^4] == ' ')
                {
                    code = digits[^3..];
                    digits = digits[..^4];
                }
                else if (digits.Contains('$') && CurrencySigns.TryLettered(digits, out var lettered, out var rest))
                {
                    // US$, R$ and the like name one currency each: as its code.
                    code = lettered;
                    digits = rest;
                }
            }
            else
            {
                // A worksheet's number: its cell format may show its currency, as a code or as a sign.
                text = Raw(amount).AsSpan();
                if (amount.Ordinal >= 0 && Source.Currency(amount.Ordinal) is { } shown)
                {
                    if (CurrencySigns.IsCode(shown))
                    {
                        code = shown;
                    }
                    else if (shown.Length == 1)
                    {
                        digits = shown;
                    }
                    else
                    {
                        Problem(amount, text.ToString(), $"the cell's number format shows the amount in {shown}, a currency this importer cannot tell by that name; format the amounts with their ISO 4217 code ([$XXX]) instead.");
                        return null;
                    }
                }
            }

            if (Text(currency) is { } beside)
            {
                // The code in a column of its own (Salesforce's "Amount Currency", HubSpot's "Currency"), as if written in the amount's cell.
                if (!CurrencySigns.IsCode(beside))
                {
                    Problem(currency, beside, "not an ISO 4217 currency code of three capital letters, such as USD.");
                    return null;
                }

                if (!code.IsEmpty && !code.SequenceEqual(beside))
                {
                    Problem(amount, text.ToString(), $"the amount is written in {code}, but \"{currency.Name}\" says {beside}.");
                    return null;
                }

                code = beside;
            }

            if (!code.IsEmpty && importer.Profile.Currency is { } reporting && !code.SequenceEqual(reporting))
            {
                Problem(amount, text.ToString(), $"the amount is in {code}, not the reporting currency {reporting}; convert it before importing.");
                return null;
            }

            // A sign counts as the amount's currency too: checked against its code, or the reporting currency, or else
            // kept as its mark, so that "$5,000" and "€5,000" do not add up to 10,000.
            string? mark = null;
            if (CurrencySigns.Of(digits, out var several) is not '\0' and var sign)
            {
                var against = !code.IsEmpty ? code : importer.Profile.Currency.AsSpan();
                if (several)
                {
                    Problem(amount, text.ToString(), "the amount is written with two currency signs.");
                    return null;
                }

                if (CurrencySigns.CodesOf(sign).Length == 0)
                {
                    // ¢ is a hundredth of a dollar, ¤ no currency at all: reading the number would be wrong.
                    Problem(amount, text.ToString(), $"the amount is written with {sign}, a sign that names no currency this importer knows; write its ISO 4217 code instead.");
                    return null;
                }

                if (!against.IsEmpty && !CurrencySigns.Agrees(sign, against))
                {
                    // Against the reporting currency the amount needs converting; against its own code the row contradicts itself.
                    var codes = CurrencySigns.Describe(sign);
                    var problem = code.IsEmpty
                        ? $"the amount is written with {sign}, a sign of {codes}, not {against}, the reporting currency; convert it before importing."
                        : $"the amount is written with {sign}, a sign of {codes}, but {(Text(currency) is null ? "its code" : $"\"{currency.Name}\"")} says {against}.";
                    Problem(amount, text.ToString(), problem);
                    return null;
                }

                mark = code.IsEmpty && against.IsEmpty ? CurrencySigns.Mark(sign) : null;
            }

            var parsed = worksheet;
            if (parsed is null && AmountText.TryParse(digits, importer.Profile.DecimalSeparator[0], out var read))
            {
                parsed = read;
            }

            if (parsed is not null)
            {
                if ((!code.IsEmpty || mark is not null) && importer.Profile.Currency is null)
                {
                    // Read as written while every amount has one code or sign; a second stops the import (ImportReport.MixedCurrencies).
                    Report.SawCurrency(code.IsEmpty ? mark : code, Source.Line, amount.Name, text);
                }

                return parsed;
            }

            var example = importer.Profile.DecimalSeparator == "." ? "1,234.50" : "1.234,50";
            Problem(amount, text.ToString(), $"not an amount such as {example} (the profile's decimal separator is '{importer.Profile.DecimalSeparator}').");
            return null;
        }

    }
}
