using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public sealed class ModelOptionTests
{
    private const string TrustOnly = """{ "dimensionWeights": { "trust": 1, "competency": 0, "cooperation": 0, "planAlignment": 0, "trackedProgress": 0 } }""";

    [Fact]
    public void Demo_ModelWeighingOnlyTrust_ScoresEveryPartnerByItsTrust()
    {
        using var files = new TestFiles();
        var model = files.Write("trust.json", TrustOnly);

        var (exit, json, error) = Run("demo", "--model", model, "--format", "json");
        var (_, defaultJson, _) = Run("demo", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(error);

        // Only trust weighs, so the overall score is the trust score; the table rounds the score to 0.1 and the dimensions to 1,
        // a dimension below the Watch threshold (40) never up to it: there it reads up to a point below the score.
        var partners = Partners(json);
        Assert.Equal(50, partners.Count);
        Assert.All(partners, p => Assert.InRange(p.Score - p.Trust!.Value, -0.5, p.Score < 40 ? 1 : 0.5));
        Assert.All(partners.Where(p => p.Score < 40), p => Assert.True(p.Trust < 40, $"{p.Id}: trust {p.Trust} beside a score of {p.Score}"));

        // The default model weighs every dimension, so the same check fails for it: the model was used.
        Assert.Contains(Partners(defaultJson), p => Math.Abs(p.Score - p.Trust!.Value) > 1);
    }

    /// <summary>--model - looked for a file named "-" ("Cannot read the model …/-: …", exit 3), where - is standard input or output on every other option.</summary>
    [Theory]
    [InlineData("demo")]
    [InlineData("score")]
    public void Model_Dash_IsAUsageError(string command)
    {
        string[] args = command == "demo" ? ["demo", "--model", "-"] : ["score", TestFiles.Fixture("backtest-portfolio.json"), "--model", "-"];

        var (exit, output, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.StartsWith("--model -: a model is read from a file, not from standard input; give it a file name.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ModelWeighingOnlyTrust_GivesTheLibrarysScoresWithThatModel()
    {
        using var files = new TestFiles();
        var model = files.Write("trust.json", TrustOnly);
        var portfolioPath = TestFiles.Fixture("backtest-portfolio.json");
        var asOf = new DateOnly(2025, 6, 30);

        var (exit, json, _) = Run("score", portfolioPath, "--as-of", "2025-06-30", "--model", model, "--format", "json");

        Assert.Equal(0, exit);
        var scorer = new HealthScorer(PartnerMetricsJson.Deserialize<HealthModel>(TrustOnly));
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(File.ReadAllText(portfolioPath));
        var expected = portfolio.Partnerships.ToDictionary(p => p.Partner.Id.ToString(), p => Math.Round(scorer.Score(p, asOf).Score, 1));
        var actual = Partners(json).ToDictionary(p => p.Id, p => p.Score);
        Assert.Equal(expected, actual);
        Assert.NotEqual(Run("score", portfolioPath, "--as-of", "2025-06-30", "--format", "json").Output, json);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("html")]
    public void Demo_ModelWeighingOnlyTrust_ChangesEveryFormat(string format)
    {
        using var files = new TestFiles();
        var model = files.Write("trust.json", TrustOnly);

        var withModel = Run("demo", "--model", model, "--format", format);
        var withoutModel = Run("demo", "--format", format);

        Assert.Equal(0, withModel.Exit);
        Assert.NotEqual(withoutModel.Output, withModel.Output);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("score")]
    public void Model_NegativeWeight_ExitsTwoNamingTheFileAndThePath(string command)
    {
        using var files = new TestFiles();
        var model = files.Write("bad-model.json", """{ "dimensionWeights": { "trust": -1 } }""");
        string[] args = command == "demo" ? ["demo", "--model", model] : ["score", TestFiles.Fixture("backtest-portfolio.json"), "--model", model];

        var (exit, output, error) = Run(args);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Contains("bad-model.json", error, StringComparison.Ordinal);
        Assert.Contains("$.dimensionWeights.trust", error, StringComparison.Ordinal);
        Assert.Contains("got -1", error, StringComparison.Ordinal);
    }

    /// <summary>docs/cli.md quotes the message of a model file with a negative weight, <c>bad.json (--model): …</c>; it is that file's message, word for word.</summary>
    [Fact]
    public void CliDocs_TheQuotedMessageOfAnInvalidModel_IsTheMessageOfThatFile()
    {
        var docs = CliDocs.Page();
        var start = docs.IndexOf("(`bad.json (--model): ", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md quotes no message of bad.json (--model)");
        start += "(`".Length;
        var quoted = docs[start..docs.IndexOf('`', start)];
        using var files = new TestFiles();
        var model = files.Write("bad.json", """{ "dimensionWeights": { "trust": -1 } }""");

        var (exit, output, error) = Run("score", TestFiles.Fixture("backtest-portfolio.json"), "--model", model);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Equal(quoted, error.Trim());
    }

    [Fact]
    public void Model_UnknownSetting_ExitsTwoNamingIt()
    {
        using var files = new TestFiles();
        var model = files.Write("typo.json", """{ "lossAversoin": 3 }""");

        var (exit, _, error) = Run("demo", "--model", model);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("lossAversoin", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("score")]
    public void Model_MissingFile_ExitsThree(string command)
    {
        using var files = new TestFiles();
        var missing = files.PathOf("no-such-model.json");
        string[] args = command == "demo" ? ["demo", "--model", missing] : ["score", TestFiles.Fixture("backtest-portfolio.json"), "--model", missing];

        var (exit, _, error) = Run(args);

        Assert.Equal(ExitCodes.InputUnreadable, exit);
        Assert.Contains("no-such-model.json", error, StringComparison.Ordinal);
    }

    private static List<(string Id, double Score, double? Trust)> Partners(string json) =>
    [
        .. JsonDocument.Parse(json).RootElement.GetProperty("partners").EnumerateArray().Select(p => (
            p.GetProperty("id").GetString()!,
            p.GetProperty("score").GetDouble(),
            p.GetProperty("dimensions").GetProperty("trust") is { ValueKind: JsonValueKind.Number } trust ? trust.GetDouble() : (double?)null)),
    ];
}
