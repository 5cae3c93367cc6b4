using System.Diagnostics;
using System.Globalization;
using PartnerMetrics.Validation.Harness;

// The validation harness: simulates partnerships whose true health is known, scores them with the
// current model and the baselines, and writes the measures as a Markdown page (docs/validation.md).
const string Usage = "usage: dotnet run -c Release --project validation/PartnerMetrics.Validation -- [--partnerships N] [--seeds K] [--out FILE] [--previous PAGE]... [--fit-revision]";

var options = new ValidationOptions();
string? output = null;
var previousPaths = new List<string>();
var fitRevision = false;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--partnerships" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 10:
            options = options with { Partnerships = n };
            i++;
            break;
        case "--seeds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1:
            options = options with { Seeds = k };
            i++;
            break;
        case "--out" when !string.IsNullOrWhiteSpace(value):
            output = value;
            i++;
            break;
        case "--previous" when !string.IsNullOrWhiteSpace(value) && File.Exists(value):
            previousPaths.Add(value);
            i++;
            break;
        case "--fit-revision":
            fitRevision = true;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unknown or invalid argument '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}; --partnerships needs a whole number ≥ 10, --seeds one ≥ 1, --out a file, --previous an existing page of this harness.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

var watch = Stopwatch.StartNew();
if (fitRevision)
{
    // The first step toward the weights of model 2.1 (WeightRevision): the fit they started from, about a minute on two cores.
    var start = WeightRevision.FitStart(options);
    Console.WriteLine(start);
    Console.WriteLine(PartnerMetrics.Serialization.PartnerMetricsJson.Serialize(start.Model));
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time {watch.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores"));
    return 0;
}

var runs = ValidationRun.Execute(options, line => Console.Error.WriteLine(line));
var fits = ValidationRun.Fits(runs);
var grid = options.EvidenceLimit ? WeightGrid.Of(runs, options.AsOf) : null;
var revision = options.EvidenceLimit ? WeightRevision.Measure(options) : default;

// The page quotes the command that reproduces it. A rooted path inside the current directory (the repository's root, from
// which the command runs) is shown relative to it, so that the quoted command writes the page where it was written
// (--out docs/validation.md); any other rooted path is reduced to its file name, so that no machine's layout leaks into it.
static string Shown(string path)
{
    if (!Path.IsPathRooted(path))
    {
        return path.Replace('\\', '/');
    }

    var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
    return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal)
        ? Path.GetFileName(path)
        : relative.Replace('\\', '/');
}

var shownOutput = output is null ? null : Shown(output);
var previous = previousPaths.Select(path => PreviousPage.Parse(Shown(path), File.ReadAllText(path))).ToArray();
var command = string.Create(
    CultureInfo.InvariantCulture,
    $"dotnet run -c Release --project validation/PartnerMetrics.Validation -- --partnerships {options.Partnerships} --seeds {options.Seeds}{(shownOutput is null ? string.Empty : " --out " + shownOutput)}{string.Concat(previous.Select(page => " --previous " + page.Source))}");
var page = MarkdownReport.Render(runs, options, command, fits, previous, grid, revision);
if (output is null)
{
    Console.Write(page);
}
else
{
    File.WriteAllText(output, page);
    Console.Error.WriteLine($"wrote {output}");
}

Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time {watch.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores"));
return 0;
