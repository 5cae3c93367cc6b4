using BenchmarkDotNet.Attributes;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// Reading and writing a large CRM export. The document size is printed at setup so that the
/// results convert to MB/s (size ÷ mean time).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HugeInputBothCollectorsConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet classes cannot be sealed; the stream is disposed in GlobalCleanup.")]
public class JsonBenchmarks
{
    private byte[] utf8 = [];
    private Portfolio portfolio = null!;

    // The writers write into one stream, emptied before each write and large enough for the document, so that they
    // are timed, not the first touch of a fresh 135 MB buffer that a new stream for every write would add.
    private MemoryStream written = null!;

    /// <summary>Gets or sets the number of partnerships, each with about 100 evidence items.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Partnerships { get; set; }

    public static IEnumerable<int> Sizes => Suite.Sizes(10, 1_000, 10_000, 100_000);

    [GlobalSetup]
    public void Setup()
    {
        portfolio = SyntheticPortfolio.Create(Partnerships, evidencePerPartnership: 100);
        // Through a stream: a 100,000-partner document is longer than a string can be.
        using var stream = new MemoryStream();
        PartnerMetricsJson.Serialize(stream, portfolio);
        utf8 = stream.ToArray();
        written = new MemoryStream(utf8.Length + (1 << 20));
        Console.WriteLine($"// Portfolio document: {Partnerships} partnerships, {utf8.Length / 1_000_000.0:F1} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => written.Dispose();

    /// <summary>What <see cref="PartnerMetricsJson.Deserialize{T}(ReadOnlySpan{byte})"/> does: one pass straight into the model.</summary>
    [Benchmark]
    public Portfolio ReadPortfolio() => PartnerMetricsJson.Deserialize<Portfolio>(utf8);

    /// <summary>
    /// The same document read one partnership at a time (<see cref="PortfolioJsonReader"/>), each dropped once counted:
    /// what <c>score</c> does with a file. Its allocation is what the reading costs, not what it keeps.
    /// </summary>
    [Benchmark]
    public int ReadPartnershipByPartnership()
    {
        using var stream = new MemoryStream(utf8, writable: false);
        var items = 0;
        foreach (var partnership in new PortfolioJsonReader(stream).ReadPartnerships())
        {
            items += partnership.Commitments.Length;
        }

        return items;
    }

    /// <summary>The same document read through the documents, as before the one-pass reader, in the same run.</summary>
    [Benchmark]
    public Portfolio ReadPortfolioThroughDocuments() => PartnerMetricsJson.ReadDocument<Portfolio>(utf8);

    /// <summary>What <see cref="PartnerMetricsJson.Serialize{T}(Stream, T)"/> does: one pass straight from the model.</summary>
    [Benchmark]
    public long WritePortfolio()
    {
        written.SetLength(0);
        PartnerMetricsJson.Serialize(written, portfolio);
        return written.Length;
    }

    /// <summary>The same portfolio written through the documents, as before the one-pass writer, in the same run.</summary>
    [Benchmark]
    public long WritePortfolioThroughDocuments()
    {
        written.SetLength(0);
        PartnerMetricsJson.SerializeDocument(written, portfolio);
        return written.Length;
    }
}
