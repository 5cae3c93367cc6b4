using System.Globalization;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// A JSON number read into a decimal is the number written, or a <see cref="JsonException"/> naming it: System.Text.Json
/// rounds a number with more digits than a decimal holds, so an amount of 10⁻²⁹ read 0 and passed the four-decimal rule.
/// And text that is not valid UTF-16 is a <see cref="JsonException"/> too, not the transcoder's ArgumentException.
/// </summary>
public class JsonExactNumberTests
{
    private const string Deal = """{"id":"O-1","accountId":"A-1","createdOn":"2024-01-01","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open","amount":AMOUNT}""";

    [Theory]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1e-30")]
    [InlineData("12.000000000000000000000000000001")]
    [InlineData("1.5e-99999999999999999999")]
    public void AnAmountADecimalCannotHold_IsRejectedNamingIt(string amount)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity>(Deal.Replace("AMOUNT", amount, StringComparison.Ordinal)));

        Assert.Equal("$.amount", error.Path);
        Assert.Contains($"The number {amount} has more digits than a decimal holds exactly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmountADecimalCannotHold_IsRejected_InAPortfolioReadInOnePass()
    {
        var json = JsonFormatTests.SamplePortfolioJson.Replace("\"amount\": 12000", "\"amount\": 1e-30", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(json));

        Assert.Equal("$.opportunities[0].amount", error.Path);
        Assert.Contains("1e-30", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5e2", "150")]
    [InlineData("100.000000000000000000000000000000", "100")]
    [InlineData("0.00000000000000000000000000000", "0")]
    [InlineData("1234.5678", "1234.5678")]
    public void ANumberADecimalHolds_IsReadAsWritten(string written, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), PartnerMetricsJson.Deserialize<Opportunity>(Deal.Replace("AMOUNT", written, StringComparison.Ordinal)).Amount);

    /// <summary>Every decimal, as System.Text.Json writes it and in exponent form, is exact; with one more digit past its 28th place it is not.</summary>
    [Property]
    public Property EveryDecimal_IsExact_AndOneMoreDigitIsNot() =>
        Prop.ForAll(
            (from lo in Gen.Choose(int.MinValue, int.MaxValue)
             from mid in Gen.Choose(int.MinValue, int.MaxValue)
             from hi in Gen.Choose(int.MinValue, int.MaxValue)
             from negative in Gen.Elements(false, true)
             from scale in Gen.Choose(0, 28)
             select new decimal(lo, mid, hi, negative, (byte)scale)).ToArbitrary(),
            value =>
            {
                var text = value.ToString(CultureInfo.InvariantCulture);
                var exponent = value.ToString("E28", CultureInfo.InvariantCulture);
                Assert.True(ExactDecimalConverter.IsExact(Encoding.UTF8.GetBytes(text), value));
                Assert.Equal(value == decimal.Parse(exponent, NumberStyles.Float, CultureInfo.InvariantCulture), ExactDecimalConverter.IsExact(Encoding.UTF8.GetBytes(exponent), value));
                var longer = (text.Contains('.', StringComparison.Ordinal) ? text : text + ".") + new string('0', 29) + "1";
                Assert.False(ExactDecimalConverter.IsExact(Encoding.UTF8.GetBytes(longer), decimal.Parse(longer, NumberStyles.Float, CultureInfo.InvariantCulture)));
            });

    /// <summary>
    /// A number past a double's least magnitude read as 0 without a word: a weight of 1e-400 disabled its dimension. It is
    /// refused at its field, in a model, a report and a portfolio read in one pass alike; 0 written as 0, or in any form
    /// with no digit but 0 before its exponent, is still 0.
    /// </summary>
    [Theory]
    [InlineData("""{"dimensionWeights":{"trust":1e-400}}""", "$.dimensionWeights.trust", "1e-400")]
    [InlineData("""{"kappa":2.5E-999}""", "$.kappa", "2.5E-999")]
    [InlineData("""{"priorMeans":{"trust.partner-reliability":-0.1e-330}}""", "$.priorMeans", "-0.1e-330")]
    public void ANumberTooSmallForADouble_IsRefusedNamingIt(string json, string path, string number)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains($"The number {number} is too small for a double: it would read as 0.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A number past a double's range was read as infinity and refused in the model's words, "got Infinity" (a weight,
    /// "'trust' must be a finite weight of 0 or more; got Infinity."), a value the document does not hold. It is refused
    /// naming the number as written, as a number too small is, and as an amount past a decimal's range is.
    /// </summary>
    [Theory]
    [InlineData("""{"dimensionWeights":{"trust":1e400}}""", "$.dimensionWeights.trust", "1e400", "Infinity")]
    [InlineData("""{"kappa":-2.5E+999}""", "$.kappa", "-2.5E+999", "-Infinity")]
    [InlineData("""{"priorMeans":{"trust.partner-reliability":1797693134862315807937289714053034150799341327710617440000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.1}}""", "$.priorMeans['trust.partner-reliability']", "1797693134862315807937289714053034150799341327710617440000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.1", "Infinity")]
    public void ANumberTooLargeForADouble_IsRefusedNamingIt(string json, string path, string number, string infinity)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains($"The number {number} is too large for a double: it would read as {infinity}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberTooLargeForADouble_IsRefused_InAPortfolioReadInOnePass()
    {
        var json = JsonFormatTests.SamplePortfolioJson.Replace("\"satisfaction\": 0.85", "\"satisfaction\": 1e400", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("$.partnerships[0].deliveries[0].satisfaction", true), (error.Path, error.Message.Contains("The number 1e400 is too large for a double", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("-0")]
    [InlineData("0e-400")]
    [InlineData("0.000e5")]
    [InlineData("5e-324")]
    public void ZeroInAnyForm_AndTheLeastDouble_AreRead(string weight)
    {
        var model = PartnerMetricsJson.Deserialize<HealthModel>($"{{\"dimensionWeights\":{{\"trust\":{weight}}}}}");

        Assert.Equal(double.Parse(weight, CultureInfo.InvariantCulture), model.DimensionWeights.Trust);
    }

    [Fact]
    public void ANumberTooSmallForADouble_IsRefused_InAPortfolioReadInOnePass()
    {
        var json = JsonFormatTests.SamplePortfolioJson.Replace("\"satisfaction\": 0.85", "\"satisfaction\": 1e-400", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(json));

        Assert.Equal("$.partnerships[0].deliveries[0].satisfaction", error.Path);
        Assert.Contains("1e-400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithHalfASurrogatePair_IsAJsonException()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Partner>("{\"id\":\"P1\",\"name\":\"\ud800\",\"type\":\"Isv\"}"));

        Assert.Contains("half of a surrogate pair alone (U+D800) at character 19", error.Message, StringComparison.Ordinal);
    }
}
