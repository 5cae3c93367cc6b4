using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Identifies a customer account (the company that buys), as the CRM knows it. Compared ordinally (case-sensitive), as CRM keys are.
/// </summary>
/// <remarks>
/// <see langword="default"/>(<see cref="AccountId"/>) is the empty identifier: every model that takes
/// one rejects it, so it never reaches a score.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<AccountId>))]
public readonly record struct AccountId : IComparable<AccountId>, IComparable, IIdentifier<AccountId>
{
    /// <summary>Initializes a new instance of the <see cref="AccountId"/> struct.</summary>
    /// <param name="value">The CRM key; not empty or whitespace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or whitespace.</exception>
    public AccountId(string value)
        : this(value, nameof(value))
    {
    }

    private AccountId(string value, string paramName) => Value = Ensure.Text(value, paramName);

    /// <summary>Gets the CRM key; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string? Value { get; }

    /// <summary>Gets a value indicating whether this is the <see langword="default"/> (empty) identifier.</summary>
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsDefault => Value is null;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</returns>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</returns>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(AccountId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Compares with a boxed value, as sorting by a key of this type inside a tuple does: null is less than any AccountId.</summary>
    /// <param name="obj">An AccountId, or <see langword="null"/>.</param>
    /// <returns>Less than 0, 0 or more than 0 as this comes before, with or after <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not an AccountId.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        AccountId other => CompareTo(other),
        _ => throw new ArgumentException($"'{nameof(obj)}' must be an AccountId; got a value of type {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the CRM key, or an empty string for <see langword="default"/>.</summary>
    /// <returns>The identifier text.</returns>
    public override string ToString() => Value ?? string.Empty;

    static AccountId IIdentifier<AccountId>.Create(string value, string paramName) => new(value, paramName);
}
