#:property GenerateDocumentationFile=true
#:property NoWarn=CS1591
// Checks the packed NuGet packages: icon, README, license expression, XML docs for every target
// framework, and a symbols package beside each one. Run: dotnet run .ci/check-packages.cs -- <dir>
using System.IO.Compression;
using System.Xml.Linq;

var directory = args.Length > 0 ? args[0] : "artifacts/packages";
var packages = Directory.GetFiles(directory, "*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal)).ToArray();
var problems = new List<string>();
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

    void Require(bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add($"{name}: {problem}");
        }
    }

    Require(Meta("icon") == "icon.png" && entries.Contains("icon.png") && zip.GetEntry("icon.png")!.Length > 1000, "icon.png missing or empty");
    Require(Meta("readme") == "README.md" && entries.Contains("README.md"), "README.md missing");
    Require(metadata.Elements().Any(e => e.Name.LocalName == "license" && e.Attribute("type")?.Value == "expression" && e.Value == "MIT"), "license expression MIT missing");
    Require(!string.IsNullOrWhiteSpace(Meta("description")), "description missing");
    Require(metadata.Elements().Any(e => e.Name.LocalName == "repository" && e.Attribute("commit") is not null), "SourceLink repository commit missing");

    var frameworks = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
        .Select(e => e.Split('/')[1]).Distinct().ToArray();
    Require(frameworks.Length > 0, "no lib/ assemblies");
    foreach (var framework in frameworks)
    {
        Require(entries.Contains($"lib/{framework}/{id}.xml"), $"XML docs missing for {framework}");
    }

    var symbols = Path.Combine(Path.GetDirectoryName(package)!, Path.GetFileNameWithoutExtension(package) + ".snupkg");
    Require(File.Exists(symbols), "symbols package (.snupkg) missing");
    if (File.Exists(symbols))
    {
        using var symbolZip = ZipFile.OpenRead(symbols);
        foreach (var framework in frameworks)
        {
            Require(symbolZip.GetEntry($"lib/{framework}/{id}.pdb") is not null, $"{framework} PDB missing from .snupkg");
        }
    }

    Console.WriteLine($"checked {name}: frameworks {string.Join(", ", frameworks)}");
}

foreach (var problem in problems)
{
    Console.Error.WriteLine($"package check failed: {problem}");
}

return problems.Count == 0 ? 0 : 1;
