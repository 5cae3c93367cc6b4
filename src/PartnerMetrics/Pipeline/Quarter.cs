using System.Globalization;

namespace PartnerMetrics.Pipeline;

/// <summary>A calendar quarter, such as 2025-Q3: a grouping key for pipeline analytics.</summary>
/// <remarks><see langword="default"/> is year 0, quarter 0, which no day falls in.</remarks>
public readonly record struct Quarter : IComparable<Quarter>, IComparable
{
    /// <summary>Initializes a new instance of the <see cref="Quarter"/> struct.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="number">The quarter, 1 to 4.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or the number is out of range.</exception>
    public Quarter(int year, int number)
    {
        Year = year is >= 1 and <= 9999 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, $"'{nameof(year)}' must be from 1 to 9999; got {year}.");
        Number = number is >= 1 and <= 4 ? number : throw new ArgumentOutOfRangeException(nameof(number), number, $"'{nameof(number)}' must be from 1 to 4; got {number}.");
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the quarter of the year, 1 to 4.</summary>
    public int Number { get; }

    /// <summary>Gets the quarter a day falls in.</summary>
    /// <param name="date">The day.</param>
    /// <returns>Its quarter.</returns>
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Orders quarters in time.</summary>
    /// <param name="left">The first quarter.</param>
    /// <param name="right">The second quarter.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is earlier.</returns>
    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    /// <summary>Orders quarters in time.</summary>
    /// <param name="left">The first quarter.</param>
    /// <param name="right">The second quarter.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is earlier or the same.</returns>
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    /// <summary>Orders quarters in time.</summary>
    /// <param name="left">The first quarter.</param>
    /// <param name="right">The second quarter.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is later.</returns>
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    /// <summary>Orders quarters in time.</summary>
    /// <param name="left">The first quarter.</param>
    /// <param name="right">The second quarter.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is later or the same.</returns>
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(Quarter other) => ((Year * 4) + Number).CompareTo((other.Year * 4) + other.Number);

    /// <summary>Compares with a boxed value, as sorting by a key of this type inside a tuple does: null is less than any Quarter.</summary>
    /// <param name="obj">A Quarter, or <see langword="null"/>.</param>
    /// <returns>Less than 0, 0 or more than 0 as this comes before, with or after <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a Quarter.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Quarter other => CompareTo(other),
        _ => throw new ArgumentException($"'{nameof(obj)}' must be a Quarter; got a value of type {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the quarter as <c>yyyy-Qn</c>.</summary>
    /// <returns>The quarter, such as <c>2025-Q3</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
