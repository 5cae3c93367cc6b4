namespace PartnerMetrics.Pipeline;

/// <summary>
/// How every pipeline view classifies a deal — hunting or farming, its cycle, the quarter it belongs to — in one place,
/// so that the accumulators, the cube, the batch and the brand-equity view cannot disagree (DOMAIN.md section 4).
/// Unchecked: the deal was validated when it was built.
/// </summary>
internal static class DealClass
{
    /// <summary>Whether the motion is hunting: new-logo business; every other motion is farming.</summary>
    public static bool IsHunting(DealMotion motion) => motion == DealMotion.NewLogo;

    /// <summary>The motion as an index: 0 for hunting, 1 for farming, the order of <see cref="MotionClass"/>.</summary>
    public static int MotionIndex(DealMotion motion) => IsHunting(motion) ? 0 : 1;

    /// <summary>The days from a deal's origin to its close.</summary>
    public static int CycleDays(DateOnly createdOn, DateOnly closedOn) => closedOn.DayNumber - createdOn.DayNumber;

    /// <summary>A quarter as one number, four per year: year × 4 + the quarter's index from 0.</summary>
    public static int QuarterIndex(DateOnly date) => (date.Year * 4) + ((date.Month - 1) / 3);
}
