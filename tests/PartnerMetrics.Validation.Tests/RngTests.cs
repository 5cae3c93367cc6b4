using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Tests;

public sealed class RngTests
{
    [Theory]
    [InlineData(42UL, 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL)]
    [InlineData(0UL, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL)]
    public void NextUInt64_Seed_MatchesReferenceXoshiro256StarStar(ulong seed, ulong first, ulong second, ulong third)
    {
        // Reference values from an independent implementation of xoshiro256** seeded by four SplitMix64 outputs.
        var rng = new Rng(seed);

        Assert.Equal([first, second, third], new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() });
    }

    [Fact]
    public void Derive_SameKey_SameStreamWhateverTheParentHasDrawn()
    {
        var parent = new Rng(7);
        var before = parent.Derive(3).NextUInt64();
        _ = parent.NextUInt64();

        Assert.Equal(before, parent.Derive(3).NextUInt64());
        Assert.NotEqual(before, parent.Derive(4).NextUInt64());
    }

    [Property]
    public void Between_AnyBounds_StaysInside(ulong seed, int a, int b)
    {
        var (low, high) = (Math.Min(a, b) / 4, Math.Max(a, b) / 4);
        var rng = new Rng(seed);

        for (var i = 0; i < 20; i++)
        {
            Assert.InRange(rng.Between(low, high), low, high);
        }
    }
}
