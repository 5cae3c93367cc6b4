namespace PartnerMetrics.Pipeline;

/// <summary>Hunting-versus-farming classification of <see cref="DealMotion"/>.</summary>
public static class DealMotionExtensions
{
    /// <summary>Classifies a deal motion as hunting or farming.</summary>
    /// <param name="motion">The motion.</param>
    /// <returns><see cref="MotionClass.Hunting"/> for <see cref="DealMotion.NewLogo"/>; otherwise <see cref="MotionClass.Farming"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="motion"/> is not a defined value.</exception>
    public static MotionClass Class(this DealMotion motion) =>
        DealClass.IsHunting(Ensure.Defined(motion, nameof(motion))) ? MotionClass.Hunting : MotionClass.Farming;

    /// <summary>Gets a value indicating whether the motion is hunting (new-logo) business.</summary>
    /// <param name="motion">The motion.</param>
    /// <returns><see langword="true"/> for <see cref="DealMotion.NewLogo"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="motion"/> is not a defined value.</exception>
    public static bool IsHunting(this DealMotion motion) => motion.Class() == MotionClass.Hunting;

    /// <summary>Gets a value indicating whether the motion is farming (installed-base) business.</summary>
    /// <param name="motion">The motion.</param>
    /// <returns><see langword="true"/> for every motion except <see cref="DealMotion.NewLogo"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="motion"/> is not a defined value.</exception>
    public static bool IsFarming(this DealMotion motion) => motion.Class() == MotionClass.Farming;
}
