using System.Collections.Immutable;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary>A key of <c>pipeline --by</c>.</summary>
internal enum PipelineDimension
{
    /// <summary>The deal's district (<see cref="PipelineKeys.District"/>); deals without one form their own group.</summary>
    District,

    /// <summary>The calendar quarter the deal was created in (<see cref="PipelineKeys.Quarter"/>).</summary>
    Quarter,

    /// <summary>Hunting or farming (<see cref="PipelineKeys.MotionClass"/>).</summary>
    Motion,

    /// <summary>The deal's partner (<see cref="PipelineKeys.Partner"/>); deals without one form their own group.</summary>
    Partner,
}

/// <summary>The group of a deal: the values of the chosen dimensions; a dimension not chosen is always <see langword="null"/>.</summary>
/// <param name="District">The district, when grouping by district and the deal has one.</param>
/// <param name="Quarter">The creation quarter, when grouping by quarter.</param>
/// <param name="Motion">Hunting or farming, when grouping by motion.</param>
/// <param name="Partner">The partner, when grouping by partner and the deal has one.</param>
internal sealed record PipelineGroupKey(string? District, Quarter? Quarter, MotionClass? Motion, PartnerId? Partner);

/// <summary>The dimensions of <c>pipeline --by</c>, in the order given: they pick each deal's group and order the groups.</summary>
internal sealed class PipelineGrouping : IComparer<PipelineGroupKey?>
{
    /// <summary>The names <c>--by</c> accepts, in <see cref="PipelineDimension"/> order.</summary>
    public static readonly ImmutableArray<string> Names = ["district", "quarter", "motion", "partner"];

    private PipelineGrouping(ImmutableArray<PipelineDimension> dimensions) => Dimensions = dimensions;

    /// <summary>Gets the grouping with no dimension: every deal in one group.</summary>
    public static PipelineGrouping None { get; } = new([]);

    public ImmutableArray<PipelineDimension> Dimensions { get; }

    /// <summary>Parses a comma-separated list such as <c>district,quarter</c> (names ignore case; spaces around them are allowed), or <c>none</c>, the default: every deal in one group.</summary>
    /// <param name="text">The list.</param>
    /// <param name="grouping">The grouping, when the list is valid.</param>
    /// <param name="error">Why the list is not valid, otherwise.</param>
    /// <returns><see langword="true"/> when the list is valid.</returns>
    public static bool TryParse(string text, out PipelineGrouping grouping, out string? error)
    {
        // The help shows the default as "none"; given, it means what it shows.
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            grouping = None;
            error = null;
            return true;
        }

        var dimensions = ImmutableArray.CreateBuilder<PipelineDimension>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var index = Names.IndexOf(part.ToLowerInvariant());
            if (index < 0)
            {
                grouping = None;
                error = $"Unknown --by key '{part}': use a comma-separated list of {string.Join(", ", Names)}.";
                return false;
            }

            var dimension = (PipelineDimension)index;
            if (dimensions.Contains(dimension))
            {
                grouping = None;
                error = $"--by lists '{Names[index]}' twice.";
                return false;
            }

            dimensions.Add(dimension);
        }

        grouping = new PipelineGrouping(dimensions.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>Picks the group of a deal.</summary>
    /// <param name="opportunity">The deal.</param>
    /// <returns>Its key.</returns>
    public PipelineGroupKey Key(Opportunity opportunity)
    {
        string? district = null;
        Quarter? quarter = null;
        MotionClass? motion = null;
        PartnerId? partner = null;
        foreach (var dimension in Dimensions)
        {
            switch (dimension)
            {
                case PipelineDimension.District:
                    district = PipelineKeys.District(opportunity);
                    break;
                case PipelineDimension.Quarter:
                    quarter = PipelineKeys.Quarter(opportunity);
                    break;
                case PipelineDimension.Motion:
                    motion = PipelineKeys.MotionClass(opportunity);
                    break;
                default:
                    partner = PipelineKeys.Partner(opportunity);
                    break;
            }
        }

        return new PipelineGroupKey(district, quarter, motion, partner);
    }

    /// <summary>Orders groups by the dimensions in the order given; within a dimension, deals without a value come first.</summary>
    /// <param name="x">A key.</param>
    /// <param name="y">Another key.</param>
    /// <returns>The order.</returns>
    public int Compare(PipelineGroupKey? x, PipelineGroupKey? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        foreach (var dimension in Dimensions)
        {
            var order = dimension switch
            {
                PipelineDimension.District => string.CompareOrdinal(x.District, y.District),
                PipelineDimension.Quarter => Nullable.Compare(x.Quarter, y.Quarter),
                PipelineDimension.Motion => Nullable.Compare(x.Motion, y.Motion),
                _ => Nullable.Compare(x.Partner, y.Partner),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>Returns the keys as <c>--by</c> takes them, or <c>none</c> (what help shows as the default).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Dimensions.IsEmpty ? "none" : string.Join(",", Dimensions.Select(d => Names[(int)d]));

    /// <summary>Gets the value of each dimension of a key as text, in the order given; <see langword="null"/> where the deals have none.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The texts, one per dimension.</returns>
    public IReadOnlyList<string?> Values(PipelineGroupKey key) => [.. Dimensions.Select(d => Text(key, d))];

    /// <summary>Gets the value of one dimension of a key as text; <see langword="null"/> when the deals have none.</summary>
    /// <param name="key">The key.</param>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The text, such as <c>North</c>, <c>2025-Q1</c>, <c>Hunting</c> or <c>P-100</c>.</returns>
    public static string? Text(PipelineGroupKey key, PipelineDimension dimension) => dimension switch
    {
        PipelineDimension.District => key.District,
        PipelineDimension.Quarter => key.Quarter?.ToString(),
        PipelineDimension.Motion => key.Motion?.ToString(),
        _ => key.Partner?.ToString(),
    };
}
