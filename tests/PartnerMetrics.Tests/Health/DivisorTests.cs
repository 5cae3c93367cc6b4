using PartnerMetrics.Health;

namespace PartnerMetrics.Tests.Health;

public class DivisorTests
{
    /// <summary>Any 32-bit number, uniformly: two halves of 16 bits.</summary>
    private static readonly Gen<uint> AnyUInt =
        from high in Gen.Choose(0, ushort.MaxValue)
        from low in Gen.Choose(0, ushort.MaxValue)
        select ((uint)high << 16) | (uint)low;

    /// <summary>
    /// The multiplication gives the quotient a division gives, for every 32-bit dividend and divisor: each drawn from
    /// the whole range, from small numbers, and from the numbers next to a power of two and to a multiple of the
    /// divisor, where a reciprocal that is one too small or too large shows first.
    /// </summary>
    [Property]
    public Property Divide_IsTheQuotient() =>
        Prop.ForAll(
            (from divisor in Gen.OneOf(
                 Gen.Choose(1, 400).Select(d => (uint)d),
                 Gen.Choose(0, 31).Select(bit => 1U << bit),
                 Gen.Choose(1, 31).Select(bit => (1U << bit) + 1),
                 Gen.Choose(1, 32).Select(bit => (uint)((1UL << bit) - 1)),
                 AnyUInt.Where(d => d > 0))
             from dividend in Gen.OneOf(
                 AnyUInt,
                 Gen.Choose(0, 10_000).Select(n => (uint)n),
                 Gen.Elements(uint.MaxValue, uint.MaxValue - 1, 0U, 1U),
                 Gen.Choose(0, 1000).Select(q => unchecked((uint)((ulong)q * divisor) - 1U)),
                 Gen.Choose(0, 1000).Select(q => unchecked((uint)((ulong)q * divisor))))
             select (divisor, dividend)).ToArbitrary(),
            c => Assert.Equal(c.dividend / c.divisor, new Divisor(c.divisor).Divide(c.dividend)));

    [Fact]
    public void Divisor_OfZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Divisor(0));
}
