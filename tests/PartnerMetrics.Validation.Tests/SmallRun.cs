using System.Collections.Immutable;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

/// <summary>The small fixed-seed run the tests share: every variant, one seed, a few hundred partnerships.</summary>
public sealed class SmallRun
{
    public static readonly ValidationOptions Options = new() { Partnerships = 400, Seeds = 1, FitWeights = false };

    public SmallRun() => Runs = ValidationRun.Execute(Options);

    public ImmutableArray<VariantRun> Runs { get; }
}
