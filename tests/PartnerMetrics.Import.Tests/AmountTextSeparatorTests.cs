namespace PartnerMetrics.Import.Tests;

/// <summary>Only a comma, a point, a space, a narrow or no-break space or an apostrophe separates thousands: any other character between digits makes the text no amount.</summary>
public class AmountTextSeparatorTests
{
    [Theory]
    [InlineData("1x000")]
    [InlineData("12-345")]
    [InlineData("1/000")]
    [InlineData("1_000")]
    [InlineData("1:000.50")]
    public void AnotherCharacterBetweenGroupsOfDigits_IsNoThousandsSeparator(string text)
    {
        Assert.False(AmountText.TryParse(text, '.', out _));
    }
}
