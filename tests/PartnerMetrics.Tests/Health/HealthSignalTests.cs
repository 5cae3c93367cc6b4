using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Signals: a weakest link's message is written only when read, yet a signal compares, hashes and sorts
/// by its code and its full message, as a signal written at once does.
/// </summary>
public class HealthSignalTests
{
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Signals_AreInOrdinalCodeThenMessageOrder(ScoringCase c, HealthModel model)
    {
        var scorer = new HealthScorer(model);
        var report = scorer.Score(c.Partnership, c.AsOf);

        // Sorted as strings: the scorer sorts by the messages' fixed beginnings, without writing them.
        var bySortingTheText = report.Signals.OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.Message, StringComparer.Ordinal);
        Assert.Equal(bySortingTheText.Select(s => (s.Code, s.Message)), report.Signals.Select(s => (s.Code, s.Message)));
    }

    [Fact]
    public void WeakLinks_OfADimensionAndASide_AreInMessageOrder()
    {
        // "The vendor's reliability (trust) is …" sorts before "Trust scores …": 'h' (U+0068) is below 'r' (U+0072).
        var report = new HealthScorer().Score(WeakestLinkTests.VendorBreaksEveryPromise(), Examples.T);
        var links = report.Signals.Where(s => s.Code == FactorCodes.WeakestLink).Select(s => s.Message).ToArray();

        Assert.Equal(2, links.Length);
        Assert.StartsWith("The vendor's reliability (trust) is ", links[0], StringComparison.Ordinal);
        Assert.StartsWith("Trust scores ", links[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ASignalWrittenWhenRead_EqualsOneWrittenAtOnce()
    {
        var deferred = new HealthSignal(FactorCodes.WeakestLink, new FixedMessage("Trust scores ", "Trust scores 12.0."));
        var written = new HealthSignal(FactorCodes.WeakestLink, "Trust scores 12.0.");

        Assert.Equal(written, deferred);
        Assert.True(written == deferred);
        Assert.Equal(written.GetHashCode(), deferred.GetHashCode());
        Assert.Equal(0, HealthSignal.Compare(written, deferred));
        Assert.NotEqual(written, new HealthSignal(FactorCodes.WeakestLink, new FixedMessage("Trust scores ", "Trust scores 12.1.")));
        Assert.NotEqual(written, new HealthSignal(FactorCodes.CertificationExpiring, "Trust scores 12.0."));
        Assert.Equal("HealthSignal { Code = health.weakest-link, Message = Trust scores 12.0. }", deferred.ToString());
    }

    [Fact]
    public void ADeferredMessage_IsWrittenOnce_WhenFirstRead()
    {
        var message = new FixedMessage("Trust scores ", "Trust scores 12.0.");
        var signal = new HealthSignal(FactorCodes.WeakestLink, message);

        Assert.Equal(0, message.Writes);
        Assert.Same(signal.Message, signal.Message);
        Assert.Equal(1, message.Writes);
    }

    [Fact]
    public void DeferredMessages_WithTheSameBeginning_AreOrderedByTheirWholeText()
    {
        var lower = new HealthSignal(FactorCodes.WeakestLink, new FixedMessage("Trust scores ", "Trust scores 12.0."));
        var higher = new HealthSignal(FactorCodes.WeakestLink, new FixedMessage("Trust scores ", "Trust scores 13.0."));
        var shorter = new HealthSignal(FactorCodes.WeakestLink, new FixedMessage("Trust ", "Trust scores 14.0."));

        Assert.True(HealthSignal.Compare(lower, higher) < 0);
        Assert.True(HealthSignal.Compare(higher, lower) > 0);

        // One beginning is a prefix of the other: only the whole text can tell them apart.
        Assert.True(HealthSignal.Compare(higher, shorter) < 0);
        Assert.True(HealthSignal.Compare(shorter, lower) > 0);
    }

    [Fact]
    public void TheDefaultSignal_HasNoMessage_AndEqualsItself()
    {
        HealthSignal none = default;

        Assert.Null(none.Message);
        Assert.Equal(default, none);
        Assert.Equal(default(HealthSignal).GetHashCode(), none.GetHashCode());
    }

    private sealed class FixedMessage(string prefix, string text) : SignalMessage(prefix)
    {
        public int Writes { get; private set; }

        protected override string Write()
        {
            Writes++;
            return text;
        }
    }
}
