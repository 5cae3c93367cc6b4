using PartnerMetrics.Partners;

namespace PartnerMetrics.Pipeline;

/// <summary>The usual grouping keys of pipeline analytics. Combine them with a tuple: <c>o =&gt; (PipelineKeys.District(o), PipelineKeys.Quarter(o))</c>.</summary>
public static class PipelineKeys
{
    /// <summary>The deal's district; <see langword="null"/> when not recorded.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static string? District(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).District;

    /// <summary>The quarter the deal was created in.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static Quarter Quarter(Opportunity opportunity) => Pipeline.Quarter.Of(Ensure.NotNull(opportunity, nameof(opportunity)).CreatedOn);

    /// <summary>The quarter the deal closed in; <see langword="null"/> while open.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static Quarter? CloseQuarter(Opportunity opportunity) =>
        Ensure.NotNull(opportunity, nameof(opportunity)).ClosedOn is { } closed ? Pipeline.Quarter.Of(closed) : null;

    /// <summary>The deal's partner; <see langword="null"/> for a direct deal.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static PartnerId? Partner(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).PartnerId;

    /// <summary>Hunting or farming.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static MotionClass MotionClass(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).MotionClass;

    /// <summary>The route to market.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static RouteToMarket Route(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).Route;

    /// <summary>The deal source.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public static DealSource Source(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).Source;
}
