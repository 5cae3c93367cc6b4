namespace PartnerMetrics.Reporting.Tests;

/// <summary>
/// A chart's row label is shortened to the width before its bar, by an estimate of each character's width: capitals and
/// CJK characters were counted as 6.8 pixels, so "NORTH AMERICA WEST COAST" and a Tokyo district ran under the bars.
/// </summary>
public class SvgLabelTests
{
    private const double LabelRoom = 132;   // the row label's width in the report's charts: 140 less a margin of 8

    [Theory]
    [InlineData("NORTH AMERICA WEST COAST", "NORTH AMERICA…")]
    [InlineData("東京都千代田区丸の内一丁目地区", "東京都千代田区丸…")]
    [InlineData("West", "West")]
    public void ALabel_IsShortenedToTheRoomBeforeItsBar(string label, string shown) =>
        Assert.Equal(shown, Svg.Shorten(label, LabelRoom));

    /// <summary>
    /// What a reader sees as one character may be several code points: a flag (two regional indicators), a family emoji
    /// (four joined by zero-width joiners), a letter with a combining accent (as a CRM that stores decomposed text writes
    /// "é"). Cut inside one, a label showed another character than the name has: half a flag as a lone letter, a
    /// family missing a child, "Re" for "Ré".
    /// </summary>
    [Theory]
    [InlineData("A \U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7\U0001F1EE\U0001F1F9\U0001F1EA\U0001F1F8\U0001F1F3\U0001F1F1", "A \U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7\U0001F1EE\U0001F1F9…")]
    [InlineData("\u00C9quipe \U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 Nord", "\u00C9quipe …")]
    [InlineData("Ile-de-France Re\u0301gion", "Ile-de-France R…")]
    public void ALabel_IsNeverCutInsideACharacterOfSeveralCodePoints(string label, string shown) =>
        Assert.Equal(shown, Svg.Shorten(label, LabelRoom));

    [FsCheck.Xunit.Property]
    public FsCheck.Property AShortenedLabel_FitsItsRoom_AndIsAPrefixOfWholeCharacters() =>
        Prop.ForAll(
            (from text in Gen.Elements("a", "i", "m", "W", "Q", "7", " ", "é", "東", "京", "한", "😀", "Ｗ").ListOf().Select(parts => string.Concat(parts))
             from room in Gen.Choose(20, 400)
             select (text, (double)room)).ToArbitrary(),
            t =>
            {
                var shown = Svg.Shorten(t.text, t.Item2);
                if (shown == t.text)
                {
                    Assert.True(Svg.Fits(t.text, t.Item2));
                    return;
                }

                Assert.EndsWith("…", shown, StringComparison.Ordinal);
                var kept = shown[..^1];
                Assert.StartsWith(kept, t.text, StringComparison.Ordinal);
                Assert.True(kept.Length == 0 || !char.IsHighSurrogate(kept[^1]));
                Assert.True(kept.Length == 0 || Svg.Width(kept) + 12 + 8 <= t.Item2);
                Assert.False(Svg.Fits(t.text, t.Item2));
            });
}
