using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using PartnerMetrics.Benchmarks;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.JsonReadTiming;

/// <summary>
/// <c>JsonReadTiming PARTNERSHIPS READS</c>: writes a <see cref="SyntheticPortfolio"/> of about 100 items a partnership,
/// then reads it whole (<see cref="PartnerMetricsJson.Deserialize{T}(ReadOnlySpan{byte})"/>) and one partnership at a
/// time (<see cref="PortfolioJsonReader"/>), each <c>READS</c> times after two reads not counted, with a full collection
/// before each read as BenchmarkDotNet makes; prints one line of six words: the collector (<c>workstation</c> or
/// <c>server</c>), the document's size in MB, the whole read's median speed in MB/s and what it allocates against the
/// document's size, then the same two for the read one partnership at a time.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var partnerships) || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var reads) || partnerships < 1 || reads < 1)
        {
            Console.Error.WriteLine("usage: JsonReadTiming PARTNERSHIPS READS (both at least 1)");
            return 2;
        }

        byte[] utf8;
        using (var stream = new MemoryStream())
        {
            PartnerMetricsJson.Serialize(stream, SyntheticPortfolio.Create(partnerships, evidencePerPartnership: 100));
            utf8 = stream.ToArray();
        }

        var (whole, wholeAllocated) = Time(reads, () => PartnerMetricsJson.Deserialize<Portfolio>(utf8).Partnerships.Length);
        var (streamed, streamedAllocated) = Time(reads, () =>
        {
            using var stream = new MemoryStream(utf8, writable: false);
            var count = 0;
            foreach (var partnership in new PortfolioJsonReader(stream).ReadPartnerships())
            {
                count += partnership.Commitments.Length;
            }

            return count;
        });

        var megabytes = utf8.Length / 1e6;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} {megabytes:F1} {megabytes / whole:F0} {wholeAllocated / utf8.Length:F2} {megabytes / streamed:F0} {streamedAllocated / utf8.Length:F2}"));
        return 0;
    }

    /// <summary>The median time of a read, in seconds, and what the first counted read allocated, in bytes.</summary>
    private static (double Seconds, double Allocated) Time(int reads, Func<int> read)
    {
        var seconds = new double[reads];
        var allocated = 0.0;
        var kept = 0;
        for (var i = -2; i < reads; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            kept += read();
            clock.Stop();
            if (i >= 0)
            {
                seconds[i] = clock.Elapsed.TotalSeconds;
                allocated = i == 0 ? GC.GetTotalAllocatedBytes(precise: true) - before : allocated;
            }
        }

        GC.KeepAlive(kept);
        Array.Sort(seconds);
        return (seconds[reads / 2], allocated);
    }
}
