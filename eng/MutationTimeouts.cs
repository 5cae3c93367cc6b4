#:property GenerateDocumentationFile=true
// Prints a Stryker.NET --mutate pattern per source file for the mutants that timed out in a mutation report, each
// mutant selected by its own span of text, so that they can be run again with more time (eng/mutation.sh Timeouts).
//
//   dotnet run eng/MutationTimeouts.cs -- artifacts/mutation-Health/reports/mutation-report.json
using System.Text.Json;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run eng/MutationTimeouts.cs -- REPORT.json");
    return 2;
}

using var report = JsonDocument.Parse(File.ReadAllBytes(args[0]));
foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
{
    var source = file.Value.GetProperty("source").GetString() ?? string.Empty;
    var lineStarts = new List<int> { 0 };
    for (var i = 0; i < source.Length; i++)
    {
        if (source[i] == '\n')
        {
            lineStarts.Add(i + 1);
        }
    }

    // Stryker's positions are 1-based lines and columns; a span of the pattern is character offsets in the file.
    int Offset(JsonElement position) => lineStarts[position.GetProperty("line").GetInt32() - 1] + position.GetProperty("column").GetInt32() - 1;
    var spans = new SortedSet<(int Start, int End)>();
    foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
    {
        if (mutant.GetProperty("status").GetString() == "Timeout")
        {
            var location = mutant.GetProperty("location");
            spans.Add((Offset(location.GetProperty("start")), Offset(location.GetProperty("end"))));
        }
    }

    if (spans.Count > 0)
    {
        // The path from the project's folder, as Stryker matches it: "**/" and what follows the project's name.
        var path = file.Name.Replace('\\', '/');
        var project = path.IndexOf("/src/", StringComparison.Ordinal);
        var relative = project < 0 ? Path.GetFileName(path) : path[(path.IndexOf('/', project + 5) + 1)..];
        Console.WriteLine("**/" + relative + string.Concat(spans.Select(s => $"{{{s.Start}..{s.End}}}")));
    }
}

return 0;
