#:project ../src/PartnerMetrics.Import/PartnerMetrics.Import.csproj
#:property GenerateDocumentationFile=true
#:property NoWarn=CS1591
// Runs the same commands with two builds of the tool and compares what each wrote, byte for byte: the standard output,
// the standard error, the exit code and every file it wrote. CI compares the portable tool (run by the .NET runtime) with
// the package of its own platform (native code), so that a command that works in one and not in the other, or gives
// other figures, fails the run.
// Run: dotnet run .ci/compare-tools.cs -- "<first tool command>" "<second tool command>"
using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run .ci/compare-tools.cs -- \"<first tool command>\" \"<second tool command>\"");
    return 2;
}

var root = AppContext.GetData("EntryPointFileDirectoryPath") is string script ? Path.GetFullPath(Path.Combine(script, "..")) : Directory.GetCurrentDirectory();
string Repo(string path) => Path.Combine(root, path);
var cli = Repo("tests/PartnerMetrics.Cli.Tests/Fixtures");
var import = Repo("tests/PartnerMetrics.Import.Tests/Fixtures");
var samples = Repo("docs/samples/salesforce");

// Each case: a name and the arguments; "{out}" is a file in the case's own folder, where the tool runs, and "{dir}" that
// folder, both as relative paths; "{inputs}" is the folder of the inputs the cases share, written once (WriteInputs).
(string Name, string[] Args)[] cases =
[
    ("demo", ["demo"]),
    ("demo json", ["demo", "--format", "json", "--out", "{out}.json"]),
    ("demo html", ["demo", "--format", "html", "--out", "{out}.html"]),
    ("import salesforce", ["import", "--profile", "salesforce", "--folder", samples, "--out", "{out}.json"]),
    ("score salesforce exports", ["score", "--profile", "salesforce", "--folder", samples, "--as-of", "2025-06-30", "--format", "json", "--out", "{out}.json"]),
    ("score html", ["score", $"{cli}/backtest-portfolio.json", "--as-of", "2025-06-30", "--format", "html", "--out", "{out}.html"]),
    ("score table", ["score", $"{cli}/backtest-portfolio.json", "--as-of", "2025-06-30"]),
    ("score with a model file", ["score", $"{cli}/backtest-portfolio.json", "--as-of", "2025-06-30", "--model", "{inputs}/model.json", "--format", "json"]),
    ("bad model file", ["score", $"{cli}/backtest-portfolio.json", "--model", "{inputs}/bad-model.json"]),
    ("pipeline csv", ["pipeline", $"{cli}/opportunities.csv", "--by", "district,quarter"]),
    ("pipeline json", ["pipeline", $"{cli}/opportunities.json", "--by", "motion,partner", "--format", "json", "--out", "{out}.json"]),
    ("pipeline salesforce", ["pipeline", $"{import}/salesforce-opportunities.csv", "--profile", "salesforce", "--by", "district"]),
    ("pipeline hubspot", ["pipeline", $"{import}/hubspot-deals.csv", "--profile", "hubspot", "--format", "json"]),
    ("pipeline dynamics", ["pipeline", $"{import}/dynamics-opportunities.csv", "--profile", "dynamics", "--by", "motion"]),
    ("pipeline excel", ["pipeline", "{inputs}/opportunities.xlsx", "--by", "district"]),
    ("pipeline html", ["pipeline", $"{cli}/opportunities.csv", "--by", "motion", "--format", "html", "--out", "{out}.html"]),
    ("backtest", ["backtest", $"{cli}/backtest-portfolio.json", "--outcomes", $"{cli}/backtest-outcomes.csv", "--as-of", "2025-06-30"]),
    ("backtest json", ["backtest", $"{cli}/backtest-portfolio.json", "--outcomes", $"{cli}/backtest-outcomes.csv", "--as-of", "2025-06-30", "--format", "json"]),
    ("backtest fit, too few outcomes", ["backtest", $"{cli}/backtest-portfolio.json", "--outcomes", $"{cli}/backtest-outcomes.csv", "--as-of", "2025-06-30", "--fit", "--out", "{out}.json"]),
    ("bad rows", ["pipeline", $"{cli}/bad-rows.csv", "--strict"]),
    ("bad items", ["score", $"{cli}/bad-items.json"]),
    ("missing column", ["pipeline", $"{cli}/missing-column.csv"]),
    ("no such file", ["score", "{dir}/missing.json"]),
    ("unknown option", ["demo", "--colour", "red"]),
    ("help", ["score", "--help"]),
];

var work = Directory.CreateTempSubdirectory("compare-tools-");
var differences = new List<string>();
try
{
    var inputs = Directory.CreateDirectory(Path.Combine(work.FullName, "inputs")).FullName;
    WriteInputs(inputs, Path.Combine(cli, "opportunities.csv"));
    foreach (var (name, caseArgs) in cases)
    {
        var outputs = new List<Dictionary<string, byte[]>>();
        foreach (var (tool, side) in new[] { (args[0], "first"), (args[1], "second") })
        {
            var folder = Directory.CreateDirectory(Path.Combine(work.FullName, side, name.Replace(' ', '-')));
            var argv = caseArgs.Select(a => a.Replace("{out}", "out").Replace("{dir}", ".").Replace("{inputs}", inputs)).ToArray();
            outputs.Add(Run(tool, argv, folder.FullName));
        }

        var (first, second) = (outputs[0], outputs[1]);
        var keys = first.Keys.Union(second.Keys).Order(StringComparer.Ordinal);
        var differing = keys.Where(k => !first.TryGetValue(k, out var a) || !second.TryGetValue(k, out var b) || !a.AsSpan().SequenceEqual(b)).ToList();
        var exit = System.Text.Encoding.UTF8.GetString(first["exit code"]);
        var message = exit == "0" ? "" : $": {Excerpt(first["standard error"]).Split(" | ")[0]}";
        Console.WriteLine($"{(differing.Count == 0 ? "same" : "DIFFERENT")}  {name} (exit {exit}{message}; compared {string.Join(", ", keys)})");
        foreach (var key in differing)
        {
            differences.Add($"{name}: {key}");
            Console.WriteLine($"  {key}, first:  {Excerpt(first.GetValueOrDefault(key))}");
            Console.WriteLine($"  {key}, second: {Excerpt(second.GetValueOrDefault(key))}");
        }
    }
}
finally
{
    // COMPARE_TOOLS_KEEP keeps the folders, to look into a difference.
    if (Environment.GetEnvironmentVariable("COMPARE_TOOLS_KEEP") is null)
    {
        work.Delete(recursive: true);
    }
}

if (differences.Count > 0)
{
    Console.Error.WriteLine($"The two tools differ in {differences.Count} output(s):");
    differences.ForEach(Console.Error.WriteLine);
    return 1;
}

Console.WriteLine($"the two tools wrote the same in all {cases.Length} cases");
return 0;

// Runs a tool's command line (its first word the program, any others its first arguments) in a folder; returns what it
// wrote, by name: the standard output and error, the exit code, and each file it left in the folder.
static Dictionary<string, byte[]> Run(string tool, string[] argv, string folder)
{
    // A word naming a file from where this runs is made absolute, for the tool runs in the case's folder.
    var words = tool.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => File.Exists(w) ? Path.GetFullPath(w) : w).ToArray();
    var start = new ProcessStartInfo(words[0]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var word in words.Skip(1).Concat(argv))
    {
        start.ArgumentList.Add(word);
    }

    using var process = Process.Start(start)!;
    var output = new MemoryStream();
    var error = new MemoryStream();
    var copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(output), process.StandardError.BaseStream.CopyToAsync(error));
    process.WaitForExit();
    copies.Wait();
    var written = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["standard output"] = WithoutFolder(output.ToArray(), folder),
        ["standard error"] = WithoutFolder(error.ToArray(), folder),
        ["exit code"] = System.Text.Encoding.UTF8.GetBytes(process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
    foreach (var file in Directory.GetFiles(folder))
    {
        written[Path.GetFileName(file)] = File.ReadAllBytes(file);
    }

    return written;
}

// A message names a file by its full path, which differs between the two tools' folders: the folder is left out.
static byte[] WithoutFolder(byte[] text, string folder) =>
    System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(text).Replace(folder, "{folder}", StringComparison.Ordinal));

// The start of an output, on one line, to show where two differ.
static string Excerpt(byte[]? bytes) =>
    bytes is null ? "(none)" : System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300))).ReplaceLineEndings(" | ");

// The inputs the cases share: the opportunities CSV as an Excel workbook (one sheet, the header and every row, each
// cell as text), a model file with equal dimension weights, and one with a negative weight.
static void WriteInputs(string folder, string csv)
{
    const string Weights = "\"competency\": 1, \"cooperation\": 1, \"planAlignment\": 1, \"trackedProgress\": 1";
    File.WriteAllText(Path.Combine(folder, "model.json"), $$$"""{"name": "equal", "version": "1", "dimensionWeights": {"trust": 1, {{{Weights}}}}}""");
    File.WriteAllText(Path.Combine(folder, "bad-model.json"), $$$"""{"name": "bad", "version": "1", "dimensionWeights": {"trust": -1, {{{Weights}}}}}""");
    using var document = SpreadsheetDocument.Create(Path.Combine(folder, "opportunities.xlsx"), SpreadsheetDocumentType.Workbook);
    var workbook = document.AddWorkbookPart();
    workbook.Workbook = new Workbook(new Sheets());
    var sheet = workbook.AddNewPart<WorksheetPart>();
    var data = new SheetData();
    using var rows = Sylvan.Data.Csv.CsvDataReader.Create(csv, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = false });
    var number = 0;
    while (rows.Read())
    {
        // An empty field is no cell, as in a sheet typed by hand; the fixture has fewer than 26 columns.
        number++;
        data.Append(new Row(Enumerable.Range(0, rows.RowFieldCount).Select(column => (Value: rows.GetString(column), Column: column)).Where(f => f.Value.Length > 0).Select(f => new Cell
        {
            CellReference = $"{(char)('A' + f.Column)}{number}",
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(f.Value)),
        })));
    }

    sheet.Worksheet = new Worksheet(data);
    workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Opportunities" });
}
