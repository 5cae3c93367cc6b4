using System.Buffers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using PartnerMetrics.Cli;
using PartnerMetrics.Health;
using PartnerMetrics.Import;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Reporting;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Fuzz;

/// <summary>
/// The fuzzing targets. Each takes any bytes; the only exceptions it lets out are bugs. The documented
/// outcomes (a <see cref="JsonException"/> from the JSON readers, a listed problem from the CSV reader,
/// an <see cref="ImportException"/> from the importers) are caught here, and a broken promise of the
/// output is thrown as an <see cref="InvalidOperationException"/>. The same targets replay the committed
/// corpus in the tests (docs/reliability.md, "Fuzzing").
/// </summary>
public static class Targets
{
    /// <summary>The day the JSON target scores what it reads as of.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Gets the targets by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json"] = Json,
        ["csv"] = Csv,
        ["score"] = Score,
        ["writers"] = Writers,
        ["import"] = Import,
    };

    /// <summary>
    /// Every character but the controls and the explicit bidirectional formatting characters: a table may hold line breaks and
    /// nothing else below U+0020 or in U+007F–U+009F, and no embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    /// </summary>
    private static readonly SearchValues<char> Printable = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c is '\n' or '\r' || !(char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))]);

    /// <summary>The groupings the writers target picks from (<c>pipeline --by</c>).</summary>
    private static readonly string[] Groupings = ["", "district", "quarter", "motion", "partner", "district,quarter", "partner,motion", "quarter,motion,district,partner"];

    /// <summary>
    /// Reads the bytes as every model type the JSON form has. What reads must write back to an equal
    /// value, and a portfolio must score, analyse and advise without an exception.
    /// </summary>
    public static void Json(byte[] data)
    {
        StreamsAsItReads(data);
        if (Read<Portfolio>(data) is { } portfolio)
        {
            RoundTrips(portfolio);
            var scorer = new HealthScorer();
            _ = scorer.ScoreAll(portfolio, AsOf, maxDegreeOfParallelism: 1);
            _ = scorer.ScoreAll(portfolio, DateOnly.MaxValue, maxDegreeOfParallelism: 1);
            _ = new PortfolioInsights(scorer, portfolio, AsOf).TopPartners(7);
            _ = PipelineAnalytics.GroupBy(portfolio.AllOpportunities(), PipelineKeys.District);
            foreach (var partnership in portfolio.Partnerships.Take(3))
            {
                _ = new PartnershipAdvisor(scorer).Recommend(partnership, AsOf);
            }
        }

        ReadAndRoundTrip<Partnership>(data);
        ReadAndRoundTrip<Opportunity>(data);
        ReadAndRoundTrip<RevenueSnapshot>(data);
        ReadAndRoundTrip<HealthModel>(data);
        ReadAndRoundTrip<HealthReport>(data);
        ReadAndRoundTripAll<HealthReport>(data);
        ReadAndRoundTrip<PipelineResult>(data);
        ReadAndRoundTrip<RetentionResult>(data);
        ReadAndRoundTrip<BrandEquityDebtResult>(data);
        ReadAndRoundTripAll<Opportunity>(data);
        if (Read<PipelineAccumulator>(data) is { } pipeline)
        {
            _ = pipeline.Result();
            RoundTripsTo(pipeline, p => p.Result());
        }

        if (Read<RetentionAccumulator>(data) is { } retention)
        {
            _ = retention.Result();
            RoundTripsTo(retention, r => r.Result());
        }

        if (Read<BrandEquityDebtAccumulator>(data) is { } debt)
        {
            _ = debt.Result();
            RoundTripsTo(debt, d => d.Result());
        }
    }

    /// <summary>Reads the bytes as a CRM opportunities export and analyses what it reads.</summary>
    public static void Csv(byte[] data)
    {
        var accumulator = new GroupedPipelineAccumulator<string?>(PipelineKeys.District);
        var problems = new InputProblems();
        using var stream = new MemoryStream(data, writable: false);
        var records = OpportunityCsv.Read(stream, accumulator.Add, problems);
        var result = accumulator.Result();
        if (!problems.Any && result.Total.Count != records)
        {
            throw new InvalidOperationException($"{records} records read without a problem, but {result.Total.Count} analysed.");
        }

        using var report = new StringWriter();
        problems.WriteTo("fuzz.csv", report);
    }

    /// <summary>
    /// Scores a portfolio read from the input. A five-byte header picks the as-of day (near the start of
    /// the calendar, near its end, anywhere in it, or around today), the step and length of a
    /// <see cref="HealthScorer.History"/> ending on that day, and whether a <see cref="HealthModel"/>
    /// comes first, separated from the portfolio by a NUL byte (JSON text never holds one raw). Every
    /// report must keep the promises of docs/scoring.md, and every history point must equal
    /// <see cref="HealthScorer.Score"/> on its day.
    /// </summary>
    public static void Score(byte[] data)
    {
        if (data.Length < 5)
        {
            return;
        }

        var header = data.AsSpan(0, 5);
        var body = data.AsSpan(5);
        var model = HealthModel.Default;
        if ((header[0] & 1) != 0)
        {
            var separator = body.IndexOf((byte)0);
            if (separator < 0 || Read<HealthModel>(body[..separator].ToArray()) is not { } read)
            {
                return;
            }

            model = read;
            body = body[(separator + 1)..];
        }

        if (Read<Portfolio>(body.ToArray()) is not { } portfolio)
        {
            return;
        }

        var asOf = Day(header[0] >> 1, (header[1] << 8) | header[2]);
        var step = 1 + (header[3] % 64);
        var points = 1 + (header[4] % 24);
        var from = DateOnly.FromDayNumber(Math.Max(0, asOf.DayNumber - ((points - 1) * step)));

        var scorer = new HealthScorer(model);
        var reports = scorer.ScoreAll(portfolio, asOf, maxDegreeOfParallelism: 1);
        foreach (var report in reports)
        {
            Check(report, model);
        }

        foreach (var partnership in portfolio.Partnerships.Take(2))
        {
            var history = scorer.History(partnership, from, asOf, TimeSpan.FromDays(step));
            if (history.Length != ((asOf.DayNumber - from.DayNumber) / step) + 1)
            {
                throw new InvalidOperationException($"History from {from} to {asOf} every {step} days has {history.Length} points.");
            }

            for (var k = 0; k < history.Length; k++)
            {
                var day = from.AddDays(k * step);
                var single = scorer.Score(partnership, day);
                if (history[k].AsOf != day || !history[k].Equals(single) || !history[k].Factors.Select(f => f.Reason).SequenceEqual(single.Factors.Select(f => f.Reason)))
                {
                    throw new InvalidOperationException($"The history point on {day} differs from Score on that day (DOMAIN rule 19).");
                }
            }

            var delta = scorer.Compare(partnership, from, asOf);
            Check(delta.Before, model);
            Check(delta.After, model);
            var shares = delta.Factors.Sum(f => f.Change);
            if (!double.IsFinite(shares) || Math.Abs(shares - delta.Change) > 1e-6)
            {
                throw new InvalidOperationException($"The factor changes add up to {shares}, the score changed by {delta.Change} (DOMAIN rule 12).");
            }

            foreach (var recommendation in new PartnershipAdvisor(scorer).Recommend(partnership, asOf))
            {
                Finite(recommendation.ScoreBefore, "a recommendation's score before");
                Finite(recommendation.ScoreAfter, "a recommendation's score after");
            }
        }

        var insights = new PortfolioInsights(scorer, portfolio, asOf, maxDegreeOfParallelism: 1);
        _ = insights.TopPartners(3);
        _ = insights.TopActions();
        _ = insights.BandDistribution();
        _ = insights.Journey();
        _ = insights.PartnerTypeFit();
    }

    /// <summary>
    /// Writes a portfolio read from the input through the three writers of the CLI — the table, JSON and
    /// the HTML page — for <c>score</c> and for <c>pipeline</c> over its deals, as of a day and by a grouping
    /// that a three-byte header picks (the low two bits of the first byte say where the day is, the next
    /// three the grouping, the next two bytes the offset of the day). The names and values of the input reach every writer; the output
    /// must keep the promises of docs/reliability.md: no control character in a table but line breaks,
    /// JSON that reads back with the names intact, and an HTML page that parses as XML (which also refuses
    /// every character XML forbids).
    /// </summary>
    public static void Writers(byte[] data)
    {
        if (data.Length < 3 || Read<Portfolio>(data.AsSpan(3).ToArray()) is not { } portfolio)
        {
            return;
        }

        var asOf = Day(data[0], (data[1] << 8) | data[2]);
        var scorer = new HealthScorer();
        var summary = PortfolioSummary.Create(portfolio, asOf, scorer);
        TableIsPrintable(writer => SummaryTable.Write(summary, writer));
        using (var json = ReadsBack(writer => JsonOutput.WriteLine(writer, summary, SummaryJsonContext.Default.PortfolioSummary)))
        {
            // Every partner of a partnership started by the day, and a count of the others (a score would be their priors).
            var names = json.RootElement.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
            if (!names.SequenceEqual(portfolio.Partnerships.Where(p => p.StartedOn <= asOf).Select(p => p.Partner.Name).Order(StringComparer.Ordinal))
                || json.RootElement.GetProperty("notStarted").GetInt32() != portfolio.Partnerships.Count(p => p.StartedOn > asOf))
            {
                throw new InvalidOperationException("The JSON summary does not name the partners of the portfolio started by the day, or miscounts the others.");
            }
        }

        IsWellFormed(writer => HtmlReport.WritePortfolio(writer, portfolio, asOf, scorer));

        var by = Groupings[(data[0] >> 2) % Groupings.Length];
        var grouping = PipelineGrouping.None;
        if (by.Length > 0 && !PipelineGrouping.TryParse(by, out grouping, out _))
        {
            throw new InvalidOperationException($"The grouping '{by}' does not parse.");
        }

        var accumulator = new GroupedPipelineAccumulator<PipelineGroupKey>(grouping.Key);
        foreach (var deal in portfolio.AllOpportunities())
        {
            accumulator.Add(deal);
        }

        var result = accumulator.Result();
        var input = portfolio.Partnerships.IsEmpty ? "fuzz.json" : portfolio.Partnerships[0].Partner.Name;
        var report = PipelineReport.Create(input, grouping, result);
        TableIsPrintable(writer => PipelineTable.Write(report, writer));
        ReadsBack(writer => JsonOutput.WriteLine(writer, report, PipelineJsonContext.Default.PipelineReport)).Dispose();
        IsWellFormed(writer =>
        {
            if (grouping.Dimensions.IsEmpty)
            {
                HtmlReport.WritePipeline(writer, result.Total, input);
            }
            else
            {
                HtmlReport.WritePipeline(writer, result, input, [.. grouping.Dimensions.Select(d => PipelineGrouping.Names[(int)d])], grouping.Values, grouping);
            }
        });
    }

    /// <summary>
    /// Reads the input with the importers of PartnerMetrics.Import. The low three bits of the first byte
    /// pick the reader: 0–3 a deals export (CSV) under the built-in profiles partnermetrics, salesforce,
    /// hubspot and dynamics; 4 an import profile (JSON), a NUL byte and a CSV export read with it; 5 and 6
    /// the exports of a Salesforce or HubSpot evidence import, separated by NUL bytes in the order of
    /// <see cref="EvidenceKind"/> (an empty one is left out); 7 an Excel workbook (.xlsx) of deals under
    /// the profile of bits 4–5. Bit 3 sets <see cref="BadRowPolicy.Skip"/>. What docs/import.md lists is
    /// allowed out — <see cref="ImportException"/> while reading, <see cref="JsonException"/> from a
    /// profile, <see cref="ArgumentException"/> for a profile whose lookups have no values — and what is
    /// read must be counted in the report and analyse or score.
    /// </summary>
    public static void Import(byte[] data)
    {
        if (data.Length < 1)
        {
            return;
        }

        var mode = data[0] & 7;
        var skip = (data[0] & 8) != 0;
        var body = data.AsSpan(1);
        try
        {
            if (mode is 5 or 6)
            {
                ImportEvidence(mode == 5 ? EvidenceProfile.Salesforce : EvidenceProfile.HubSpot, skip, body);
                return;
            }

            var profile = DealProfile(mode == 7 ? (data[0] >> 4) & 3 : mode & 3);
            if (mode == 4)
            {
                var separator = body.IndexOf((byte)0);
                if (separator < 0)
                {
                    return;
                }

                using var json = new MemoryStream(body[..separator].ToArray(), writable: false);
                profile = ImportProfile.Load(json);
                body = body[(separator + 1)..];
            }

            var importer = new OpportunityImporter(skip ? profile with { BadRows = BadRowPolicy.Skip } : profile);
            var report = new ImportReport();
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            var accumulator = new PipelineAccumulator();
            var deals = mode == 7 ? importer.ReadExcel(stream, report: report) : importer.ReadCsv(stream, report);
            var count = 0L;
            foreach (var deal in deals)
            {
                accumulator.Add(deal);
                count++;
            }

            _ = accumulator.Result();
            if (report.Imported != count || report.Imported + report.Skipped + report.Excluded > report.Rows)
            {
                throw new InvalidOperationException($"{count} deals read, but the report counts {report.Imported} imported, {report.Skipped} skipped and {report.Excluded} excluded of {report.Rows} rows.");
            }

            _ = report.ToString();
        }
        catch (ImportException)
        {
        }
        catch (JsonException) when (mode == 4)
        {
        }
        catch (ArgumentException error) when (mode == 4 && error.ParamName == "lookups")
        {
        }
    }

    /// <summary>
    /// A built-in profile of deal exports. Not a static field: <see cref="All"/> is read before SharpFuzz sets up the
    /// fuzzer's shared memory, so the initializers of this class must not run instrumented code.
    /// </summary>
    private static ImportProfile DealProfile(int index) => index switch
    {
        0 => ImportProfile.PartnerMetrics,
        1 => ImportProfile.Salesforce,
        2 => ImportProfile.HubSpot,
        _ => ImportProfile.Dynamics,
    };

    private static void ImportEvidence(EvidenceProfile profile, bool skip, ReadOnlySpan<byte> body)
    {
        var sources = new Dictionary<EvidenceKind, EvidenceSource>();
        var kinds = Enum.GetValues<EvidenceKind>();
        for (var k = 0; k < kinds.Length && (k == 0 || !body.IsEmpty); k++)
        {
            var separator = body.IndexOf((byte)0);
            var file = separator < 0 ? body : body[..separator];
            body = separator < 0 ? [] : body[(separator + 1)..];
            if (!file.IsEmpty || kinds[k] == EvidenceKind.Partners)
            {
                sources[kinds[k]] = EvidenceSource.Csv(new MemoryStream(file.ToArray(), writable: false), $"{kinds[k]}.csv");
            }
        }

        var report = new PortfolioImportReport();
        var portfolio = new PortfolioImporter(skip ? profile with { BadRows = BadRowPolicy.Skip } : profile).Import(sources, report);
        var partners = report.Files[EvidenceKind.Partners];
        if (partners.Imported != portfolio.Partnerships.Length)
        {
            throw new InvalidOperationException($"{portfolio.Partnerships.Length} partnerships imported, but the report counts {partners.Imported} partners.");
        }

        foreach (var health in new HealthScorer().ScoreAll(portfolio, AsOf, maxDegreeOfParallelism: 1))
        {
            Check(health, HealthModel.Default);
        }

        var pipeline = new PipelineAccumulator();
        foreach (var deal in portfolio.AllOpportunities())
        {
            pipeline.Add(deal);
        }

        _ = pipeline.Result();
    }

    /// <summary>
    /// The as-of day of a header: <paramref name="offset"/> days around <see cref="AsOf"/>, after
    /// <see cref="DateOnly.MinValue"/>, before <see cref="DateOnly.MaxValue"/>, or spread over the whole calendar.
    /// </summary>
    private static DateOnly Day(int region, int offset) => (region & 3) switch
    {
        0 => AsOf.AddDays(offset - 32768),
        1 => DateOnly.MinValue.AddDays(offset),
        2 => DateOnly.MaxValue.AddDays(-offset),
        _ => DateOnly.FromDayNumber(Math.Min(offset * 56, DateOnly.MaxValue.DayNumber)),
    };

    private static void TableIsPrintable(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        var text = writer.ToString();
        var at = text.AsSpan().IndexOfAnyExcept(Printable);
        if (at >= 0)
        {
            throw new InvalidOperationException($"The table holds the control character U+{(int)text[at]:X4} at {at}.");
        }
    }

    private static JsonDocument ReadsBack(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        try
        {
            return JsonDocument.Parse(writer.ToString());
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The JSON written does not read back: {error.Message}", error);
        }
    }

    private static void IsWellFormed(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        try
        {
            using var reader = XmlReader.Create(new StringReader(writer.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            _ = XDocument.Load(reader);
        }
        catch (XmlException error)
        {
            throw new InvalidOperationException($"The HTML page is not well-formed: {error.Message}", error);
        }
    }

    /// <summary>The promises of docs/scoring.md for one report: numbers in range, the interval around the score.</summary>
    private static void Check(HealthReport report, HealthModel model)
    {
        InRange(report.Score, 0, 100, "score");
        InRange(report.Confidence, 0, 1, "confidence");
        InRange(report.Interval.Lower, 0, 100, "interval lower bound");
        InRange(report.Interval.Upper, 0, 100, "interval upper bound");
        if (!report.Interval.Contains(report.Score))
        {
            throw new InvalidOperationException($"The interval {report.Interval} does not contain the score {report.Score}.");
        }

        if (report.Confidence < model.Bands.MinimumConfidence != (report.Band == HealthBand.InsufficientEvidence))
        {
            throw new InvalidOperationException($"Band {report.Band} at confidence {report.Confidence}.");
        }

        foreach (var dimension in report.Dimensions)
        {
            if (dimension.Score is { } score)
            {
                InRange(score, 0, 100, $"{dimension.Dimension} score");
            }

            InRange(dimension.Confidence, 0, 1, $"{dimension.Dimension} confidence");
            Finite(dimension.Contribution, $"{dimension.Dimension} contribution");
        }

        foreach (var factor in report.Factors)
        {
            if (factor.Value is { } value)
            {
                InRange(value, 0, 1, $"{factor.Code} value");
            }

            InRange(factor.Confidence, 0, 1, $"{factor.Code} confidence");
            Finite(factor.Contribution, $"{factor.Code} contribution");
            _ = factor.Reason;
        }

        var contributions = report.Factors.Sum(f => f.Contribution);
        if (Math.Abs(contributions - report.Score) > 1e-6)
        {
            throw new InvalidOperationException($"The factor contributions add up to {contributions}, the score is {report.Score}.");
        }
    }

    private static void InRange(double value, double low, double high, string what)
    {
        if (!(value >= low && value <= high))
        {
            throw new InvalidOperationException($"The {what} is {value}, outside [{low}, {high}].");
        }
    }

    private static void Finite(double value, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidOperationException($"The {what} is {value}.");
        }
    }

    private static T? Read<T>(byte[] data)
        where T : class
    {
        try
        {
            return PartnerMetricsJson.Deserialize<T>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the bytes as a portfolio one partnership at a time (<see cref="PortfolioJsonReader"/>), a few bytes a read:
    /// the same portfolio as reading it whole, or a <see cref="JsonException"/> naming a path when reading it whole throws
    /// one. The message may differ for a document with several problems: each reader reports the first it meets, and
    /// reading whole checks the form of the whole document before any value (docs/model.md).
    /// </summary>
    private static void StreamsAsItReads(byte[] data)
    {
        var whole = Read<Portfolio>(data);
        Portfolio? streamed;
        try
        {
            var reader = new PortfolioJsonReader(new Trickle(data));
            var partnerships = reader.ReadPartnerships().ToList();
            streamed = new Portfolio(partnerships, reader.Opportunities, reader.RevenueSnapshots);
        }
        catch (JsonException error) when (whole is null && error.Path is ['$', ..])
        {
            return;
        }

        if (whole is null || PartnerMetricsJson.Serialize(streamed) != PartnerMetricsJson.Serialize(whole))
        {
            throw new InvalidOperationException("Read a partnership at a time, the portfolio reads otherwise than read whole.");
        }
    }

    private static void ReadAndRoundTrip<T>(byte[] data)
        where T : class
    {
        if (Read<T>(data) is { } value)
        {
            RoundTrips(value);
        }
    }

    /// <summary>Reads the bytes as a list of values and writes them back: each must survive the round trip unchanged.</summary>
    private static void ReadAndRoundTripAll<T>(byte[] data)
        where T : class
    {
        if (Read<T[]>(data) is { } values && !values.SequenceEqual(PartnerMetricsJson.Deserialize<T[]>(PartnerMetricsJson.Serialize(values))))
        {
            throw new InvalidOperationException($"A list of {typeof(T).Name} changed in a JSON round trip.");
        }
    }

    private static void RoundTrips<T>(T value)
        where T : class => RoundTripsTo(value, v => v);

    /// <summary>Writes the value and reads it back: what was read must survive a round trip unchanged.</summary>
    private static void RoundTripsTo<T, TResult>(T value, Func<T, TResult> project)
        where T : class
    {
        var again = PartnerMetricsJson.Deserialize<T>(PartnerMetricsJson.Serialize(value));
        if (!EqualityComparer<TResult>.Default.Equals(project(value), project(again)))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} changed in a JSON round trip.");
        }
    }

    /// <summary>A stream that hands over at most 7 bytes a read, as a slow pipe may, so that the reader refills its buffer inside every value.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 7)]);
    }
}
