using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Evidence;

public class CommitmentTests
{
    private static readonly DateOnly Due = new(2025, 3, 31);

    [Fact]
    public void Constructor_KeptLateWithoutDate_Throws() =>
        Rejects.Field<ArgumentException>(() => new Commitment(Side.Partner, Due, CommitmentOutcome.KeptLate), "resolvedOn", "KeptLate");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_KeptLateOnOrBeforeDue_Throws(int days) =>
        Rejects.Field<ArgumentOutOfRangeException>(
            () => new Commitment(Side.Partner, Due, CommitmentOutcome.KeptLate, Due.AddDays(days)),
            "resolvedOn",
            Due.AddDays(days).ToString("yyyy-MM-dd"));

    [Fact]
    public void Constructor_BrokenWithoutDate_Throws() =>
        Rejects.Field<ArgumentException>(() => new Commitment(Side.Vendor, Due, CommitmentOutcome.Broken), "resolvedOn", "Broken");

    [Fact]
    public void Constructor_OpenWithDate_Throws() =>
        Rejects.Field<ArgumentException>(() => new Commitment(Side.Vendor, Due, CommitmentOutcome.Open, Due), "resolvedOn", "2025-03-31");

    [Fact]
    public void Constructor_KeptAfterDue_ThrowsAndSuggestsKeptLate()
    {
        var error = Rejects.Field<ArgumentOutOfRangeException>(
            () => new Commitment(Side.Vendor, Due, CommitmentOutcome.Kept, Due.AddDays(1)),
            "resolvedOn",
            "2025-04-01");

        Assert.Contains("KeptLate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedEnums_Throw()
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new Commitment((Side)7, Due, CommitmentOutcome.Kept), "promisedBy", "7");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Commitment(Side.Vendor, Due, (CommitmentOutcome)(-1)), "outcome", "-1");
    }

    [Fact]
    public void Constructor_ConsistentOutcomes_AreAccepted()
    {
        Assert.Null(new Commitment(Side.Partner, Due, CommitmentOutcome.Open).ResolvedOn);
        Assert.Null(new Commitment(Side.Partner, Due, CommitmentOutcome.Kept).ResolvedOn);
        Assert.Equal(Due, new Commitment(Side.Partner, Due, CommitmentOutcome.Kept, Due).ResolvedOn);
        Assert.Equal(Due.AddDays(3), new Commitment(Side.Partner, Due, CommitmentOutcome.KeptLate, Due.AddDays(3)).ResolvedOn);
        Assert.Equal(Due.AddDays(-10), new Commitment(Side.Partner, Due, CommitmentOutcome.Broken, Due.AddDays(-10)).ResolvedOn);
    }
}
