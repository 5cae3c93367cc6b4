using System.Runtime.ExceptionServices;

namespace PartnerMetrics.Reporting;

/// <summary>Work of this package that runs on all cores.</summary>
internal static class AllCores
{
    /// <summary>
    /// Runs <paramref name="body"/> for each index below <paramref name="count"/>, on all cores. The exception of one failing
    /// index comes out as it was thrown; failures of several stay gathered in an <see cref="AggregateException"/>. (The core
    /// library's <c>ParallelParts</c> does this more thoroughly, but this package may run beside another version of that
    /// one, so it does not reach into its internals.)
    /// </summary>
    public static void For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
    }
}
