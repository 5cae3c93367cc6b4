using System.Text;
using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// A document with nothing in it — no bytes, JSON's white space, a byte-order mark — is said to be empty, at <c>$</c>,
/// naming what was expected, on every read path; System.Text.Json's own words ("The input does not contain any JSON
/// tokens …") name no type. Text that is not JSON keeps the reader's words: a no-break space is not JSON's white space.
/// </summary>
public class EmptyDocumentTests
{
    private const string PortfolioMessage = "Invalid Portfolio at $: Expected an object, got nothing: the document is empty.";

    public static TheoryData<string> Blank => ["", " ", "\r\n\t  \n", "\uFEFF", "\uFEFF \n"];

    [Theory]
    [MemberData(nameof(Blank))]
    public void APortfolio_FromTextBytesOrAStream_IsEmpty(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document);

        AssertEmpty(PortfolioMessage, () => PartnerMetricsJson.Deserialize<Portfolio>(document));
        AssertEmpty(PortfolioMessage, () => PartnerMetricsJson.Deserialize<Portfolio>(bytes.AsSpan()));
        AssertEmpty(PortfolioMessage, () => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        AssertEmpty(PortfolioMessage, () => PartnerMetricsJson.Deserialize<Portfolio>(new PortfolioReaderTests.Trickle(bytes, 1)));
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public void APortfolio_ReadOnePartnershipAtATime_IsEmpty(string document)
    {
        var reader = new PortfolioJsonReader(new PortfolioReaderTests.Trickle(Encoding.UTF8.GetBytes(document), 2));

        AssertEmpty(PortfolioMessage, () => reader.ReadPartnerships().ToList());
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public void AModel_FromTextOrASeekableStream_IsEmpty(string document)
    {
        const string Message = "Invalid HealthModel at $: Expected an object, got nothing: the document is empty.";

        AssertEmpty(Message, () => PartnerMetricsJson.Deserialize<HealthModel>(document));
        AssertEmpty(Message, () => PartnerMetricsJson.Deserialize<HealthModel>(new MemoryStream(Encoding.UTF8.GetBytes(document))));
    }

    [Theory]
    [MemberData(nameof(Blank))]
    public async Task AListOfDeals_ReadWholeOrOneAtATime_IsEmpty(string document)
    {
        const string Message = "Invalid document at $: Expected an array, got nothing: the document is empty.";
        var bytes = Encoding.UTF8.GetBytes(document);

        AssertEmpty(Message, () => PartnerMetricsJson.Deserialize<Opportunity[]>(document));
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var unused in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(bytes)))
            {
            }
        });
        Assert.Equal(Message, error.Message);
    }

    /// <summary>
    /// A stream that cannot seek, such as an ASP.NET Core request body posted empty: System.Text.Json's own words were
    /// given ("The input does not contain any JSON tokens …"), for the stream could not be read again to see that it
    /// held nothing. What the stream handed over while it was read says so.
    /// </summary>
    [Theory]
    [MemberData(nameof(Blank))]
    public async Task AModelOrAList_FromAStreamThatCannotSeek_IsEmpty(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document);

        AssertEmpty("Invalid HealthModel at $: Expected an object, got nothing: the document is empty.", () => PartnerMetricsJson.Deserialize<HealthModel>(new PortfolioReaderTests.Trickle(bytes, 1)));
        AssertEmpty("Invalid Partnership at $: Expected an object, got nothing: the document is empty.", () => PartnerMetricsJson.Deserialize<PartnerMetrics.Partners.Partnership>(new PortfolioReaderTests.Trickle(bytes, 2)));
        AssertEmpty("Invalid document at $: Expected an array, got nothing: the document is empty.", () => PartnerMetricsJson.Deserialize<List<Opportunity>>(new PortfolioReaderTests.Trickle(bytes, 3)));
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var unused in PartnerMetricsJson.DeserializeOpportunitiesAsync(new PortfolioReaderTests.Trickle(bytes, 1)))
            {
            }
        });
        Assert.Equal(("Invalid document at $: Expected an array, got nothing: the document is empty.", "$"), (error.Message, error.Path));
    }

    [Fact]
    public void PartOfAByteOrderMark_FromAStreamThatCannotSeek_IsNotEmpty()
    {
        // Its bytes are not white space: the reader's words, as from the bytes.
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(new PortfolioReaderTests.Trickle([0xEF, 0xBB, 0x20], 1)));

        Assert.DoesNotContain("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoBreakSpace_IsNotJsonWhiteSpace_AndKeepsTheReadersWords()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>("\u00A0"));

        Assert.DoesNotContain("empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid start of a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStreamReadFromItsMiddle_IsEmptyFromThere()
    {
        var portfolio = new MemoryStream(Encoding.UTF8.GetBytes("{\"partnerships\": []} \n"));
        portfolio.Position = 20;
        var model = new MemoryStream(Encoding.UTF8.GetBytes("{} \n"));
        model.Position = 2;

        AssertEmpty(PortfolioMessage, () => PartnerMetricsJson.Deserialize<Portfolio>(portfolio));
        AssertEmpty("Invalid HealthModel at $: Expected an object, got nothing: the document is empty.", () => PartnerMetricsJson.Deserialize<HealthModel>(model));
    }

    private static void AssertEmpty(string message, Func<object> read)
    {
        var error = Assert.Throws<JsonException>(read);
        Assert.Equal(message, error.Message);
        Assert.Equal("$", error.Path);
    }
}
