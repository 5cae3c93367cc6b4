using System.Globalization;
using Property = FsCheck.Xunit.PropertyAttribute;

namespace PartnerMetrics.Import.Tests;

/// <summary>The quick reader of day formats of numbers and separators: never a day the general parser would not read the same.</summary>
public class NumericDayFormatTests
{
    private static readonly string[] Formats = ["M/d/yyyy", "MM/dd/yyyy", "d/M/yyyy", "yyyy-MM-dd", "yyyy-M-d", "dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd", "yyyy/MM/dd", "MM-dd-yyyy"];

    [Theory]
    [InlineData("M/d/yyyy h:mm tt")]
    [InlineData("yyyy-MM-ddTHH:mm:ssZ")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss'Z'")]
    [InlineData("MMM d yyyy")]
    [InlineData("M/d/yy")]
    [InlineData("yyyyy-MM-dd")]
    [InlineData("yyyyMd")]         // a field of one or two digits must end at a separator
    [InlineData("M/d")]            // no year
    [InlineData("M/d/yyyy/M")]     // a field twice
    [InlineData("M d yyyy")]
    [InlineData("")]
    public void AFormatWithAnythingButNumbersAndSeparators_IsNotQuick(string format)
    {
        Assert.Null(NumericDayFormat.Of(format));
    }

    [Theory]
    [InlineData("M/d/yyyy", "6/14/2024", 2024, 6, 14)]
    [InlineData("M/d/yyyy", "06/04/2024", 2024, 6, 4)]
    [InlineData("yyyy-MM-dd", "0001-01-01", 1, 1, 1)]
    [InlineData("dd.MM.yyyy", "29.02.2024", 2024, 2, 29)]
    [InlineData("yyyyMMdd", "99991231", 9999, 12, 31)]
    public void ADay_IsRead(string format, string text, int year, int month, int day)
    {
        Assert.True(NumericDayFormat.Of(format)!.TryParse(text, out var read));
        Assert.Equal(new DateOnly(year, month, day), read);
    }

    [Theory]
    [InlineData("M/d/yyyy", "2/30/2024")]    // not a calendar day
    [InlineData("M/d/yyyy", "13/1/2024")]
    [InlineData("M/d/yyyy", "0/1/2024")]
    [InlineData("M/d/yyyy", "1/1/0000")]
    [InlineData("M/d/yyyy", "1/1/24")]
    [InlineData("M/d/yyyy", "1/1/20245")]
    [InlineData("M/d/yyyy", "123/1/2024")]
    [InlineData("M/d/yyyy", "001/1/2024")]   // a one-digit field reads two digits at most, as the general parser does
    [InlineData("M/d/yyyy", "1/001/2024")]
    [InlineData("M/d/yyyy", " 6/14/2024")]  // white space: left to the general parser
    [InlineData("M/d/yyyy", "6/14/2024\0")]
    [InlineData("M/d/yyyy", "٦/١٤/٢٠٢٤")]     // digits that are not ASCII
    [InlineData("yyyy-MM-dd", "2024-6-14")]
    [InlineData("yyyy-MM-dd", "")]
    public void NotADayOfTheFormat_IsLeftToTheGeneralParser(string format, string text)
    {
        Assert.False(NumericDayFormat.Of(format)!.TryParse(text, out _));
    }

    private const string Alphabet = "0123456789/-. ";

    /// <summary>
    /// A format and a text: a calendar day written in the format with up to three characters of the formats' alphabet
    /// replaced, inserted or removed (so that most texts are near misses: a 13th month, a fifth year digit, a space),
    /// or up to 12 characters of that alphabet at random.
    /// </summary>
    private static readonly Gen<(string Format, string Text)> Texts =
        from format in Gen.Elements(Formats)
        from text in Gen.OneOf(
            from length in Gen.Choose(0, 12)
            from characters in Gen.Elements(Alphabet.ToCharArray()).ArrayOf(length)
            select new string(characters),
            from dayNumber in Gen.Choose(0, DateOnly.MaxValue.DayNumber)
            from edits in Gen.Choose(0, 3)
            from changes in (from kind in Gen.Choose(0, 2)
                             from at in Gen.Choose(0, 20)
                             from character in Gen.Elements(Alphabet.ToCharArray())
                             select (kind, at, character)).ArrayOf(edits)
            select changes.Aggregate(DateOnly.FromDayNumber(dayNumber).ToString(format, CultureInfo.InvariantCulture), Edit))
        select (format, text);

    [Property(MaxTest = 5_000)]
    public FsCheck.Property ADayReadQuickly_IsTheGeneralParsersDay() => Prop.ForAll(Texts.ToArbitrary(), pair =>
    {
        if (NumericDayFormat.Of(pair.Format)!.TryParse(pair.Text, out var quick))
        {
            Assert.True(DateTime.TryParseExact(pair.Text, pair.Format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var general));
            Assert.Equal(DateOnly.FromDateTime(general), quick);
        }
    });

    private static string Edit(string text, (int Kind, int At, char Character) change)
    {
        var at = Math.Min(change.At, text.Length);
        return change.Kind switch
        {
            0 when at < text.Length => string.Concat(text.AsSpan(0, at), [change.Character], text.AsSpan(at + 1)),
            1 => text.Insert(at, change.Character.ToString()),
            _ when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }

    /// <summary>Every calendar day from year 1 to 9999, written in each format, is read quickly as itself.</summary>
    [Property(MaxTest = 2_000)]
    public FsCheck.Property EveryDayWrittenInTheFormat_IsReadQuicklyAsItself() => Prop.ForAll(Gen.Elements(Formats).ToArbitrary(), Gen.Choose(0, DateOnly.MaxValue.DayNumber).ToArbitrary(), (format, dayNumber) =>
    {
        var day = DateOnly.FromDayNumber(dayNumber);
        var text = day.ToString(format, CultureInfo.InvariantCulture);

        Assert.True(NumericDayFormat.Of(format)!.TryParse(text, out var quick));
        Assert.Equal(day, quick);
        Assert.True(DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var general));
        Assert.Equal(day, DateOnly.FromDateTime(general));
    });
}
