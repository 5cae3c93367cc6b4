using PartnerMetrics.Pipeline;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// The small value types of the pipeline — identifiers, quarters, options and cube cells: their
/// operators agree with their order, their ranges are inclusive and their errors name the value.
/// </summary>
public class PipelineKeyTypeTests
{
    /// <summary>Any two non-blank CRM keys, often equal so that the equal case is tried as well.</summary>
    private static Arbitrary<(string Left, string Right)> KeyPairs { get; } =
        (from left in ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => s.Get)
         from right in Gen.OneOf(Gen.Constant(left), ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => s.Get))
         select (left, right)).ToArbitrary();

    /// <summary>Any two quarters from year 1 to 9999, often equal.</summary>
    private static Arbitrary<(Quarter Left, Quarter Right)> QuarterPairs { get; } =
        (from left in QuarterGen
         from right in Gen.OneOf(Gen.Constant(left), QuarterGen)
         select (left, right)).ToArbitrary();

    private static Gen<Quarter> QuarterGen =>
        from year in Gen.Choose(1, 9999)
        from number in Gen.Choose(1, 4)
        select new Quarter(year, number);

    [Fact]
    public void PipelineKeys_ANullOpportunity_ThrowsArgumentNullExceptionNamingIt()
    {
        // No key documented the ArgumentNullException it throws: the doc comments now say it of each, and this pins the type
        // and the name for every key there is (it passed before; the fix is to the documentation).
        var keys = typeof(PipelineKeys).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        Assert.Equal(7, keys.Length);

        foreach (var key in keys)
        {
            var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => key.Invoke(null, [null]));

            Assert.Equal("opportunity", Assert.IsType<ArgumentNullException>(error.InnerException).ParamName);
        }
    }

    /// <summary>The boxed comparison, as sorting by a key inside a tuple uses it: the typed order, null first, another type refused by name.</summary>
    [Fact]
    public void BoxedComparison_FollowsTheTypedOrder_NullFirst()
    {
        IComparable[] lows = [new Quarter(2024, 4), new AccountId("A"), new OpportunityId("A"), new PartnerMetrics.Partners.PartnerId("A")];
        object[] highs = [new Quarter(2025, 1), new AccountId("B"), new OpportunityId("B"), new PartnerMetrics.Partners.PartnerId("B")];

        for (var i = 0; i < lows.Length; i++)
        {
            Assert.Equal((-1, 0, 1), (Math.Sign(lows[i].CompareTo(highs[i])), lows[i].CompareTo(lows[i]), lows[i].CompareTo(null)));
            var error = Assert.Throws<ArgumentException>("obj", () => lows[i].CompareTo("text"));
            Assert.EndsWith($"{lows[i].GetType().Name}; got a value of type String. (Parameter 'obj')", error.Message, StringComparison.Ordinal);

            // The type's name after "a" read "got a Int32".
            var number = Assert.Throws<ArgumentException>("obj", () => lows[i].CompareTo(42));
            Assert.EndsWith($"{lows[i].GetType().Name}; got a value of type Int32. (Parameter 'obj')", number.Message, StringComparison.Ordinal);
        }
    }

    [Property]
    public Property AccountId_OperatorsFollowOrdinalOrder() =>
        Prop.ForAll(KeyPairs, p =>
        {
            var sign = Math.Sign(string.CompareOrdinal(p.Left, p.Right));
            var (left, right) = (new AccountId(p.Left), new AccountId(p.Right));
            Assert.Equal(sign, Math.Sign(left.CompareTo(right)));
            AssertOperators(sign, left < right, left <= right, left > right, left >= right);
        });

    [Property]
    public Property OpportunityId_OperatorsFollowOrdinalOrder() =>
        Prop.ForAll(KeyPairs, p =>
        {
            var sign = Math.Sign(string.CompareOrdinal(p.Left, p.Right));
            var (left, right) = (new OpportunityId(p.Left), new OpportunityId(p.Right));
            Assert.Equal(sign, Math.Sign(left.CompareTo(right)));
            AssertOperators(sign, left < right, left <= right, left > right, left >= right);
        });

    [Property]
    public Property Quarter_OperatorsFollowTime() =>
        Prop.ForAll(QuarterPairs, p =>
        {
            var sign = Math.Sign(((p.Left.Year - p.Right.Year) * 4) + p.Left.Number - p.Right.Number);
            Assert.Equal(sign, Math.Sign(p.Left.CompareTo(p.Right)));
            AssertOperators(sign, p.Left < p.Right, p.Left <= p.Right, p.Left > p.Right, p.Left >= p.Right);
        });

    [Fact]
    public void Identifiers_PrintTheirKey_AndDefaultPrintsNothing()
    {
        Assert.Equal("A-7", new AccountId("A-7").ToString());
        Assert.Equal("O-7", new OpportunityId("O-7").ToString());
        Assert.Equal(string.Empty, default(AccountId).ToString());
        Assert.Equal(string.Empty, default(OpportunityId).ToString());
    }

    [Theory]
    [InlineData(1, 1, "0001-Q1")]
    [InlineData(9999, 4, "9999-Q4")]
    [InlineData(2025, 3, "2025-Q3")]
    public void Quarter_AcceptsItsWholeRangeInclusive(int year, int number, string expected) =>
        Assert.Equal(expected, new Quarter(year, number).ToString());

    [Theory]
    [InlineData(0, 1, "year", "got 0")]
    [InlineData(10000, 1, "year", "got 10000")]
    [InlineData(-5, 1, "year", "got -5")]
    [InlineData(2025, 0, "number", "got 0")]
    [InlineData(2025, 5, "number", "got 5")]
    public void Quarter_OutOfRange_NamesTheFieldAndTheValue(int year, int number, string field, string message) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Quarter(year, number), field, message);

    [Fact]
    public void Options_OutOfRange_NameTheFieldAndTheValue()
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new PipelineOptions { RemainingTarget = -2.5m }, nameof(PipelineOptions.RemainingTarget), "got -2.5");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PipelineOptions { RemainingTarget = 0m }, nameof(PipelineOptions.RemainingTarget), "got 0");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PipelineOptions { TopPartners = 0 }, nameof(PipelineOptions.TopPartners), "got 0");
    }

    [Theory]
    [InlineData(3, 1, 0.75)]
    [InlineData(1, 3, 0.25)]
    [InlineData(0, 2, 0.0)]
    [InlineData(2, 0, 1.0)]
    public void Cell_WinRate_IsWonOverClosed(long won, long lost, double expected) =>
        Assert.Equal(expected, Cell(won, lost, wonCycleDays: 0).WinRate);

    [Fact]
    public void Cell_WithNothingClosed_HasNoWinRateAndNoCycle()
    {
        var cell = Cell(0, 0, wonCycleDays: 0);

        Assert.Null(cell.WinRate);
        Assert.Null(cell.MeanWonCycle);
    }

    [Fact]
    public void Cell_MeanWonCycle_IsTheCycleDaysOverTheWins() =>
        Assert.Equal(12.5, Cell(4, 1, wonCycleDays: 50).MeanWonCycle);

    [Fact]
    public void Cube_CellsCarryTheWinRateAndCycleOfTheirDeals()
    {
        // North, hunting, 2025-Q1: O1 won in 10 days, O6 open; O5 (upsell, lost) is farming.
        var cell = Assert.Single(PipelineCube.Compute(Deals), c => c is { District: "North", MotionClass: MotionClass.Hunting });

        Assert.Equal((1L, 1L, 0L), (cell.WonCount, cell.OpenCount, cell.LostCount));
        Assert.Equal(1.0, cell.WinRate);
        Assert.Equal(10.0, cell.MeanWonCycle);
    }

    private static PipelineCell Cell(long won, long lost, long wonCycleDays) =>
        new("North", MotionClass.Hunting, new Quarter(2025, 1), won + lost, 0, won, lost, 0m, won * 10m, lost * 10m, wonCycleDays);

    private static void AssertOperators(int sign, bool less, bool lessOrEqual, bool greater, bool greaterOrEqual) =>
        Assert.Equal((sign < 0, sign <= 0, sign > 0, sign >= 0), (less, lessOrEqual, greater, greaterOrEqual));
}
