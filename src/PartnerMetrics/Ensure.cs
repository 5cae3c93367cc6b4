using System.Collections.Immutable;
using System.Globalization;

namespace PartnerMetrics;

/// <summary>
/// Argument checks shared by every model constructor. Each check throws a standard argument
/// exception whose parameter name is the field being set and whose message quotes the value, so
/// that a CRM developer (or the JSON reader, which reports the same name as a JSON path) can find
/// the offending record.
/// </summary>
internal static class Ensure
{
    /// <summary>
    /// The longest text of the model (an id, a name, a district, a description): 10,000,000 characters. Every
    /// output form can write a text this long (System.Text.Json refuses a string past 166,666,666 characters), and
    /// no CRM field comes near it, so a longer one is a corrupt or hostile input, refused at the field.
    /// </summary>
    public const int MaxTextLength = 10_000_000;

    public static string Text(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"'{paramName}' is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{paramName}' must not be empty or whitespace; got '{value}'.", paramName);
        }

        return NotTooLong(value, paramName);
    }

    /// <summary>
    /// A name matched to other names (a competency: a certification's against the required ones, ignoring case): text
    /// without white space at either end, which would make "Azure " match no "Azure" and the match fail without a word.
    /// </summary>
    /// <param name="value">The name.</param>
    /// <param name="paramName">The field.</param>
    /// <param name="item">Where in a list of names it is, for the message; <see langword="null"/> for a single name.</param>
    public static string MatchedName(string? value, string paramName, int? item = null)
    {
        var text = Text(value, paramName);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            var where = item is { } i ? string.Create(CultureInfo.InvariantCulture, $"; item {i} is '{text}'") : $"; got '{text}'";
            throw new ArgumentException($"'{paramName}' must not begin or end with white space: it would match no name without it{where}.", paramName);
        }

        return text;
    }

    /// <summary>Optional text: <see langword="null"/>, empty and whitespace-only all mean "not recorded".</summary>
    public static string? OptionalText(string? value, string paramName) => string.IsNullOrWhiteSpace(value) ? null : NotTooLong(value, paramName);

    /// <summary>
    /// A text no longer than <see cref="MaxTextLength"/> and valid UTF-16: half of a surrogate pair alone cannot be written
    /// as UTF-8, so JSON would write U+FFFD in its place and read back another text (two ids differing only there, one id).
    /// </summary>
    private static string NotTooLong(string value, string paramName)
    {
        if (value.Length > MaxTextLength)
        {
            throw new ArgumentOutOfRangeException(paramName, string.Create(CultureInfo.InvariantCulture, $"'{paramName}' has {value.Length:N0} characters; at most {MaxTextLength:N0} are allowed."));
        }

        if (UnpairedSurrogate(value) is { } at)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{paramName}' holds half of a surrogate pair alone (U+{(int)value[at]:X4}) at character {at}: it is not valid UTF-16, so no output form can write it."), paramName);
        }

        return value;
    }

    /// <summary>The index of the first character that is half of a surrogate pair without its other half; <see langword="null"/> when there is none.</summary>
    public static int? UnpairedSurrogate(ReadOnlySpan<char> text)
    {
        // Most texts have no surrogate at all: found, or not, by a vectorized search.
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return null;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    public static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be a defined {typeof(T).Name} value; got {value}.");
        }

        return value;
    }

    public static int AtLeast(int value, int least, string paramName) =>
        value >= least ? value : throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"'{paramName}' must be at least {least}; got {value}."));

    public static double Finite(double value, string paramName) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be a finite number; got {value.ToString(CultureInfo.InvariantCulture)}.");

    public static double UnitInterval(double value, string paramName)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be in [0, 1]; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        // −0 is 0 (it passes the range check), but kept it would be written "-0" in JSON and carried into the
        // factors and contributions of a report, which then differs in its text from the report of a recorded 0.
        return value == 0.0 ? 0.0 : value;
    }

    /// <summary>
    /// Checks an amount of money: from 0 to <see cref="Pipeline.Opportunity.MaxAmount"/>, in whole ten-thousandths at most, so
    /// that every sum of amounts is exact and does not depend on the order or the split of the deals (a third of a deal,
    /// 28 digits long, would round differently in each).
    /// </summary>
    public static decimal Money(decimal value, string paramName)
    {
        if (value.Scale > Pipeline.Opportunity.MaxDecimals && decimal.Round(value, Pipeline.Opportunity.MaxDecimals) != value)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must have at most {Pipeline.Opportunity.MaxDecimals} decimal places, so that sums of amounts stay exact; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must not be negative; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (value > Pipeline.Opportunity.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be at most 10^14 (100,000,000,000,000), far beyond any real deal or account, so a larger amount is a data error; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    public static decimal? Money(decimal? value, string paramName) =>
        value is { } present ? Money(present, paramName) : null;

    public static TimeSpan Positive(TimeSpan value, string paramName)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be positive; got {value.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/>, when present, is on or after <paramref name="earliest"/>.</summary>
    public static DateOnly? NotBefore(DateOnly? value, DateOnly? earliest, string paramName, string earliestName)
    {
        if (value is { } date && earliest is { } bound && date < bound)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                date,
                $"'{paramName}' ({Iso(date)}) must not be before '{earliestName}' ({Iso(bound)}).");
        }

        return value;
    }

    public static T Present<T>(T value, string paramName)
        where T : struct, IIdentifier<T>
    {
        if (value.IsDefault)
        {
            throw new ArgumentException($"'{paramName}' must be an identifier, not the default (empty) value.", paramName);
        }

        return value;
    }

    public static T NotNull<T>(T? value, string paramName)
        where T : class => value ?? throw new ArgumentNullException(paramName, $"'{paramName}' is required.");

    /// <summary>An item of a caller's sequence, which must not be <see langword="null"/>.</summary>
    public static T Item<T>(T? item, long index, string paramName)
        where T : class => item ?? throw new ArgumentException($"'{paramName}' must not contain null; item {index} is null.", paramName);

    /// <summary>Calls <paramref name="add"/> for each item of a caller's sequence, rejecting <see langword="null"/> items with their index.</summary>
    /// <returns>How many items were added.</returns>
    public static long Each<T>(IEnumerable<T> items, string paramName, Action<T> add)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        // A long: a stream of deals may pass int.MaxValue items (every sum is exact for ten billion deals).
        var index = 0L;
        foreach (var item in items)
        {
            add(Item(item, index++, paramName));
        }

        return index;
    }

    /// <summary>
    /// Calls <paramref name="add"/> for each item of a caller's asynchronous stream as it arrives, rejecting
    /// <see langword="null"/> items with their index; checks <paramref name="cancellationToken"/> before each item,
    /// since a stream that completes synchronously may never look at it. The caller checks the stream for
    /// <see langword="null"/> first, so that a bad argument throws at the call rather than from the task.
    /// </summary>
    /// <returns>How many items were added.</returns>
    public static async Task<long> EachAsync<T>(IAsyncEnumerable<T> items, string paramName, Action<T> add, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = 0L;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            add(Item(item, index++, paramName));
        }

        return index;
    }

    /// <summary>
    /// Copies a caller's sequence; <see langword="null"/> means empty, and so does a <see langword="default"/>
    /// <see cref="ImmutableArray{T}"/> (the uninitialized field of a caller's record, which would otherwise throw a
    /// <see cref="NullReferenceException"/> here); a null item is rejected.
    /// </summary>
    public static EquatableArray<T> Items<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        if (items is null or ImmutableArray<T> { IsDefault: true })
        {
            return EquatableArray<T>.Empty;
        }

        var array = items.ToImmutableArray();
        for (var i = 0; i < array.Length; i++)
        {
            Item(array[i], i, paramName);
        }

        return new EquatableArray<T>(array);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
