#:property GenerateDocumentationFile=true
#:property NoWarn=CS1591
// Checks the packed NuGet packages: icon, README, license expression, SourceLink commit, XML docs for
// every target framework of a library, the command of the tool, and a symbols package beside each one.
// Run: dotnet run .ci/check-packages.cs -- <dir>
using System.IO.Compression;
using System.Xml.Linq;

var directory = args.Length > 0 ? args[0] : "artifacts/packages";
var packages = Directory.GetFiles(directory, "*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal)).ToArray();
var problems = new List<string>();
string[] expected = ["PartnerMetrics", "PartnerMetrics.Import", "PartnerMetrics.DependencyInjection", "PartnerMetrics.Reporting", "PartnerMetrics.Cli"];
var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
if (packages.Length == 0)
{
    problems.Add($"no .nupkg in {directory}");
}

foreach (var package in packages)
{
    var name = Path.GetFileName(package);
    using var zip = ZipFile.OpenRead(package);
    var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
    var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
    using var nuspecStream = nuspecEntry.Open();
    var nuspec = XDocument.Load(nuspecStream);
    var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string? Meta(string element) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element)?.Value;
    var id = Meta("id")!;
    ids.Add(id);

    void Require(bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add($"{name}: {problem}");
        }
    }

    Require(Meta("icon") == "icon.png" && entries.Contains("icon.png") && zip.GetEntry("icon.png")!.Length > 1000, "icon.png missing or empty");
    Require(Meta("readme") == "README.md" && entries.Contains("README.md"), "README.md missing");
    if (entries.Contains("README.md"))
    {
        // The package's page has no docs/ folder: every link of the packed README must be absolute (or an anchor).
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        var relative = System.Text.RegularExpressions.Regex.Matches(readme.ReadToEnd(), @"\]\((?!https?://|#|mailto:)([^)]+)\)")
            .Select(m => m.Groups[1].Value).ToArray();
        Require(relative.Length == 0, $"README.md has relative links, which break on the package page: {string.Join(", ", relative.Take(5))}");
    }

    Require(metadata.Elements().Any(e => e.Name.LocalName == "license" && e.Attribute("type")?.Value == "expression" && e.Value == "MIT"), "license expression MIT missing");
    Require(!string.IsNullOrWhiteSpace(Meta("description")), "description missing");
    Require(metadata.Elements().Any(e => e.Name.LocalName == "repository" && e.Attribute("commit") is not null), "SourceLink repository commit missing");

    var isTool = metadata.Descendants().Any(e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "DotnetTool");
    var root = isTool ? "tools" : "lib";
    var frameworks = entries.Where(e => e.StartsWith($"{root}/", StringComparison.Ordinal) && e.EndsWith($"/{id}.dll", StringComparison.Ordinal))
        .Select(e => e.Split('/')[1]).Distinct().ToArray();
    Require(frameworks.Length > 0, $"no {root}/ assembly named {id}.dll");
    string AssemblyFolder(string framework) => isTool ? $"tools/{framework}/any" : $"lib/{framework}";
    foreach (var framework in frameworks)
    {
        if (isTool)
        {
            var settings = zip.GetEntry($"{AssemblyFolder(framework)}/DotnetToolSettings.xml");
            Require(settings is not null, $"DotnetToolSettings.xml missing for {framework}");
            if (settings is not null)
            {
                using var settingsStream = settings.Open();
                var command = XDocument.Load(settingsStream).Descendants().SingleOrDefault(e => e.Name.LocalName == "Command");
                Require(command?.Attribute("Name")?.Value == "partnermetrics", "tool command is not named partnermetrics");
            }
        }
        else
        {
            Require(entries.Contains($"lib/{framework}/{id}.xml"), $"XML docs missing for {framework}");
        }
    }

    var symbols = Path.Combine(Path.GetDirectoryName(package)!, Path.GetFileNameWithoutExtension(package) + ".snupkg");
    Require(File.Exists(symbols), "symbols package (.snupkg) missing");
    if (File.Exists(symbols))
    {
        using var symbolZip = ZipFile.OpenRead(symbols);
        foreach (var framework in frameworks)
        {
            Require(symbolZip.GetEntry($"{AssemblyFolder(framework)}/{id}.pdb") is not null, $"{framework} PDB missing from .snupkg");
        }
    }

    Console.WriteLine($"checked {name}: {(isTool ? "tool" : "library")}, frameworks {string.Join(", ", frameworks)}");
}

problems.AddRange(expected.Where(e => !ids.Contains(e)).Select(e => $"package {e} was not produced"));
foreach (var problem in problems)
{
    Console.Error.WriteLine($"package check failed: {problem}");
}

return problems.Count == 0 ? 0 : 1;
