using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Partners;

public class PartnerTests
{
    private static readonly PartnerId Id = new("P-1");

    [Fact]
    public void Constructor_ValidArguments_KeepsEveryField()
    {
        var partner = new Partner(Id, "Contoso", PartnerType.SystemIntegrator, "Gold", "North", new DateOnly(2024, 2, 1));

        Assert.Equal(Id, partner.Id);
        Assert.Equal("Contoso", partner.Name);
        Assert.Equal(PartnerType.SystemIntegrator, partner.Type);
        Assert.Equal("Gold", partner.Tier);
        Assert.Equal("North", partner.District);
        Assert.Equal(new DateOnly(2024, 2, 1), partner.OnboardedOn);
    }

    [Fact]
    public void Constructor_DefaultId_Throws() =>
        Rejects.Field<ArgumentException>(() => new Partner(default, "Contoso", PartnerType.Reseller), "id");

    [Fact]
    public void Constructor_NullName_Throws() =>
        Rejects.Field<ArgumentNullException>(() => new Partner(Id, null!, PartnerType.Reseller), "name");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankName_Throws(string name) =>
        Rejects.Field<ArgumentException>(() => new Partner(Id, name, PartnerType.Reseller), "name", $"'{name}'");

    [Fact]
    public void Constructor_UndefinedType_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Partner(Id, "Contoso", (PartnerType)42), "type", "42");

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void Constructor_BlankOptionalText_MeansNotRecorded(string blank)
    {
        var partner = new Partner(Id, "Contoso", PartnerType.Reseller, tier: blank, district: blank);

        Assert.Null(partner.Tier);
        Assert.Null(partner.District);
        Assert.Equal(new Partner(Id, "Contoso", PartnerType.Reseller), partner);
    }
}
