using System.Globalization;

namespace PartnerMetrics.Import.Tests;

/// <summary>How an amount's text is read: signs, parentheses, currency symbols, groups of three digits, and the decimal separator.</summary>
public class AmountTextTests
{
    [Theory]
    [InlineData("5", '.', "5")]
    [InlineData("-5", '.', "-5")]
    [InlineData("+5", '.', "5")]
    [InlineData("(5)", '.', "-5")]
    [InlineData("(1,200.50)", '.', "-1200.50")]
    [InlineData("- 5", '.', "-5")]
    [InlineData("$5", '.', "5")]
    [InlineData("€ 5,5", ',', "5.5")]
    [InlineData("1,234", '.', "1234")]
    [InlineData("1,234,567", '.', "1234567")]
    [InlineData("1,234.5678", '.', "1234.5678")]
    [InlineData("1.234", '.', "1.234")]
    [InlineData("1.234", ',', "1234")]
    [InlineData("1.234,5", ',', "1234.5")]
    [InlineData("1 234,5", ',', "1234.5")]
    [InlineData("1\u00A0234,5", ',', "1234.5")]
    [InlineData("1\u202F234,5", ',', "1234.5")]
    [InlineData("1'234", '.', "1234")]
    [InlineData("1 234,50 €", ',', "1234.50")]
    [InlineData("0.5", '.', "0.5")]
    [InlineData("5 €", ',', "5")]
    [InlineData("1 234 €", ',', "1234")]
    [InlineData("1 234 €", '.', "1234")]
    [InlineData("(1 234 €)", ',', "-1234")]
    [InlineData("1,234 $ ", '.', "1234")]
    [InlineData("123,456", '.', "123456")]
    [InlineData("0,5", ',', "0.5")]
    [InlineData("0", '.', "0")]
    [InlineData("$ -5", '.', "-5")]
    public void AnAmount_IsRead(string text, char separator, string expected)
    {
        Assert.True(AmountText.TryParse(text, separator, out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("", '.')]
    [InlineData("$", '.')]
    [InlineData("-", '.')]
    [InlineData("()", '.')]
    [InlineData("(5", '.')]
    [InlineData("5)", '.')]
    [InlineData("--5", '.')]
    [InlineData("-+5", '.')]
    [InlineData("5-", '.')]
    [InlineData(".5", '.')]           // a decimal separator needs a digit before it
    [InlineData(",5", ',')]
    [InlineData(",500", '.')]         // so does a thousands separator
    [InlineData("5.", '.')]           // and a digit after it
    [InlineData("1.2.3", '.')]
    [InlineData("1,2", '.')]          // a group after a thousands separator has three digits
    [InlineData("1,23", '.')]
    [InlineData("1,2345", '.')]
    [InlineData("1,23.5", '.')]
    [InlineData("1,2345.5", '.')]
    [InlineData("12,34,567", '.')]
    [InlineData("0,500", '.')]        // the first group has no leading 0: a decimal written with the other separator, not 500
    [InlineData("0.500", ',')]
    [InlineData("012,345", '.')]
    [InlineData("1234,567", '.')]     // nor more than three digits
    [InlineData("+-5", '.')]          // one sign
    [InlineData("5$000", '.')]        // a currency symbol opens or closes an amount, never inside it
    [InlineData("5 $ 000", '.')]
    [InlineData("1,234,", '.')]
    [InlineData("1 5", '.')]          // a space between digits is a thousands separator, so three digits must follow
    [InlineData("1.5,000", ',')]
    [InlineData("1,5.000", ',')]
    [InlineData("5 apples", '.')]
    [InlineData("1\t5", '.')]         // a tab is no thousands separator: not 15
    [InlineData("1 234,5\t6", ',')]   // nor after the decimal separator
    [InlineData("1e3", '.')]
    [InlineData("99999999999999999999999999999999", '.')]   // beyond decimal
    [InlineData("0.00000000000000000000000000001", '.')]   // more digits than a decimal holds: it read 0
    [InlineData("12,000000000000000000000000000001", ',')]  // it read 12
    public void NotAnAmount_IsRejected(string text, char separator)
    {
        Assert.False(AmountText.TryParse(text, separator, out var amount));
        Assert.Equal(0m, amount);
    }

    [Fact]
    public void AfterTheDecimalSeparator_OnlySpacesMayGroupDigits()
    {
        Assert.False(AmountText.TryParse("1.5,000", '.', out _));
        Assert.False(AmountText.TryParse("1,5.000", ',', out _));
        Assert.True(AmountText.TryParse("3,141 59", ',', out var amount));
        Assert.Equal(3.14159m, amount);
    }

    [Fact]
    public void SixtyFourDigits_AreTheLongestNumberRead()
    {
        // 64 digits fill the buffer (and are beyond decimal's range); a 65th or a decimal separator after them is no amount, not an exception.
        var digits = new string('1', 64);
        Assert.False(AmountText.TryParse(digits, '.', out _));
        Assert.False(AmountText.TryParse(digits + "1", '.', out _));
        Assert.False(AmountText.TryParse(digits + ".5", '.', out _));
        Assert.False(AmountText.TryParse(digits + ",5", ',', out _));

        // Leading zeros count towards the 64 characters but not towards the value.
        Assert.True(AmountText.TryParse(new string('0', 62) + "42", '.', out var amount));
        Assert.Equal(42m, amount);
        Assert.True(AmountText.TryParse(new string('0', 61) + "4.2", '.', out amount));
        Assert.Equal(4.2m, amount);
    }

    /// <summary>Up to 18 digits with at most one point: the number as decimal.Parse reads it, to the bit (value and scale).</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public FsCheck.Property Exact_IsDecimalParse_ToTheBit() => Prop.ForAll(
        (from digits in Gen.Choose(1, 18)
         from text in Gen.Elements('0', '1', '5', '9').ArrayOf(digits)
         from point in Gen.Choose(-1, digits - 1)
         select point < 0 ? new string(text) : $"{new string(text, 0, point + 1)}.{new string(text, point + 1, digits - point - 1)}").ToArbitrary(),
        text =>
        {
            Assert.True(AmountText.Exact(text, out var amount));
            var parsed = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            Assert.Equal(decimal.GetBits(parsed), decimal.GetBits(amount));
        });

    [Theory]
    [InlineData("1234567890123456789")]
    [InlineData("1.234567890123456789")]
    public void Exact_LeavesNineteenDigitsToTheGeneralParser(string text)
    {
        Assert.False(AmountText.Exact(text, out _));
        Assert.True(AmountText.TryParse(text, '.', out var amount));
        Assert.Equal(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), amount);
    }
}
