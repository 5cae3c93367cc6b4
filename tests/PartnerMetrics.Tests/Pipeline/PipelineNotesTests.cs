using PartnerMetrics.Pipeline;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Each null metric of a pipeline result says why in its own words, for each way it can be null (DOMAIN section 4, v2: honest nulls).</summary>
public class PipelineNotesTests
{
    private static readonly DateOnly Created = new(2024, 1, 1);
    private static readonly DateOnly Closed = new(2024, 2, 1);

    /// <summary>A misspelt metric, or one that always has a value, had no note, which reads as "nothing to say" beside a null metric.</summary>
    [Theory]
    [InlineData("WinRate")]
    [InlineData("winRateByCount")]
    [InlineData(nameof(PipelineResult.WonValue))]
    [InlineData("")]
    public void NoteFor_ANameThatIsNoMetricWithoutAValue_IsRejectedNamingIt(string metric)
    {
        var result = Accumulate(Deal("O1", "P-1", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Open, 10m, Created, null, null));

        Rejects.Field<ArgumentException>(() => result.NoteFor(metric)!, nameof(metric), $"got '{metric}'");
        Assert.Throws<ArgumentNullException>(nameof(metric), () => result.NoteFor(null!));
        Assert.NotNull(result.NoteFor(nameof(PipelineResult.WinRateByCount)));
    }

    [Fact]
    public void OnlyOpenDeals_WithoutSourceOrRoute_SayNothingIsClosedOrWon()
    {
        var result = Accumulate(Deal("O1", "P-1", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Open, 10m, Created, null, null));

        Assert.Equal("No deal is closed (won or lost).", result.NoteFor(nameof(PipelineResult.WinRateByCount)));
        Assert.Equal("No deal is closed (won or lost).", result.NoteFor(nameof(PipelineResult.WinRateByValue)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.HuntingShareByCount)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.HuntingShareByValue)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.WonCycle)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.AverageWonDealSize)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.Velocity)));
        Assert.Equal("No deal records its source.", result.NoteFor(nameof(PipelineResult.DealFlowReciprocity)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.RouteConcentration)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.PartnerConcentration)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.TopPartnerShare)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.CustomerConcentration)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.TopCustomerShare)));
        Assert.Equal("No deal with a partner is won.", result.NoteFor(nameof(PipelineResult.RepeatBusinessRate)));
        Assert.Equal("No deal is won.", result.NoteFor(nameof(PipelineResult.Profile)));
        Assert.Equal("No remaining target was given (PipelineOptions.RemainingTarget).", result.NoteFor(nameof(PipelineResult.Coverage)));
    }

    [Fact]
    public void WonDealsWithoutAmounts_ClosedOnTheirFirstDay_SayWhatIsMissing()
    {
        var result = Accumulate(
            Deal("O1", null, DealMotion.NewLogo, DealSource.CoSell, RouteToMarket.Unknown, DealOutcome.Won, null, Created, Created, null),
            Deal("O2", null, DealMotion.Renewal, DealSource.CoSell, RouteToMarket.Direct, DealOutcome.Won, 0m, Created, Created, null));

        Assert.Null(result.NoteFor(nameof(PipelineResult.WinRateByCount)));
        Assert.Equal("No closed deal carries an amount.", result.NoteFor(nameof(PipelineResult.WinRateByValue)));
        Assert.Null(result.NoteFor(nameof(PipelineResult.HuntingShareByCount)));
        Assert.Equal("No won deal carries an amount.", result.NoteFor(nameof(PipelineResult.HuntingShareByValue)));
        Assert.Equal("Every won deal closed on the day it was created, so the mean cycle is 0 days.", result.NoteFor(nameof(PipelineResult.Velocity)));
        Assert.Equal("No deal is partner-sourced or vendor-referred.", result.NoteFor(nameof(PipelineResult.DealFlowReciprocity)));
        Assert.Equal("No won deal with a known route carries an amount.", result.NoteFor(nameof(PipelineResult.RouteConcentration)));
        Assert.Equal("No won deal carries an amount.", result.NoteFor(nameof(PipelineResult.CustomerConcentration)));
        Assert.Equal("No won deal carries an amount.", result.NoteFor(nameof(PipelineResult.TopCustomerShare)));
        Assert.Equal("No deal with a partner is won.", result.NoteFor(nameof(PipelineResult.RepeatBusinessRate)));
        Assert.Equal("No won deal has a partner.", result.NoteFor(nameof(PipelineResult.PartnerConcentration)));
        Assert.Equal("No won deal has a partner.", result.NoteFor(nameof(PipelineResult.TopPartnerShare)));
    }

    /// <summary>
    /// The partner concentration's note said "No won deal with a partner carries an amount." whatever the reason: with no deal
    /// won, or no won deal with a partner, where its siblings say so. Only a partner's wins without amounts say that now.
    /// </summary>
    [Fact]
    public void PartnerWinsWithoutAmounts_SayThatTheirAmountsAreMissing()
    {
        var result = Accumulate(
            Deal("O1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 0m, Created, Closed, null),
            Deal("O2", null, DealMotion.NewLogo, DealSource.VendorReferred, RouteToMarket.Direct, DealOutcome.Won, 50m, Created, Closed, null));

        Assert.Null(result.PartnerConcentration);
        Assert.Equal("No won deal with a partner carries an amount.", result.NoteFor(nameof(PipelineResult.PartnerConcentration)));
        Assert.Equal("No won deal with a partner carries an amount.", result.NoteFor(nameof(PipelineResult.TopPartnerShare)));
    }

    [Fact]
    public void LostDealsWithoutAmounts_MakeTheValueWinRateUndefined_WithTheirCount()
    {
        var result = Accumulate(
            Deal("O1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100m, Created, Closed, null),
            Deal("O2", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, 0m, Created, Closed, null),
            Deal("O3", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, null, Created, Closed, null));

        Assert.Null(result.WinRateByValue);
        Assert.StartsWith("None of the 2 lost deals carries an amount;", result.NoteFor(nameof(PipelineResult.WinRateByValue)), StringComparison.Ordinal);
    }

    [Fact]
    public void WonDealsOfUnknownRoute_AreNamed_AndTheOnesLeftOutCounted()
    {
        var unknownOnly = Accumulate(Deal("O1", "P-1", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Won, 5m, Created, Closed, null));
        Assert.Equal("No won deal records its route to market.", unknownOnly.NoteFor(nameof(PipelineResult.RouteConcentration)));

        var some = Accumulate(
            Deal("O1", "P-1", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Won, 5m, Created, Closed, null),
            Deal("O2", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 5m, Created, Closed, null),
            Deal("O3", "P-1", DealMotion.NewLogo, DealSource.VendorReferred, RouteToMarket.Direct, DealOutcome.Won, 5m, Created, Closed, null));
        Assert.Equal("1 of 3 won deals do not record their route to market and are left out.", some.NoteFor(nameof(PipelineResult.RouteConcentration)));
        Assert.Equal("1 of 3 deals do not record their source and are left out.", some.NoteFor(nameof(PipelineResult.DealFlowReciprocity)));
    }

    [Fact]
    public void NoDealsAtAll_SayThereAreNone()
    {
        var result = new PipelineAccumulator().Result();

        Assert.Equal("There are no deals.", result.NoteFor(nameof(PipelineResult.WinRateByValue)));
        Assert.Equal("There are no deals.", result.NoteFor(nameof(PipelineResult.Profile)));
    }

    /// <summary>
    /// Coverage has no value because no target was given, deals or none: with a target, no deals cover 0 of it. Without
    /// deals its note read "There are no deals.", as if giving deals (or a target to no deals) would give it a value.
    /// </summary>
    [Fact]
    public void NoDealsAtAll_WithoutATarget_SayNoTargetWasGivenForCoverage()
    {
        var result = new PipelineAccumulator().Result();

        Assert.Null(result.Coverage);
        Assert.Equal("No remaining target was given (PipelineOptions.RemainingTarget).", result.NoteFor(nameof(PipelineResult.Coverage)));
        Assert.Equal(0.0, new PipelineAccumulator().Result(new PipelineOptions { RemainingTarget = 100m }).Coverage);
    }

    private static PipelineResult Accumulate(params Opportunity[] deals)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(deals);
        return accumulator.Result();
    }
}
