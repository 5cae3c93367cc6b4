namespace PartnerMetrics;

/// <summary>The shape shared by the string identifier types, so that one JSON converter serves them all.</summary>
internal interface IIdentifier<TSelf>
    where TSelf : struct, IIdentifier<TSelf>
{
    /// <summary>Gets the identifier text; <see langword="null"/> only for <see langword="default"/>.</summary>
    string? Value { get; }

    /// <summary>Gets a value indicating whether this is the <see langword="default"/> (empty) identifier.</summary>
    bool IsDefault { get; }

    /// <summary>Creates an identifier, reporting a bad value against <paramref name="paramName"/>.</summary>
    static abstract TSelf Create(string value, string paramName);
}
