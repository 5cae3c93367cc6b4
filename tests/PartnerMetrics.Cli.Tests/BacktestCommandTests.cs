using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Validation;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// <c>backtest</c> on the fixture backtest-portfolio.json: four partners whose only evidence is four commitments each,
/// kept A 4, D 3, B 2, C 0 of 4, so the scores rank A &gt; D &gt; B &gt; C. backtest-outcomes.csv: C churned on
/// 2025-07-20 (20 days after 2025-06-30), D on 2025-09-01 (63 days after), A and B are active.
/// </summary>
public sealed partial class BacktestCommandTests
{
    private static readonly string Portfolio = TestFiles.Fixture("backtest-portfolio.json");
    private static readonly string Outcomes = TestFiles.Fixture("backtest-outcomes.csv");

    [Fact]
    public void Backtest_OneDay_GivesTheHandComputedAucBandsAndDeciles()
    {
        var (exit, json, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal((4, 2, 2, 0, 0), (Int(root, "samples"), Int(root, "churned"), Int(root, "stayed"), Int(root, "censored"), Int(root, "inactive")));

        // Stayers A, B; churners D, C. Pairs (stayer above churner): A>D 1, A>C 1, B>D 0, B>C 1, so AUC = 3/4.
        Assert.Equal(0.75, root.GetProperty("auc").GetDouble());

        // DeLong: stayer placements A 1, B 1/2; churner placements (share of stayers above) D 1/2, C 1.
        // Each pair has sample variance 1/8, so SE = √(1/8 ÷ 2 + 1/8 ÷ 2) = √(1/8).
        Assert.Equal(Math.Sqrt(0.125), root.GetProperty("aucStandardError").GetDouble(), 12);

        // Model v2 at its default weights (version 2.3), as of 2025-06-30, 546 days after the start (facts are certain).
        // Commitment ages 135, 107, 76, 46 days, w = 2^(−a/180) = 0.5946, 0.6623, 0.7463, 0.8377, e = Σ w = 2.8408.
        //   Partner side (p + 1) / (p + λn + 2), λ = 2.5; the vendor side sits at 0.5: trust = 100 × √(side × 0.5). Every other dimension is the same for all four:
        //   competency 50 (nothing required, so coverage is left out; delivery at its prior 0.5), co-operation 50
        //   (the three rates at 0.5, weights 0.2 + 0.2 + 0.35 = 0.75; reciprocity, weight 0.25, is a rate of matched
        //   initiatives and none was logged: successes 2 × min(0, 0) = 0, failures |0 − 0| = 0, so at its prior
        //   (0 + 1) / (0 + 0 + 2) = 0.5; 100 × (0.75 × 0.5 + 0.25 × 0.5) = 50),
        //   plan 0 (none), tracked progress: the three deal rates at their
        //   prior 0.5 (weights 0.1, 0.05, 0.05) and the weekly cadence (weight 0.8) 2/12 (active in weeks 6 and 10 of 12),
        //   100 × (0.1 + 0.05 + 0.05) × 0.5 + 80 × 2/12 = 10 + 13.333 = 23.333.
        //   score = 0.25 × trust + 0.2 × 50 + 0.25 × 50 + 0.15 × 0 + 0.15 × 23.333
        //         = 0.25 × trust + 10 + 12.5 + 0 + 3.5 = 0.25 × trust + 26
        //   Trust C 23.438, B 40.628, D 50.951, A 62.985, so A 41.75 (Watch, ≥ 40); D 38.74, B 36.16, C 31.86 (AtRisk).
        //   Confidence: trust 0.5 × e / (e + 5) (the vendor side has no evidence), competency and co-operation 0 (no
        //   evidence), plan 1 (the missing plan is a fact), progress 0.8 × 1 (only the cadence is certain), so
        //   0.25 × 0.5 × e / (e + 5) + 0.15 × 1 + 0.15 × 0.8 = 0.125 × 0.3623 + 0.27 = 0.315 ≥ 0.25: none is
        //   InsufficientEvidence; plan alignment 0 at confidence 1 is a weakest link, at most Watch.
        int[] ages = [135, 107, 76, 46];
        var w = ages.Select(a => Math.Pow(2, -a / 180.0)).ToArray();
        var reciprocity = (0 + 1.0) / (0 + 0 + 2.0);
        var cooperation = 100 * ((0.75 * 0.5) + (0.25 * reciprocity));
        double Expected(bool[] kept)
        {
            double p = 0, n = 0;
            for (var i = 0; i < 4; i++)
            {
                if (kept[i])
                {
                    p += w[i];
                }
                else
                {
                    n += 2.5 * w[i];
                }
            }

            return (0.25 * 100 * Math.Sqrt((p + 1) / (p + n + 2) * 0.5)) + 10 + (0.25 * cooperation) + 3.5;
        }

        var bands = root.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!);
        Assert.Equal(Enum.GetNames<HealthBand>(), bands.Keys);
        Assert.Equal((3, 2, 2.0 / 3), (Int(bands["AtRisk"], "samples"), Int(bands["AtRisk"], "churned"), bands["AtRisk"].GetProperty("churnRate").GetDouble()));
        Assert.Equal((1, 0, 0.0), (Int(bands["Watch"], "samples"), Int(bands["Watch"], "churned"), bands["Watch"].GetProperty("churnRate").GetDouble()));
        Assert.Equal(0, Int(bands["InsufficientEvidence"], "samples"));
        Assert.Equal(JsonValueKind.Null, bands["InsufficientEvidence"].GetProperty("churnRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, bands["Healthy"].GetProperty("churnRate").ValueKind);

        // Decile of mid-rank r of N = 4: ⌊10 (r − ½) ÷ 4⌋ + 1 = 2, 4, 7, 9 for C, B, D, A; churned C 1, B 0, D 1, A 0.
        var deciles = root.GetProperty("deciles").EnumerateArray().ToList();
        Assert.Equal([2, 4, 7, 9], deciles.Select(d => Int(d, "decile")));
        Assert.Equal([1, 0, 1, 0], deciles.Select(d => Int(d, "churned")));
        Assert.All(deciles, d => Assert.Equal(1, Int(d, "samples")));
        var scores = deciles.Select(d => d.GetProperty("meanScore").GetDouble()).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.Equal(Library(new HealthScorer(), "2025-06-30").Samples.Select(s => s.Score).Order(), scores);

        // C, B, D, A, kept (in due order Feb, Mar, Apr, May): none; Feb and Apr; all but Apr; all.
        double[] expected = [Expected([false, false, false, false]), Expected([true, false, true, false]), Expected([true, true, false, true]), Expected([true, true, true, true])];
        Assert.All(expected.Zip(scores), s => Assert.Equal(s.First, s.Second, 1e-9));
        Assert.Equal([31.86, 36.16, 38.74, 41.75], expected.Select(e => Math.Round(e, 2)));
    }

    [Fact]
    public void Backtest_Json_HasEveryFigureLabelledAndEqualToTheLibrarys()
    {
        var (_, json, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30,2025-08-01", "--format", "json");

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(
            ["portfolio", "outcomes", "model", "asOf", "horizonDays", "observedThrough", "samples", "churned", "stayed", "censored", "inactive", "auc", "aucStandardError", "bands", "deciles", "fit"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("backtest-portfolio.json", "backtest-outcomes.csv", 180), (root.GetProperty("portfolio").GetString(), root.GetProperty("outcomes").GetString(), Int(root, "horizonDays")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("model").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("observedThrough").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fit").ValueKind);
        Assert.Equal(["band", "samples", "churned", "churnRate"], root.GetProperty("bands")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["decile", "samples", "minScore", "maxScore", "meanScore", "churned", "churnRate"], root.GetProperty("deciles")[0].EnumerateObject().Select(p => p.Name));

        var expected = Library(new HealthScorer(), "2025-06-30", "2025-08-01");
        Assert.Equal(expected.Auc, root.GetProperty("auc").GetDouble());
        Assert.Equal(expected.AucStandardError, root.GetProperty("aucStandardError").GetDouble());
        Assert.Equal(expected.Calibration.Select(c => (c.Decile, c.Count, c.MeanScore, c.Churned)), root.GetProperty("deciles").EnumerateArray().Select(d => (Int(d, "decile"), Int(d, "samples"), d.GetProperty("meanScore").GetDouble(), Int(d, "churned"))));
    }

    [Fact]
    public void Backtest_Table_ShowsTheSummaryBandsAndDeciles()
    {
        var (exit, output, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30");

        Assert.Equal(0, exit);
        Assert.Contains("4 samples: 2 churned within 180 days, 2 stayed; 0 censored, 0 inactive", output, StringComparison.Ordinal);
        Assert.Contains("AUC 0.750 ± 0.354", output, StringComparison.Ordinal);
        Assert.Contains("Churn per band", output, StringComparison.Ordinal);
        Assert.Contains("InsufficientEvidence │       0 │       0 │          — │", output, StringComparison.Ordinal);
        Assert.Contains("AtRisk               │       3 │       2 │     66.7 % │", output, StringComparison.Ordinal);
        Assert.Contains("Watch                │       1 │       0 │      0.0 % │", output, StringComparison.Ordinal);
        Assert.Contains("Churn per score decile", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fitted", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ShorterHorizon_CountsALaterChurnAsStayed()
    {
        // Within 30 days only C churns (20 days after); D's churn, 63 days after, is outside. C scores lowest: AUC 1,
        // and with one churner DeLong's error is undefined.
        var (exit, json, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--horizon", "30", "--format", "json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal((30, 1, 3), (Int(root, "horizonDays"), Int(root, "churned"), Int(root, "stayed")));
        Assert.Equal(1.0, root.GetProperty("auc").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("aucStandardError").ValueKind);
        Assert.Contains("standard error undefined", Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--horizon", "30").Output, StringComparison.Ordinal);
    }

    /// <summary>The table wrote a horizon of 36,500 days as "36500-day horizon" and "within 36500 days", where the option's help and errors group the digits.</summary>
    [Fact]
    public void Backtest_ALongHorizon_IsWrittenWithItsDigitsGrouped()
    {
        var (exit, table, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--horizon", "36500");

        Assert.Equal(0, exit);
        Assert.Contains("36,500-day horizon", table, StringComparison.Ordinal);
        Assert.Contains("churned within 36,500 days", table, StringComparison.Ordinal);
        Assert.DoesNotContain("36500", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ObservedThrough_CensorsEveryUnobservedHorizonAndLeavesTheAucUndefined()
    {
        // 2025-06-30 + 180 days is 2025-12-27, after 2025-10-31: no partner's horizon is observed to its end, so all
        // four are censored — A and B, still active, might yet churn, and C and D, though they churned before it, would
        // otherwise be the only samples (100 % churn, chosen by their outcome). No sample is left: the AUC is undefined (null), not 0 or NaN.
        var (exit, json, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--observed-through", "2025-10-31", "--format", "json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("2025-10-31", root.GetProperty("observedThrough").GetString());
        Assert.Equal((0, 0, 4), (Int(root, "samples"), Int(root, "churned"), Int(root, "censored")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("auc").ValueKind);
        Assert.Contains("AUC undefined", Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--observed-through", "2025-10-31").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_Model_ScoresWithIt()
    {
        using var files = new TestFiles();
        var model = files.Write("trust.json", """{ "dimensionWeights": { "trust": 1, "competency": 0, "cooperation": 0, "planAlignment": 0, "trackedProgress": 0 } }""");

        var (exit, json, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--model", model, "--format", "json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("trust.json", root.GetProperty("model").GetString());
        var trustOnly = Library(new HealthScorer(PartnerMetricsJson.Deserialize<HealthModel>(File.ReadAllText(model))), "2025-06-30");
        var scores = root.GetProperty("deciles").EnumerateArray().Select(d => d.GetProperty("meanScore").GetDouble()).ToList();
        Assert.Equal(trustOnly.Samples.Select(s => s.Score).Order(), scores);
        Assert.NotEqual(Library(new HealthScorer(), "2025-06-30").Samples.Select(s => s.Score).Order(), scores);
    }

    [Theory]
    [InlineData("2025-08-01,2025-06-30")]
    [InlineData("2025-06-30, 2025-08-01")]
    [InlineData("2025-08-01", "2025-06-30")]
    public void Backtest_AsOf_TakesCommaSeparatedOrRepeatedDays(params string[] days)
    {
        string[] args = ["backtest", Portfolio, "--outcomes", Outcomes, "--format", "json", .. days.SelectMany(d => new[] { "--as-of", d })];

        var (exit, json, error) = Run(args);

        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["2025-06-30", "2025-08-01"], root.GetProperty("asOf").EnumerateArray().Select(d => d.GetString()));

        // On 2025-06-30 all four are scored; on 2025-08-01 C has churned (2025-07-20) and is inactive.
        Assert.Equal((7, 1), (Int(root, "samples"), Int(root, "inactive")));
    }

    [Theory]
    [InlineData("2025-06-30,31/07/2025", "'31/07/2025' is not a day in the form yyyy-MM-dd")]
    [InlineData("2025-06-30,,2025-08-01", "has an empty day")]
    [InlineData("2025-06-30,2025-06-30", "2025-06-30 is given twice")]
    [InlineData("2025-02-30", "'2025-02-30' is not a day")]
    public void Backtest_BadAsOf_IsAUsageErrorNamingTheDay(string asOf, string expected)
    {
        var (exit, _, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", asOf);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--horizon", "0", "--horizon must be a number of days from 1 to 36,500")]
    [InlineData("--horizon", "36501", "--horizon must be a number of days from 1 to 36,500; got '36501'.")]
    [InlineData("--horizon", "abc", "--horizon must be a number of days from 1 to 36,500; got 'abc'.")]
    [InlineData("--horizon", "1.5", "--horizon must be a number of days from 1 to 36,500; got '1.5'.")]
    [InlineData("--horizon", "99999999999", "--horizon must be a number of days from 1 to 36,500; got '99999999999'.")]
    [InlineData("--observed-through", "2025/10/31", "--observed-through: '2025/10/31' is not a day in the form yyyy-MM-dd")]
    [InlineData("--format", "html", "'html'")]
    [InlineData("--out", "model.json", "--out needs --fit")]
    [InlineData("--folds", "3", "--folds needs --fit")]
    [InlineData("--seed", "1", "--seed needs --fit")]
    [InlineData("--weights", "factors", "--weights needs --fit")]
    [InlineData("--objective", "loglik", "--objective needs --fit")]
    [InlineData("--calibration", "isotonic", "--calibration needs --fit")]
    public void Backtest_BadOrFitOnlyOption_IsAUsageError(string option, string value, string expected)
    {
        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Backtest of", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--folds", "1", "--folds must be a number of folds from 2 to 100; got '1'.")]
    [InlineData("--folds", "101", "--folds must be a number of folds from 2 to 100; got '101'.")]
    [InlineData("--folds", "abc", "--folds must be a number of folds from 2 to 100; got 'abc'.")]
    [InlineData("--objective", "brier", "'brier'")]
    [InlineData("--calibration", "beta", "'beta'")]
    [InlineData("--weights", "x", "'x'")]
    public void BacktestFit_BadFitOption_IsAUsageError(string option, string value, string expected)
    {
        var (exit, _, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--fit", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>An option that takes one value, given twice, is the parser's usage error; the command's own checks never read its value.</summary>
    [Theory]
    [InlineData("--outcomes")]
    [InlineData("--horizon", "--fit")]
    [InlineData("--observed-through")]
    [InlineData("--model")]
    [InlineData("--format", "--fit")]
    [InlineData("--out", "--fit")]
    [InlineData("--folds", "--fit")]
    public void Backtest_AnOptionGivenTwice_IsAUsageErrorNamingIt(string option, string? fit = null)
    {
        string value = option switch
        {
            "--outcomes" => Outcomes,
            "--horizon" => "90",
            "--observed-through" => "2025-12-31",
            "--model" => "model.json",
            "--format" => "json",
            "--out" => "model.json",
            _ => "3",
        };
        string[] outcomes = option == "--outcomes" ? [] : ["--outcomes", Outcomes];
        string[] args = ["backtest", Portfolio, .. outcomes, "--as-of", "2025-06-30", option, value, option, value, .. fit is null ? Array.Empty<string>() : [fit]];

        var (exit, output, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"Option '{option}' expects a single argument but 2 were provided.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Backtest of", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--outcomes")]
    [InlineData("--as-of")]
    public void Backtest_WithoutARequiredOption_IsAUsageError(string option)
    {
        string[] args = option == "--outcomes" ? ["backtest", Portfolio, "--as-of", "2025-06-30"] : ["backtest", Portfolio, "--outcomes", Outcomes];

        var (exit, _, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    /// <summary>A row of one field read "the row has 1 fields".</summary>
    [Fact]
    public void Backtest_AnOutcomeRowOfOneField_IsCountedInTheSingular()
    {
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", "Partner ID,Churned On,Name\nP-A,,Always Kept\nP-B\n");

        var (exit, _, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("line 3: the row has 1 field where the header has 3;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_BadOutcomeRows_AreAllReportedWithLineColumnAndValue()
    {
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", string.Join('\n',
            "Partner ID,Churned On,Name",
            "P-A,,Always Kept",
            ",2025-07-01,nobody",
            "P-B,2025/07/01,Half Kept",
            "P-A,,again",
            "P-C,2025-07-20",
            "",
            "P-D,2025-09-01,Mostly Kept,extra",
            "P-E,2025-12-31,late",
            "P-F,tomorrow,",
            "\"P-G\nsplit\",,quoted",
            "P-A,2025-07-01,third"));

        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30", "--observed-through", "2025-10-31");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        string[] expected =
        [
            "outcomes.csv: 8 problems in 8 records; nothing was computed.",
            "  by column: \"Churned On\" 3; \"Partner ID\" 3.",
            "  line 3, column \"Partner ID\": a value is required.",
            "  line 4, column \"Churned On\", value \"2025/07/01\": not a day in the form yyyy-MM-dd; leave it empty for a partner still active.",
            "  line 5, column \"Partner ID\", value \"P-A\": the same partner id is on line 2; a file has one row per partner.",
            "  line 6: the row has 2 fields where the header has 3; is a value with a comma or a quote not quoted?",
            "  line 8: the row has 4 fields where the header has 3; is a value with a comma or a quote not quoted?",
            "  line 9, column \"Churned On\", value \"2025-12-31\": after --observed-through 2025-10-31, the last day outcomes are known.",
            "  line 10, column \"Churned On\", value \"tomorrow\": not a day in the form yyyy-MM-dd; leave it empty for a partner still active.",
            "  line 13, column \"Partner ID\", value \"P-A\": the same partner id is on line 2; a file has one row per partner.",
        ];
        Assert.Equal(expected, error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("partner,churnedOn\nP-A,\n", "required column \"partnerId\" is missing")]
    [InlineData("partnerId;churnedOn\nP-A;\n", "required column \"partnerId\" is missing; required column \"churnedOn\" is missing")]
    [InlineData("partnerId,PARTNER_ID,churnedOn\nP-A,P-A,\n", "columns \"partnerId\" and \"PARTNER_ID\" are the same column")]
    [InlineData("", "the file is empty")]
    [InlineData("partnerId,churnedOn\n\"P-A,\n", "line 2: the CSV is broken from here on")]
    public void Backtest_BadOutcomesFile_ExitsTwoSayingWhy(string content, string expected)
    {
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", content);

        var (exit, _, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.StartsWith("outcomes.csv: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_PartnershipWithoutAnOutcome_ExitsTwoNamingEveryOne()
    {
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", "partnerId,churnedOn\nP-A,\nP-C,2025-07-20\nP-Z,2025-07-01\n");

        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Contains("outcomes.csv: no outcome for 2 partnerships of backtest-portfolio.json: 'P-B', 'P-D'.", error, StringComparison.Ordinal);

        // An outcome of a partner the portfolio does not have (P-Z) is ignored, as the library does.
        Assert.DoesNotContain("P-Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_AnOutcomeRowWhoseIdDiffersInCase_IsNamedBesideThePartnershipWithoutAnOutcome()
    {
        // Ids are compared exactly, as CRM keys are: the row p-b is not P-B's. The error still stops the run, and names
        // the row, so that the id is corrected rather than a second row added for a partner the file seems to have.
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", "partnerId,churnedOn\nP-A,\np-b,\nP-C,2025-07-20\nP-D,2025-09-01\n");

        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Contains("no outcome for 1 partnership of backtest-portfolio.json: 'P-B' (line 3 has 'p-b', which differs in case: partner ids are compared exactly).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_APortfolioIdWithWhiteSpaceAtAnEnd_IsSaidToNeedCorrectingInThePortfolio()
    {
        // The portfolio's id "P-A " keeps its space (JSON strings are read as written); the outcomes file's values are
        // trimmed, so no row can match it, whether written P-A or "P-A ". The error says where the id must change.
        using var files = new TestFiles();
        var portfolio = files.Write("portfolio.json", File.ReadAllText(Portfolio).Replace("\"P-A\"", "\"P-A \"", StringComparison.Ordinal));
        var outcomes = files.Write("outcomes.csv", "partnerId,churnedOn\n\"P-A \",\nP-B,\nP-C,2025-07-20\nP-D,2025-09-01\n");

        var (exit, output, error) = Run("backtest", portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Contains("no outcome for 1 partnership of portfolio.json: 'P-A ' (line 2 has 'P-A', which differs in white space at either end: the outcomes file's values are trimmed, so correct the id in the portfolio).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_AChurnBeforeThePartnershipStarted_IsAProblemOfItsRow()
    {
        // P-C's partnership started on 2024-01-01; a churn a month before it cannot be this partnership's, and taken as it
        // is, P-C would be inactive on every day. The row is named as every bad row is, and nothing is computed.
        using var files = new TestFiles();
        var outcomes = files.Write("outcomes.csv", "partnerId,churnedOn\nP-A,\nP-B,\nP-C,2023-12-01\nP-D,2025-09-01\n");

        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", outcomes, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.Contains("outcomes.csv: 1 problem in 1 record; nothing was computed.", error, StringComparison.Ordinal);
        Assert.Contains("line 4, column \"churnedOn\", value \"2023-12-01\": before P-C's partnership started on 2024-01-01 (backtest-portfolio.json); it would never be scored.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_MissingFiles_ExitThree()
    {
        using var files = new TestFiles();

        Assert.Equal(ExitCodes.InputUnreadable, Run("backtest", Portfolio, "--outcomes", files.PathOf("none.csv"), "--as-of", "2025-06-30").Exit);
        Assert.Equal(ExitCodes.InputUnreadable, Run("backtest", files.PathOf("none.json"), "--outcomes", Outcomes, "--as-of", "2025-06-30").Exit);
        Assert.Equal(ExitCodes.InputUnreadable, Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--model", files.PathOf("none.json")).Exit);
    }

    /// <summary>The library's own backtest of the fixtures, read with the library's JSON reader.</summary>
    private static BacktestResult Library(HealthScorer scorer, params string[] asOf)
    {
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(File.ReadAllText(Portfolio));
        ChurnOutcome[] outcomes =
        [
            ChurnOutcome.Active(new PartnerId("P-A")),
            ChurnOutcome.Active(new PartnerId("P-B")),
            ChurnOutcome.Churned(new PartnerId("P-C"), new DateOnly(2025, 7, 20)),
            ChurnOutcome.Churned(new PartnerId("P-D"), new DateOnly(2025, 9, 1)),
        ];
        return Backtest.Run(scorer, portfolio.Partnerships, asOf.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)), outcomes);
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    /// <summary>The portfolio or the outcomes may be <c>-</c>, standard input, as for <c>score</c>; both at once is a usage error.</summary>
    [Fact]
    public void StandardInput_GivesThePortfolioOrTheOutcomes_NotBoth()
    {
        var expected = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--format", "json");

        var portfolioIn = RunWithInput(File.ReadAllText(Portfolio), "backtest", "-", "--outcomes", Outcomes, "--as-of", "2025-06-30", "--format", "json");
        var outcomesIn = RunWithInput(File.ReadAllText(Outcomes), "backtest", Portfolio, "--outcomes", "-", "--as-of", "2025-06-30", "--format", "json");

        // The same report, naming the input as every command's messages and reports do: "(standard input)" (it read "-").
        Assert.Equal(expected, portfolioIn with { Output = portfolioIn.Output.Replace("\"portfolio\": \"(standard input)\"", "\"portfolio\": \"backtest-portfolio.json\"", StringComparison.Ordinal) });
        Assert.Equal(expected, outcomesIn with { Output = outcomesIn.Output.Replace("\"outcomes\": \"(standard input)\"", "\"outcomes\": \"backtest-outcomes.csv\"", StringComparison.Ordinal) });
        var (exit, _, error) = RunWithInput(string.Empty, "backtest", "-", "--outcomes", "-", "--as-of", "2025-06-30");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Standard input can be read once: give the portfolio or the outcomes as a file.", error, StringComparison.Ordinal);
    }
}
