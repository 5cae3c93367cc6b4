using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The suite's two modes. The full suite measures the published sizes; the quick mode
/// (<c>--quick</c>, run by CI) runs every benchmark once, in process, on small sizes, so that the
/// suite can never stop compiling or running. Quick-mode figures mean nothing.
/// </summary>
public static class Suite
{
    /// <summary>The environment variable that switches the quick mode on (<c>1</c>).</summary>
    public const string QuickVariable = "PARTNERMETRICS_BENCHMARKS_QUICK";

    /// <summary>Gets a value indicating whether the suite runs in quick mode.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>The environment variable that keeps only some of the published sizes (<c>1000,10000</c>): a shorter run of one class.</summary>
    public const string SizesVariable = "PARTNERMETRICS_BENCHMARKS_SIZES";

    /// <summary>Returns the published sizes (those of <see cref="SizesVariable"/> when it is set), or only <paramref name="quick"/> in quick mode.</summary>
    public static IEnumerable<int> Sizes(int quick, params int[] full)
    {
        if (Quick)
        {
            return [quick];
        }

        var only = Environment.GetEnvironmentVariable(SizesVariable);
        return string.IsNullOrWhiteSpace(only)
            ? full
            : full.Where(size => only.Split(',').Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }

    /// <summary>The job of every class in quick mode: one invocation, in this process.</summary>
    internal static Job QuickJob => Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick");
}

/// <summary>BenchmarkDotNet's default job: for microbenchmarks (microseconds to milliseconds).</summary>
public sealed class DefaultJobConfig : ManualConfig
{
    public DefaultJobConfig() => AddJob(Suite.Quick ? Suite.QuickJob : Job.Default);
}

/// <summary>For operations of tens of milliseconds to seconds over large inputs: 1 launch, 2 warm-ups, 7 measured iterations.</summary>
public sealed class LargeInputConfig : ManualConfig
{
    public LargeInputConfig() => AddJob(Suite.Quick ? Suite.QuickJob : Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7).WithId("Large"));
}

/// <summary>
/// A job under each garbage collector: the workstation collector (BenchmarkDotNet's default) and the server collector
/// that ASP.NET Core services and the CLI run (the job's id followed by "ServerGc"). Work that keeps all it allocates
/// (a report per partnership, a portfolio read whole) has every object promoted, which the two price differently.
/// </summary>
public abstract class BothCollectorsConfig : ManualConfig
{
    /// <summary>The runtime's switch of the server collector's dynamic adaptation to the application's size (DATAS, on by default since .NET 9).</summary>
    public const string AdaptationVariable = "DOTNET_GCDynamicAdaptationMode";

    /// <param name="id">The jobs' id.</param>
    /// <param name="warmups">The warm-up iterations.</param>
    /// <param name="iterations">The measured iterations.</param>
    /// <param name="fixedServerHeaps">Also a job under the server collector with its dynamic adaptation off (<see cref="AdaptationVariable"/> 0): a heap per core from the start and their full allocation budgets ("…ServerGcFixed").</param>
    protected BothCollectorsConfig(string id, int warmups, int iterations, bool fixedServerHeaps = false)
    {
        if (Suite.Quick)
        {
            AddJob(Suite.QuickJob);
            return;
        }

        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations);
        AddJob(job.WithId(id));
        AddJob(job.WithGcServer(true).WithId(id + "ServerGc"));
        if (fixedServerHeaps)
        {
            AddJob(job.WithGcServer(true).WithEnvironmentVariables(new EnvironmentVariable(AdaptationVariable, "0")).WithId(id + "ServerGcFixed"));
        }
    }
}

/// <summary><see cref="LargeInputConfig"/> under each garbage collector: jobs "Large" and "LargeServerGc".</summary>
public sealed class LargeInputBothCollectorsConfig() : BothCollectorsConfig("Large", warmups: 2, iterations: 7);

/// <summary>
/// <see cref="LargeInputBothCollectorsConfig"/> and the server collector without its dynamic adaptation (job "LargeServerGcFixed"):
/// scoring a whole portfolio keeps a report per partnership, and a collector that starts small promotes them through more
/// collections.
/// </summary>
public sealed class LargeInputAllCollectorsConfig() : BothCollectorsConfig("Large", warmups: 2, iterations: 7, fixedServerHeaps: true);

/// <summary>For operations of several seconds (a 100,000-partner JSON document), under each garbage collector: 1 launch, 1 warm-up, 3 measured iterations; jobs "Huge" and "HugeServerGc".</summary>
public sealed class HugeInputBothCollectorsConfig() : BothCollectorsConfig("Huge", warmups: 1, iterations: 3);
