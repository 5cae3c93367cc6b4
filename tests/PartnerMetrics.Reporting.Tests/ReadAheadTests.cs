namespace PartnerMetrics.Reporting.Tests;

public sealed class ReadAheadTests
{
    [Fact]
    public void Of_GivesEveryItemInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 1000), ReadAhead<int>.Of(Enumerable.Range(0, 1000), CancellationToken.None));
        Assert.Empty(ReadAhead<int>.Of([], CancellationToken.None));
    }

    [Fact]
    public void Of_ReadsOnAnotherThreadAtMostOneItemAhead()
    {
        var consumer = Environment.CurrentManagedThreadId;
        var readers = new List<int>();
        var read = 0;
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 5; i++)
            {
                readers.Add(Environment.CurrentManagedThreadId);
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        using var items = ReadAhead<int>.Of(Items(), CancellationToken.None).GetEnumerator();
        Assert.True(items.MoveNext());
        Thread.Sleep(100);

        // One item taken, one waiting and one read that waits to be handed over: never more.
        Assert.InRange(Volatile.Read(ref read), 1, 3);
        while (items.MoveNext())
        {
        }

        Assert.DoesNotContain(consumer, readers);
    }

    [Fact]
    public void Of_ASequenceThatThrows_ThrowsItsExceptionAfterTheItemsBefore()
    {
        var failure = new FormatException("$.partnerships[2].partner.id");
        IEnumerable<int> Items()
        {
            yield return 1;
            yield return 2;
            throw failure;
        }

        var taken = new List<int>();
        var thrown = Assert.Throws<FormatException>(() =>
        {
            foreach (var item in ReadAhead<int>.Of(Items(), CancellationToken.None))
            {
                taken.Add(item);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal([1, 2], taken);
    }

    [Fact]
    public void Of_Canceled_ThrowsOperationCanceledAndStopsReading()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;
        IEnumerable<int> Items()
        {
            while (true)
            {
                Interlocked.Increment(ref read);
                yield return 0;
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var item in ReadAhead<int>.Of(Items(), cancel.Token))
            {
                cancel.Cancel();
            }
        });

        var after = Volatile.Read(ref read);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref read));
    }

    [Fact]
    public void Of_LeftEarly_HasEndedTheReadingWhenDisposed()
    {
        // The source (a file, say) may be closed as soon as the enumeration is disposed: nothing reads it after.
        var reading = 0;
        var finished = false;
        IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    Interlocked.Increment(ref reading);
                    Thread.Sleep(1);
                    yield return i;
                }
            }
            finally
            {
                Volatile.Write(ref finished, true);
            }
        }

        foreach (var item in ReadAhead<int>.Of(Items(), CancellationToken.None))
        {
            if (item == 3)
            {
                break;
            }
        }

        Assert.True(Volatile.Read(ref finished));
        var after = Volatile.Read(ref reading);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref reading));
    }
}
