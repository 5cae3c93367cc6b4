using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PartnerMetrics.Reporting;

/// <summary>
/// Enumerates a sequence one item ahead of its consumer, on another thread: while a batch of partnerships is scored on
/// all cores, the next is read from its document. The items come in the sequence's order; an exception the sequence
/// throws comes out of <see cref="TryNext"/> as it was thrown; and once disposed, the sequence is no longer read — its
/// enumeration has ended, so its source (a file, say) may be closed.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class ReadAhead<T> : IDisposable
{
    /// <summary>At most one item waits for the consumer while the next is read.</summary>
    private readonly BlockingCollection<T> ready = new(boundedCapacity: 1);
    private readonly CancellationTokenSource stop;
    private readonly Task reading;
    private ExceptionDispatchInfo? failure;

    /// <summary>Initializes a new instance of the <see cref="ReadAhead{T}"/> class and starts reading.</summary>
    /// <param name="items">The sequence.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public ReadAhead(IEnumerable<T> items, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        ready.Add(item, token);
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Disposed or canceled: the consumer stops reading, and TryNext reports a cancellation of its own.
                }
                catch (Exception error)
                {
                    failure = ExceptionDispatchInfo.Capture(error);
                }
                finally
                {
                    ready.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>The items of a sequence, read one ahead on another thread; ending the enumeration stops the reading.</summary>
    /// <param name="items">The sequence.</param>
    /// <param name="cancellationToken">Stops the reading; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The items, in order.</returns>
    public static IEnumerable<T> Of(IEnumerable<T> items, CancellationToken cancellationToken)
    {
        using var ahead = new ReadAhead<T>(items, cancellationToken);
        while (ahead.TryNext(out var item))
        {
            yield return item;
        }
    }

    /// <summary>Takes the next item, waiting for it to be read.</summary>
    /// <param name="item">The item.</param>
    /// <returns>False when the sequence has ended.</returns>
    /// <exception cref="OperationCanceledException">The token given to the constructor was canceled.</exception>
    public bool TryNext(out T item)
    {
        try
        {
            item = ready.Take(stop.Token);
            return true;
        }
        catch (InvalidOperationException) when (ready.IsCompleted)
        {
            // Every item was taken and the reading has ended: with the sequence's own exception, if it threw one.
            reading.Wait(CancellationToken.None);
            failure?.Throw();
            stop.Token.ThrowIfCancellationRequested();
            item = default!;
            return false;
        }
    }

    /// <summary>Stops the reading and waits for it to end.</summary>
    public void Dispose()
    {
        stop.Cancel();
        reading.Wait(CancellationToken.None);
        stop.Dispose();
        ready.Dispose();
    }
}
