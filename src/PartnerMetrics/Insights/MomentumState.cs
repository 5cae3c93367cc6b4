using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Insights;

/// <summary>Where a partnership's activity is heading (seed 004: "Inertia happens … do NOT stop").</summary>
[JsonConverter(typeof(EnumNameConverter<MomentumState>))]
public enum MomentumState
{
    /// <summary>No logged activity in the recent window, in a partnership at least as old as that window: a fact, however little was logged before.</summary>
    Stalled,

    /// <summary>The recent activity rate is at or below the slowing ratio of the baseline rate.</summary>
    Slowing,

    /// <summary>The recent rate is between the slowing and accelerating ratios of the baseline.</summary>
    Steady,

    /// <summary>The recent rate is at or above the accelerating ratio of the baseline (or there was no baseline activity).</summary>
    Accelerating,

    /// <summary>
    /// Too little to tell: fewer than <see cref="PartnershipAdvisor.MinimumActivities"/> activities in the recent and
    /// baseline windows together, with some in the recent one — or, with none there, a partnership younger than the
    /// recent window. Two data points do not make a trend.
    /// </summary>
    Unknown,
}
