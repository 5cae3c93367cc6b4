using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Partners;

/// <summary>A channel partner as the CRM records it.</summary>
/// <remarks>
/// Immutable and compared by value. Optional text (tier, district) treats empty or whitespace as
/// "not recorded" and stores <see langword="null"/>.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Partner, PartnerDocument>))]
public sealed record Partner
{
    /// <summary>Initializes a new instance of the <see cref="Partner"/> class.</summary>
    /// <param name="id">The CRM key of the partner.</param>
    /// <param name="name">The partner's display name.</param>
    /// <param name="type">The partner's business model.</param>
    /// <param name="tier">The programme tier (for example "Gold"), if any.</param>
    /// <param name="district">The district or territory the partner is managed in, if any.</param>
    /// <param name="onboardedOn">The day the partner was onboarded, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default identifier, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public Partner(PartnerId id, string name, PartnerType type, string? tier = null, string? district = null, DateOnly? onboardedOn = null)
    {
        Id = Ensure.Present(id, nameof(id));
        Name = Ensure.Text(name, nameof(name));
        Type = Ensure.Defined(type, nameof(type));
        Tier = Ensure.OptionalText(tier, nameof(tier));
        District = Ensure.OptionalText(district, nameof(district));
        OnboardedOn = onboardedOn;
    }

    /// <summary>Gets the CRM key of the partner.</summary>
    public PartnerId Id { get; }

    /// <summary>Gets the partner's display name.</summary>
    public string Name { get; }

    /// <summary>Gets the partner's business model.</summary>
    public PartnerType Type { get; }

    /// <summary>Gets the programme tier, or <see langword="null"/> when not recorded.</summary>
    public string? Tier { get; }

    /// <summary>Gets the district or territory, or <see langword="null"/> when not recorded.</summary>
    public string? District { get; }

    /// <summary>Gets the onboarding day, or <see langword="null"/> when not recorded.</summary>
    public DateOnly? OnboardedOn { get; }
}
