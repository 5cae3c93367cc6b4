using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Insights;

/// <summary>Where a partnership's activity is heading (seed 004: "Inertia happens … do NOT stop").</summary>
[JsonConverter(typeof(EnumNameConverter<MomentumState>))]
public enum MomentumState
{
    /// <summary>No logged activity in the recent window.</summary>
    Stalled,

    /// <summary>The recent activity rate is at or below the slowing ratio of the baseline rate.</summary>
    Slowing,

    /// <summary>The recent rate is between the slowing and accelerating ratios of the baseline.</summary>
    Steady,

    /// <summary>The recent rate is at or above the accelerating ratio of the baseline (or there was no baseline activity).</summary>
    Accelerating,
}
