namespace PartnerMetrics.Import;

/// <summary>The check of an importer's <c>MaxWorkbookPartCharacters</c>, which both importers set the same way.</summary>
internal static class ExcelLimit
{
    /// <summary>Returns <paramref name="value"/> when it is <see langword="null"/> (no limit) or at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is less than 1.</exception>
    public static long? Checked(long? value, string name) =>
        value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at least 1, or null for no limit; got {value}.");
}
