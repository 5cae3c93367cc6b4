using System.Globalization;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>
/// The page shows the numbers the JSON output gives: rounded by <see cref="Math.Round(double, int)"/>, midpoints to
/// even. .NET's formatting rounds a double's 15-digit form half away from zero, so an action worth 7.7499999999999964
/// points read +7.8 on the page and 7.7 in the JSON (and 0.25 read 0.3 against 0.2).
/// </summary>
public class HtmlNumberTests
{
    [Theory]
    [InlineData(7.7499999999999964, "0.0", "7.7")]
    [InlineData(0.25, "0.0", "0.2")]
    [InlineData(2.45, "0.0", "2.4")]   // Math.Round scales by ten first: 24.5, a midpoint, to even
    [InlineData(0.125, "0.00", "0.12")]
    [InlineData(-7.7499999999999964, "0.0", "-7.7")]
    [InlineData(0.5, "0", "0")]
    [InlineData(1234.5678, "N0", "1,235")]
    [InlineData(0.25, "#.#", ".2")]       // '#' is a digit too
    [InlineData(0.25, "0.0.", "0.3")]     // two points: not a format of digits, so .NET's own rounding
    [InlineData(0.25, "0.0%", "25.0%")]
    public void ANumber_ShowsAsTheJsonRoundsIt(double value, string format, string shown) =>
        Assert.Equal(shown, HtmlWriter.Number(value, format));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-300)]   // rounds to −0
    [InlineData(0.004)]
    [InlineData(-0.004)]
    [InlineData(0.005)]
    [InlineData(0.015)]
    [InlineData(-0.015)]
    [InlineData(0.1 + 0.2)]
    [InlineData(12.5)]
    [InlineData(-12.5)]
    [InlineData(3.10)]
    [InlineData(999_999_999_999.99)]
    [InlineData(-999_999_999_999.994)]
    [InlineData(1e12)]
    [InlineData(1e300)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TheChartsNumber_IsTheFormatsNumber(double value) =>
        Assert.Equal(Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture), HtmlWriter.Number(value));

    [FsCheck.Xunit.Property]
    public FsCheck.Property AnyDouble_ShownToTwoPlacesAtMost_IsTheFormatsNumber() =>
        // Every double (NaN, infinities and subnormals included), then numbers of a chart's size, where the fast path runs.
        Prop.ForAll(
            Gen.OneOf(
                ArbMap.Default.GeneratorFor<ulong>().Select(BitConverter.UInt64BitsToDouble),
                ArbMap.Default.GeneratorFor<double>(),
                Gen.Choose(-2_000_000_000, 2_000_000_000).Select(n => n / 1_000.0),
                Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(0, 999)).Select(p => (p.Item1 * 1_000_000.0) + (p.Item2 / 200.0))).ToArbitrary(),
            value => Assert.Equal(Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture), HtmlWriter.Number(value)));

    [FsCheck.Xunit.Property]
    public FsCheck.Property AnyScore_ShownToOneDecimal_IsTheJsonsNumber() =>
        Prop.ForAll(
            Gen.Choose(0, 1_000_000_000).Select(n => n / 10_000_000.0 + (n % 7 == 0 ? 0.05 : 0)).ToArbitrary(),
            score =>
            {
                Assert.Equal(Math.Round(score, 1), double.Parse(HtmlWriter.Number(score, "0.0"), CultureInfo.InvariantCulture));
                Assert.Equal(Math.Round(score, 2), double.Parse(HtmlWriter.Number(score, "0.00"), CultureInfo.InvariantCulture));
            });
}
