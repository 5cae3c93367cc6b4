namespace PartnerMetrics.Serialization;

/// <summary>A converter that says in words what JSON it reads, for <see cref="JsonShape"/>'s messages.</summary>
internal interface IDescribedConverter
{
    /// <summary>Gets what the converter reads, as a noun phrase after "Expected": <c>an object</c>, <c>a PartnerId, a string</c>.</summary>
    string Expected { get; }
}
