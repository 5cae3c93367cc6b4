using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// Issue 18's rows about output: huge names, escape sequences, characters XML forbids, a failing output
/// (docs/reliability.md, "Hostile output").
/// </summary>
public sealed class HostileOutputTests
{
    private const string Escapes = "\u001b]0;pwned\u0007\u001b[2J\u009b31m";

    private const string DealsHeader = "Opportunity ID,Account ID,Partner ID,Territory,Type,Deal Source,Route to Market,Outcome,Amount,Created Date,Close Date";

    /// <summary>A deals CSV of one lost deal whose amount cell is <paramref name="amount"/>, which pipeline refuses, quoting it.</summary>
    private static string LostDealWithAmount(TestFiles files, string amount) =>
        files.Write("bad.csv", $"{DealsHeader}\nO-2,A-2,P-1,South,Renewal,Direct,Direct,Lost,{amount},2025-02-10,2025-04-01\n");

    /// <summary>The fixture portfolio with its first partner renamed (and given a district), as JSON.</summary>
    private static string Portfolio(string name, string? district = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(TestFiles.Fixture("backtest-portfolio.json")))!;
        var partner = document["partnerships"]![0]!["partner"]!;
        partner["name"] = name;
        if (district is not null)
        {
            partner["district"] = district;
        }

        return document.ToJsonString();
    }

    [Fact]
    public void ScoreTable_WithAMillionCharacterNameAndDistrict_CutsThemAndStaysSmall()
    {
        // Row 1: the top-partners and hunting-farming tables printed the whole name and district, which
        // Spectre.Console wrapped over thousands of lines (28 MB of output for a 1 MB name, 86 s for 20 MB).
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", Portfolio(new string('N', 1_000_000), new string('D', 1_000_000)));

        var (exit, output, _) = Cli.Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(output.Length < 20_000, $"{output.Length:N0} characters of output");
        // The partner column takes the room the other columns leave in 120, at least 22 characters.
        Assert.Matches(@"P-A N{17,}… │", output);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"{line.Length} columns"));
        Assert.Contains("DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD…", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("html")]
    public void Score_WithANameAtTheLimitOfTenMillionCharacters_WritesIt(string format)
    {
        // Row 10: every format writes the longest name the model accepts (Ensure.MaxTextLength), the JSON and the
        // HTML in full, streamed rather than built in one string.
        using var files = new TestFiles();
        var name = new string('<', 10_000_000);
        var path = files.Write("portfolio.json", Portfolio(name));

        var (exit, output, error) = Cli.Run("score", path, "--as-of", "2025-06-30", "--format", format);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(string.Empty, error);
        if (format == "json")
        {
            Assert.Contains(JsonDocument.Parse(output).RootElement.GetProperty("partners").EnumerateArray(), p => p.GetProperty("name").GetString() == name);
        }
        else if (format == "html")
        {
            Assert.Contains(string.Concat(Enumerable.Repeat("&lt;", 1000)), output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_WithANameOverTheLimit_ExitsTwoNamingTheFieldAndTheLimit()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", Portfolio(new string('x', 10_000_001)));

        var (exit, output, error) = Cli.Run("score", path, "--as-of", "2025-06-30", "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$.partnerships[0].partner.name", error, StringComparison.Ordinal);
        Assert.Contains("at most 10,000,000", error, StringComparison.Ordinal);
        Assert.True(error.Length < 2_000, "the message must not quote the name");
    }

    [Fact]
    public void WriteFile_WhenWritingFailsPartWay_LeavesTheFileAsItWasAndNoTemporaryFile()
    {
        // Row 10: the file was opened (truncated) first, so a failure left it empty.
        using var files = new TestFiles();
        var path = files.Write("report.json", "the previous report");
        using var error = new StringWriter();

        var written = CommandOutput.WriteFile(new FileInfo(path), error, writer =>
        {
            writer.Write(new string('x', 100_000));
            throw new IOException("No space left on device");
        });

        Assert.False(written);
        Assert.Equal("the previous report", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Contains("No space left on device", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_ReplacesAnExistingFileWhole()
    {
        using var files = new TestFiles();
        var path = files.Write("report.txt", new string('x', 1_000_000));

        var (exit, _, _) = Cli.Run("demo", "--out", path);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(Cli.Run("demo").Output, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Out_ThroughASymbolicLink_WritesItsTargetAndKeepsTheLink()
    {
        // The report replaced the link with a regular file and left its target as it was.
        using var files = new TestFiles();
        var real = files.Write("real.txt", "old");
        var link = files.PathOf("link.txt");
        File.CreateSymbolicLink(link, real);

        var (exit, _, error) = Cli.Run("demo", "--out", link);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(Cli.Run("demo").Output, File.ReadAllText(real));
    }

    [Fact]
    public void Out_OverAnExistingFile_KeepsItsPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; a Windows file's access rules are not replaced by a move either.
        }

        // A private report (600) came back readable by everyone (644).
        using var files = new TestFiles();
        var path = files.Write("private.txt", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exit, _, error) = Cli.Run("demo", "--out", path);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(Cli.Run("demo").Output, File.ReadAllText(path));
    }

    [Fact]
    public async Task Out_ANamedPipe_IsWrittenIntoNotReplaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes are not files on Windows.
        }

        // The report replaced the pipe with a regular file, said "Wrote", and its reader got nothing.
        using var files = new TestFiles();
        var fifo = files.Fifo("report.fifo");

        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (exit, _, error) = Cli.Run("demo", "--out", fifo);
        var read = await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(Cli.Run("demo").Output, read);
        Assert.Equal([fifo], Directory.GetFiles(Path.GetDirectoryName(fifo)!));
    }

    /// <summary>
    /// Ctrl-C while the output was written left the partial temporary file behind (the signal ended the process before the
    /// write's clean-up ran). The tool runs as a process of its own, writing into a named pipe no one reads: its temporary
    /// file, where temporary files go, is complete, and the tool waits to open the pipe, when it is sent SIGINT.
    /// </summary>
    [Fact]
    public void Out_InterruptedWhileWriting_LeavesNoTemporaryFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes are not files, and SIGINT is not sent to a process, on Windows.
        }

        using var files = new TestFiles();
        var fifo = files.Fifo("report.fifo");
        var temporary = Directory.CreateDirectory(files.PathOf("tmp")).FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "PartnerMetrics.Cli.dll"), "demo", "--out", fifo },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TMPDIR"] = temporary },
        };
        using var tool = Process.Start(start)!;
        try
        {
            // The runtime keeps its diagnostic pipes where temporary files go too: only the tool's own file is counted.
            string[] Written() => Directory.GetFiles(temporary, ".partnermetrics-*.tmp");
            var waited = Stopwatch.StartNew();
            while (Written().Length == 0 && !tool.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
            }

            Assert.False(tool.HasExited, "The tool ended before it wrote its temporary file.");
            Assert.Single(Written());
            using (var kill = Process.Start("kill", ["-INT", tool.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(30)), "The tool did not end on SIGINT.");
            Assert.Empty(Written());
        }
        finally
        {
            if (!tool.HasExited)
            {
                tool.Kill();
            }
        }
    }

    [Fact]
    public void Out_AnEmptyExistingFile_IsWrittenAndNoTemporaryFileIsLeft()
    {
        // An empty file may be a device or a pipe, so its text is copied into it rather than moved over it.
        using var files = new TestFiles();
        var path = files.Write("empty.txt", string.Empty);

        var (exit, _, error) = Cli.Run("demo", "--out", path);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(Cli.Run("demo").Output, File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Out_AFileNameNearTheSystemsLimit_IsWritten()
    {
        // The temporary file's name was the target's plus 38 characters: a valid 244-character name exited 4, "too long".
        using var files = new TestFiles();
        var path = files.PathOf(new string('r', 240) + ".txt");

        var (exit, _, error) = Cli.Run("demo", "--out", path);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(Cli.Run("demo").Output, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("html")]
    public void Score_AStandardOutputThatFails_ExitsFourWithTheReason(string format)
    {
        // Row 16: a full disk behind the standard output was an IOException and exit 1.
        using var output = new FailingWriter();
        using var error = new StringWriter();

        var exit = Program.Run(["demo", "--format", format], output, error);

        Assert.Equal(ExitCodes.OutputUnwritable, exit);
        Assert.Contains("Cannot write the standard output: No space left on device", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("html")]
    public void Score_AClosedStandardOutput_ExitsFourWithTheReason(string format)
    {
        // `demo >&-`: the runtime throws "access denied" around "Bad file descriptor", which ended in a stack trace and exit 1.
        using var output = new FailingWriter(() => new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor")));
        using var error = new StringWriter();

        var exit = Program.Run(["demo", "--format", format], output, error);

        Assert.Equal(ExitCodes.OutputUnwritable, exit);
        Assert.Equal("Cannot write the standard output: Bad file descriptor", error.ToString().Trim());
    }

    [Fact]
    public void ScoreTable_NamesWithEscapeSequences_PrintNoControlCharacter()
    {
        // Row 12: Markup.Escape keeps control characters, so a name could clear the screen or set the title.
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", Portfolio($"A{Escapes}", $"North{Escapes}"));

        var (exit, output, error) = Cli.Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.DoesNotContain(output + error, c => char.IsControl(c) && c is not ('\n' or '\r'));
        Assert.Contains("A\uFFFD]0;pwned", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreTableAndPipeline_BidirectionalOverrides_AreReplaced()
    {
        // A right-to-left override (U+202E) in a name reverses the rest of its line in a terminal that lays out right-to-left
        // text, so the row's figures would read backwards; an isolate (U+2067) does the like. Each is replaced, in the
        // table's cells and in a message that quotes the value.
        const string Bidi = "\u202Eevil\u2067x";
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", Portfolio($"A{Bidi}", $"North{Bidi}"));
        var bad = LostDealWithAmount(files, $"5{Bidi}");

        var (exit, output, error) = Cli.Run("score", path, "--as-of", "2025-06-30");
        var (_, _, failed) = Cli.Run("pipeline", bad, "--by", "district");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("A\uFFFDevil\uFFFDx", output, StringComparison.Ordinal);
        Assert.Contains("5\uFFFDevil\uFFFDx", failed, StringComparison.Ordinal);
        Assert.DoesNotContain(output + error + failed, c => c is '\u202E' or '\u2067');
    }

    [Fact]
    public void Pipeline_ValuesWithEscapeSequences_PrintNoControlCharacterInTheTableOrTheErrors()
    {
        using var files = new TestFiles();
        var good = files.Write("good.csv", $"{DealsHeader}\nO-1,A-1,P-1,North{Escapes},New Logo,Partner Sourced,Partner,Won,1000,2025-01-10,2025-03-01\n");
        var bad = LostDealWithAmount(files, $"5{Escapes}");

        var (exit, output, error) = Cli.Run("pipeline", good, "--by", "district");
        var (_, _, failed) = Cli.Run("pipeline", bad, "--by", "district");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("North\uFFFD]0;pwned", output, StringComparison.Ordinal);
        Assert.Contains("5\uFFFD]0;pwned", failed, StringComparison.Ordinal);
        Assert.DoesNotContain(output + error + failed, c => char.IsControl(c) && c is not ('\n' or '\r'));
    }

    [Fact]
    public void ScoreHtml_NamesWithCharactersXmlForbids_IsWellFormedWithReplacementCharacters()
    {
        // Row 13: NUL and other control characters were written raw, so the page was not well-formed XML.
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", Portfolio("A\u0000B\u001bC\u0008D\uFFFEE\uD83D\uDE80F", "North\u0001"));

        var (exit, output, _) = Cli.Run("score", path, "--as-of", "2025-06-30", "--format", "html");

        Assert.Equal(ExitCodes.Success, exit);
        using var reader = XmlReader.Create(new StringReader(output), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var page = XDocument.Load(reader);
        Assert.Contains(page.Descendants().Select(e => e.Value), v => v.Contains("A\uFFFDB\uFFFDC\uFFFDD\uFFFDE\uD83D\uDE80F", StringComparison.Ordinal));
        Assert.DoesNotContain('\0', output);
    }

    [Theory]
    [InlineData("0001-06-01")]
    [InlineData("0001-01-01")]
    public void DemoHtml_AsOfInTheFirstYear_StartsTheHistoryOnTheFirstDay(string asOf)
    {
        // Row 2: the history started a year before the as-of day, before the calendar: ArgumentOutOfRangeException.
        var (exit, output, error) = Cli.Run("demo", "--format", "html", "--as-of", asOf);

        Assert.Equal((ExitCodes.Success, string.Empty), (exit, error));
        Assert.Contains("</html>", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// An output that is also an input replaced the export, the portfolio, the model or the outcomes it was made from (the
    /// input is read whole first); each is a usage error now, before anything is read, and the input is kept.
    /// </summary>
    [Theory]
    [InlineData("pipeline {in} --out {in}", "--out {in} is also the opportunities file")]
    [InlineData("pipeline {in} --profile partnermetrics --skip-invalid {in}", "--skip-invalid {in} is also the opportunities file")]
    [InlineData("score {portfolio} --format json --out {portfolio}", "--out {portfolio} is also the portfolio")]
    [InlineData("demo --model {model} --out {model}", "--out {model} is also the --model file")]
    [InlineData("import --partners {accounts} --out {accounts}", "--out {accounts} is also the --partners export")]
    [InlineData("score --partners {accounts} --skip-invalid {accounts}", "--skip-invalid {accounts} is also the --partners export")]
    [InlineData("backtest {portfolio} --outcomes {outcomes} --as-of 2025-06-30 --fit --out {outcomes}", "--out {outcomes} is also the --outcomes file")]
    [InlineData("pipeline {in} --profile {profile} --out {profile}", "--out {profile} is also the --profile file")]
    [InlineData("pipeline {in} --profile {profile} --lookup district={offices} --out {offices}", "--out {offices} is also the --lookup file of district")]
    [InlineData("import --partners {accounts} --profile {evidence} --out {evidence}", "--out {evidence} is also the --profile file")]
    public void AnOutputThatIsAlsoAnInput_IsAUsageErrorAndTheInputIsKept(string commandLine, string expected)
    {
        using var files = new TestFiles();
        var paths = new Dictionary<string, string>
        {
            ["{in}"] = files.Write("opportunities.csv", File.ReadAllText(TestFiles.Fixture("opportunities.csv"))),
            ["{portfolio}"] = files.Write("portfolio.json", File.ReadAllText(TestFiles.Fixture("backtest-portfolio.json"))),
            ["{outcomes}"] = files.Write("outcomes.csv", File.ReadAllText(TestFiles.Fixture("backtest-outcomes.csv"))),
            ["{model}"] = files.Write("model.json", "{}"),
            ["{accounts}"] = files.Write("partners.csv", "id,name,type\nP-1,Alpha,Reseller\n"),
            ["{profile}"] = files.Write("profile.json", """{ "name": "agents", "columns": { "id": ["opportunity_id"], "accountId": ["account"], "createdOn": ["engage_date"], "stage": ["deal_stage"] }, "lookups": [ { "field": "district", "keyColumn": "sales_agent", "valueColumn": "regional_office" } ] }"""),
            ["{offices}"] = files.Write("offices.csv", "sales_agent,regional_office\nAnna,West\n"),
            ["{evidence}"] = files.Write("evidence.json", """{ "name": "mine" }"""),
        };
        var before = paths.Values.ToDictionary(p => p, File.ReadAllText);
        string Fill(string text) => paths.Aggregate(text, (filled, path) => filled.Replace(path.Key, path.Value, StringComparison.Ordinal));

        var (exit, output, error) = Cli.Run(Fill(commandLine).Split(' '));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(Fill(expected) + ": writing it would replace what is read. Write the output to another file.", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.All(before, input => Assert.Equal(input.Value, File.ReadAllText(input.Key)));
    }

    /// <summary>The rejects of --skip-invalid and the --out report on one file: the report replaced the rejects, which were lost without a word.</summary>
    [Theory]
    [InlineData("pipeline", "{opportunities}", "--profile", "partnermetrics")]
    [InlineData("import", "--partners", "{accounts}")]
    public void SkipInvalidAndOutOnOneFile_IsAUsageError(params string[] command)
    {
        using var files = new TestFiles();
        var accounts = files.Write("partners.csv", "id,name,type\nP-1,Alpha,Reseller\n");
        var both = files.PathOf("both.csv");
        string[] args = [.. command.Select(a => a.Replace("{opportunities}", TestFiles.Fixture("opportunities.csv"), StringComparison.Ordinal).Replace("{accounts}", accounts, StringComparison.Ordinal)), "--skip-invalid", both, "--out", both];

        var (exit, _, error) = Cli.Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--out and --skip-invalid both name {both}: the second file written would replace the first. Give each its own file.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(both));

        // A device is written into, not replaced: both may go to /dev/null.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(ExitCodes.Success, Cli.Run([.. args[..^4], "--skip-invalid", "/dev/null", "--out", "/dev/null"]).Exit);
        }
    }

    /// <summary>A standard output that fails: on a full disk, or closed (<paramref name="failure"/>).</summary>
    private sealed class FailingWriter(Func<Exception>? failure = null) : StringWriter
    {
        public override void Write(char value) => throw Failure();

        public override void Write(string? value) => throw Failure();

        public override void Write(char[] buffer, int index, int count) => throw Failure();

        public override void Write(ReadOnlySpan<char> buffer) => throw Failure();

        public override void WriteLine(string? value) => throw Failure();

        public override void WriteLine(ReadOnlySpan<char> buffer) => throw Failure();

        private Exception Failure() => failure?.Invoke() ?? new IOException("No space left on device");
    }
}
