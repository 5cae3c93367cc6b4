using System.Runtime.ExceptionServices;

namespace PartnerMetrics;

/// <summary>Runs numbered parts of a job on several threads and fails as the same job run in order would.</summary>
internal static class ParallelParts
{
    /// <summary>
    /// Calls <paramref name="body"/> for parts 0 to <paramref name="count"/> − 1 on up to
    /// <see cref="ParallelOptions.MaxDegreeOfParallelism"/> threads. When parts fail, the failure of the lowest-numbered
    /// one is rethrown as itself (not wrapped in an <see cref="AggregateException"/>): the one a caller running the
    /// parts in order would have seen first.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token of <paramref name="parallelOptions"/> was canceled.</exception>
    public static void Run(int count, ParallelOptions parallelOptions, Action<int> body)
    {
        var failures = new Exception?[count];
        var token = parallelOptions.CancellationToken;
        Parallel.For(0, count, parallelOptions, (part, state) =>
        {
            try
            {
                body(part);
            }
            catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
            {
                failures[part] = error;
                state.Break();
            }
        });
        token.ThrowIfCancellationRequested();
        if (Array.Find(failures, failure => failure is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }
}
