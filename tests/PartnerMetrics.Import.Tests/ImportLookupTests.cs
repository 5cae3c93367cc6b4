namespace PartnerMetrics.Import.Tests;

/// <summary>A lookup's values, given in code or read from a second CSV file.</summary>
public class ImportLookupTests
{
    [Fact]
    public void Keys_AreTrimmed_AndComparedExactly()
    {
        var lookup = new ImportLookup("district", [new(" alice ", "EMEA"), new("Alice", "AMER")]);

        Assert.Equal("district", lookup.Field);
        Assert.Equal("EMEA", lookup.Values["alice"]);
        Assert.Equal("AMER", lookup.Values["Alice"]);
        Assert.Equal(2, lookup.Values.Count);
    }

    [Fact]
    public void AKeyGivenTwice_OrNull_IsAnArgumentError()
    {
        var twice = Assert.Throws<ArgumentException>("values", () => new ImportLookup("district", [new("alice", "EMEA"), new("alice ", "AMER")]));
        Assert.StartsWith("The key 'alice ' is given twice.", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("values", () => new ImportLookup("district", [new(null!, "EMEA")]));
        Assert.Throws<ArgumentNullException>("field", () => new ImportLookup(null!, []));
        Assert.Throws<ArgumentNullException>("values", () => new ImportLookup("district", null!));
    }

    [Fact]
    public void FromCsv_ReadsTheKeyAndValueColumnsByHeader_SkippingRowsWithoutAKeyOrAValue()
    {
        // carol's office is empty: she is left out, so her deals keep the field's default as an unknown key's do (an
        // empty value stored for her replaced the default with "").
        var lookup = ImportLookup.FromCsv(
            "district",
            new StringReader("Office,Notes,Sales Agent\nEMEA,x,alice\nAMER,y,bob\nAPAC,z,\n,w,carol\n"),
            "sales_agent",
            "office");

        Assert.Equal("district", lookup.Field);
        Assert.Equal(2, lookup.Values.Count);
        Assert.Equal(("EMEA", "AMER"), (lookup.Values["alice"], lookup.Values["bob"]));
        Assert.False(lookup.Values.ContainsKey("carol"));
    }

    [Fact]
    public void FromCsv_AKeyWithoutAValue_IsStillAKeyGivenOnce()
    {
        var error = Assert.Throws<ImportException>(() => ImportLookup.FromCsv("district", new StringReader("Agent,Office\nalice,\nalice,AMER\n"), "Agent", "Office"));

        Assert.Equal("line 3, column \"Agent\", value \"alice\": the key is given twice in the lookup file for 'district'.", error.Message);
    }

    [Theory]
    [InlineData("Agent,Office\nSmith, John,West\n", "3 fields")]   // an unquoted comma: Smith would be mapped to John
    [InlineData("Agent,Office\nSmith\n", "1 field")]
    public void FromCsv_ARowWithAnotherNumberOfFields_IsAnErrorNamingItsLine(string csv, string fields)
    {
        var error = Assert.Throws<ImportException>(() => ImportLookup.FromCsv("district", new StringReader(csv), "Agent", "Office"));

        Assert.Equal($"line 2: the row of the lookup file for 'district' has {fields} where the header has 2; is a value with a comma or a quote not quoted?", error.Message);
    }

    [Theory]
    [InlineData("Office,Notes\nEMEA,x\n")]
    [InlineData("Sales Agent,Notes\nalice,x\n")]
    public void FromCsv_AMissingColumn_NamesBothColumnsAndTheHeader(string csv)
    {
        var error = Assert.Throws<ImportException>(() => ImportLookup.FromCsv("district", new StringReader(csv), "Sales Agent", "Office"));

        var problem = Assert.IsType<ImportProblem>(error.Problem);
        Assert.Equal(1, problem.Line);
        Assert.Equal($"the lookup file for 'district' needs the columns \"Sales Agent\" and \"Office\"; its header has \"{csv[..csv.IndexOf(',', StringComparison.Ordinal)]}\", \"Notes\".", problem.Message);
    }

    [Fact]
    public void FromCsv_AKeyGivenTwice_NamesItsLineAndColumn()
    {
        var error = Assert.Throws<ImportException>(() => ImportLookup.FromCsv("district", new StringReader("Agent,Office\nalice,EMEA\n\nalice,AMER\n"), "Agent", "Office"));

        Assert.Equal("line 4, column \"Agent\", value \"alice\": the key is given twice in the lookup file for 'district'.", error.Message);
    }

    [Fact]
    public void FromCsv_NullArguments_AreNamed()
    {
        Assert.Throws<ArgumentNullException>("field", () => ImportLookup.FromCsv(null!, new StringReader("a,b\n"), "a", "b"));
        Assert.Throws<ArgumentNullException>("csv", () => ImportLookup.FromCsv("district", null!, "a", "b"));
        Assert.Throws<ArgumentNullException>("keyColumn", () => ImportLookup.FromCsv("district", new StringReader("a,b\n"), null!, "b"));
        Assert.Throws<ArgumentNullException>("valueColumn", () => ImportLookup.FromCsv("district", new StringReader("a,b\n"), "a", null!));
    }
}
