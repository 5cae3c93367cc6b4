using PartnerMetrics.Evidence;

namespace PartnerMetrics.Tests.Evidence;

public class CertificationTests
{
    private static readonly DateOnly Obtained = new(2024, 1, 15);

    [Fact]
    public void Constructor_ExpiryBeforeObtained_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Certification("Azure", Obtained, Obtained.AddDays(-1)), "expiresOn", "2024-01-14");

    /// <summary>
    /// Valid from the day obtained up to the day before expiry, a certification expiring on the day it was obtained is valid on
    /// no day: it was accepted, counted towards no coverage and raised no expiry signal, so a required competency recorded
    /// with one read "0 of 1 required competencies hold a valid certification" without a word about the record.
    /// </summary>
    [Fact]
    public void Constructor_ExpiryOnTheDayObtained_Throws()
    {
        var error = Rejects.Field<ArgumentOutOfRangeException>(() => new Certification("Azure", Obtained, Obtained), "expiresOn", "2024-01-15");

        Assert.Contains("after 'obtainedOn'", error.Message, StringComparison.Ordinal);
        Assert.True(new Certification("Azure", Obtained, Obtained.AddDays(1)).IsValidOn(Obtained));
    }

    [Fact]
    public void Constructor_EmptyCompetency_Throws() =>
        Rejects.Field<ArgumentException>(() => new Certification(" ", Obtained), "competency", "' '");

    /// <summary>A name with white space at an end matched no required competency of the name ("Azure " is not "Azure"): coverage read 0 without a word.</summary>
    [Theory]
    [InlineData("Azure ")]
    [InlineData(" Azure")]
    [InlineData("Azure\t")]
    [InlineData("\u00A0Azure")]
    public void Constructor_CompetencyWithWhiteSpaceAtAnEnd_Throws(string competency) =>
        Assert.Contains("white space", Rejects.Field<ArgumentException>(() => new Certification(competency, Obtained), "competency", $"'{competency}'").Message, StringComparison.Ordinal);

    [Fact]
    public void Constructor_NullCompetency_Throws() =>
        Rejects.Field<ArgumentNullException>(() => new Certification(null!, Obtained), "competency");

    [Fact]
    public void IsValidOn_CoversObtainedUpToTheDayBeforeExpiry()
    {
        var certification = new Certification("Azure", Obtained, Obtained.AddDays(365));

        Assert.False(certification.IsValidOn(Obtained.AddDays(-1)));
        Assert.True(certification.IsValidOn(Obtained));
        Assert.True(certification.IsValidOn(Obtained.AddDays(364)));
        Assert.False(certification.IsValidOn(Obtained.AddDays(365)));
    }

    [Fact]
    public void IsValidOn_WithoutExpiry_NeverExpires() =>
        Assert.True(new Certification("Azure", Obtained).IsValidOn(DateOnly.MaxValue));
}
