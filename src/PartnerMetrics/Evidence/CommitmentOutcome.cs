using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Evidence;

/// <summary>What became of a commitment.</summary>
[JsonConverter(typeof(EnumNameConverter<CommitmentOutcome>))]
public enum CommitmentOutcome
{
    /// <summary>Not resolved yet. Past its due date plus the grace period it counts as broken until resolved.</summary>
    Open,

    /// <summary>Kept on or before the due date.</summary>
    Kept,

    /// <summary>Kept, but after the due date; the date it was kept is required.</summary>
    KeptLate,

    /// <summary>Broken; the date it was broken (or given up) is required.</summary>
    Broken,
}
