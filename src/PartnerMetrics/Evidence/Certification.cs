using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>A competency certification the partner holds (seed 002: competency is more than having the skill, but starts there).</summary>
[JsonConverter(typeof(DocumentConverter<Certification, CertificationDocument>))]
public sealed record Certification
{
    /// <summary>Initializes a new instance of the <see cref="Certification"/> class.</summary>
    /// <param name="competency">The competency or workload certified (matched to required competencies ignoring case).</param>
    /// <param name="obtainedOn">The day it was obtained.</param>
    /// <param name="expiresOn">The day it expires, if it does; it is valid up to the day before.</param>
    /// <exception cref="ArgumentException"><paramref name="competency"/> is empty, or begins or ends with white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="competency"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresOn"/> is on or before <paramref name="obtainedOn"/>: the certification would be valid on no day.</exception>
    public Certification(string competency, DateOnly obtainedOn, DateOnly? expiresOn = null)
    {
        Competency = Ensure.MatchedName(competency, nameof(competency));
        ObtainedOn = obtainedOn;
        ExpiresOn = expiresOn is { } expiry && expiry <= obtainedOn
            ? throw new ArgumentOutOfRangeException(
                nameof(expiresOn),
                expiry,
                $"'{nameof(expiresOn)}' ({Ensure.Iso(expiry)}) must be after '{nameof(obtainedOn)}' ({Ensure.Iso(obtainedOn)}): a certification is valid from the day it is obtained up to the day before it expires, so this one would be valid on no day.")
            : expiresOn;
    }

    /// <summary>Gets the competency certified.</summary>
    public string Competency { get; }

    /// <summary>Gets the day it was obtained.</summary>
    public DateOnly ObtainedOn { get; }

    /// <summary>Gets the day it expires, or <see langword="null"/> when it does not.</summary>
    public DateOnly? ExpiresOn { get; }

    /// <summary>Gets a value indicating whether the certification is valid on a day: obtained on or before it, and not yet expired.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <see cref="ObtainedOn"/> ≤ <paramref name="date"/> &lt; <see cref="ExpiresOn"/>.</returns>
    public bool IsValidOn(DateOnly date) => ObtainedOn <= date && (ExpiresOn is not { } expiry || date < expiry);
}
