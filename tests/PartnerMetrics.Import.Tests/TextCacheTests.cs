using System.Globalization;

namespace PartnerMetrics.Import.Tests;

/// <summary>The cache of texts a field repeats, at the edge of its short list: the eighth text is the last kept in the list.</summary>
public class TextCacheTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void EveryTextAdded_IsFound_WithItsValue(int texts)
    {
        var cache = new TextCache<int>();
        for (var i = 0; i < texts; i++)
        {
            Assert.Equal(i, cache.Add($"t{i}", i));
        }

        for (var i = 0; i < texts; i++)
        {
            Assert.True(cache.TryGetValue($"t{i}", out var value), $"t{i} of {texts}");
            Assert.Equal(i, value);
            Assert.True(cache.TryGetValue($"t{i}".AsSpan(), out value));
            Assert.Equal(i, value);
        }

        Assert.False(cache.TryGetValue("t" + texts.ToString(CultureInfo.InvariantCulture), out _));
    }

    [Fact]
    public void AValueReplacedInTheShortList_IsTheOneFound()
    {
        var cache = new TextCache<int>();
        for (var i = 0; i < 8; i++)
        {
            cache.Add($"t{i}", i);
        }

        cache.Add("t7", 70);

        Assert.True(cache.TryGetValue("t7", out var value));
        Assert.Equal(70, value);
    }
}
