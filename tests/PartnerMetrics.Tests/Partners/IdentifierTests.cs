using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Partners;

public class IdentifierTests
{
    [Fact]
    public void Constructor_Null_Throws()
    {
        Rejects.Field<ArgumentNullException>(() => new PartnerId(null!), "value");
        Rejects.Field<ArgumentNullException>(() => new AccountId(null!), "value");
        Rejects.Field<ArgumentNullException>(() => new OpportunityId(null!), "value");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Constructor_EmptyOrWhitespace_Throws(string value)
    {
        Rejects.Field<ArgumentException>(() => new PartnerId(value), "value", $"'{value}'");
        Rejects.Field<ArgumentException>(() => new AccountId(value), "value", $"'{value}'");
        Rejects.Field<ArgumentException>(() => new OpportunityId(value), "value", $"'{value}'");
    }

    [Fact]
    public void Equality_IsOrdinalOnTheKey()
    {
        Assert.Equal(new PartnerId("P-1"), new PartnerId("P-1"));
        Assert.NotEqual(new PartnerId("P-1"), new PartnerId("p-1"));
        Assert.Equal(new PartnerId("P-1").GetHashCode(), new PartnerId("P-1").GetHashCode());
    }

    [Fact]
    public void Comparison_IsOrdinal()
    {
        Assert.True(new PartnerId("P-10") < new PartnerId("P-9"));
        Assert.True(new PartnerId("B") > new PartnerId("A"));
        Assert.True(new PartnerId("a") > new PartnerId("Z"));
        Assert.True(new AccountId("A") <= new AccountId("A"));
        Assert.True(new OpportunityId("O-2") >= new OpportunityId("O-1"));
    }

    [Fact]
    public void Default_IsEmptyAndReportsIt()
    {
        PartnerId none = default;

        Assert.True(none.IsDefault);
        Assert.Null(none.Value);
        Assert.Equal(string.Empty, none.ToString());
        Assert.False(new PartnerId("P-1").IsDefault);
        Assert.Equal("P-1", new PartnerId("P-1").ToString());
    }
}
