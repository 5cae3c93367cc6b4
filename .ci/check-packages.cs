#:property GenerateDocumentationFile=true
#:property NoWarn=CS1591
// Checks the packed NuGet packages: icon, README, license expression, SourceLink commit, XML docs for
// every target framework of a library, the command of the tool, and a symbols package beside each one with code.
// The tool is a top-level package that points to one package per platform (ReadyToRun) and a portable one ("any"); with
// --native RID, that platform's package must hold its native executable instead (packed with -p:NativeTool=true).
// Run: dotnet run .ci/check-packages.cs -- <dir> [--native RID]
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

var directory = args.Length > 0 ? args[0] : "artifacts/packages";
var nativeRid = args.Length > 2 && args[1] == "--native" ? args[2] : null;
var packages = Directory.GetFiles(directory, "*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal)).ToArray();
var problems = new List<string>();
const string Tool = "PartnerMetrics.Cli";
string[] toolRids = ["linux-x64", "win-x64", "osx-arm64", "any"];
string[] expected = ["PartnerMetrics", "PartnerMetrics.Import", "PartnerMetrics.DependencyInjection", "PartnerMetrics.Reporting", Tool, .. toolRids.Select(rid => $"{Tool}.{rid}")];
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

    bool HasType(string type) => metadata.Descendants().Any(e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == type);
    var isPointer = HasType("DotnetTool");
    var isRidTool = HasType("DotnetToolRidPackage");
    string Kind() => isPointer ? "tool, pointing to its platforms' packages" : isRidTool ? "tool for one platform" : "library";

    // The command, and for the top-level package the platform packages it points to.
    void RequireCommand(string settingsPath, bool pointer, string? runner = null)
    {
        var settings = zip.GetEntry(settingsPath);
        Require(settings is not null, $"{settingsPath} missing");
        if (settings is null)
        {
            return;
        }

        using var settingsStream = settings.Open();
        var document = XDocument.Load(settingsStream);
        var command = document.Descendants().SingleOrDefault(e => e.Name.LocalName == "Command");
        Require(command?.Attribute("Name")?.Value == "partnermetrics", "tool command is not named partnermetrics");
        Require(runner is null || command?.Attribute("Runner")?.Value == runner, $"the command's runner is not {runner}");
        if (pointer)
        {
            var listed = document.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
                .Select(e => (Rid: e.Attribute("RuntimeIdentifier")?.Value, Id: e.Attribute("Id")?.Value)).ToArray();
            Require(listed.Select(p => p.Rid).Order(StringComparer.Ordinal).SequenceEqual(toolRids.Order(StringComparer.Ordinal)), $"points to the platforms {string.Join(", ", listed.Select(p => p.Rid))}, not {string.Join(", ", toolRids)}");
            Require(listed.All(p => p.Id == $"{Tool}.{p.Rid}"), "a platform package is not named after its platform");
        }
    }

    if (isPointer)
    {
        // No code: `dotnet tool install` reads which package of the tool to take for the platform.
        RequireCommand("tools/any/any/DotnetToolSettings.xml", pointer: true);
        Require(!entries.Any(e => e.EndsWith(".dll", StringComparison.Ordinal)), "the top-level tool package holds assemblies");
        Console.WriteLine($"checked {name}: {Kind()}");
        continue;
    }

    var root = isRidTool ? "tools" : "lib";
    var rid = isRidTool ? id[(Tool.Length + 1)..] : null;
    var symbols = Path.Combine(Path.GetDirectoryName(package)!, Path.GetFileNameWithoutExtension(package) + ".snupkg");
    if (rid is not null && rid == nativeRid)
    {
        // Native code: the executable alone, run as it is, with no assemblies and no managed symbols.
        var folder = $"tools/any/{rid}";
        RequireCommand($"{folder}/DotnetToolSettings.xml", pointer: false, runner: "executable");
        var executable = zip.GetEntry($"{folder}/{Tool}{(rid.StartsWith("win", StringComparison.Ordinal) ? ".exe" : "")}");
        Require(executable is { Length: > 1_000_000 }, $"no native executable {folder}/{Tool}");
        if (executable is not null)
        {
            using var stream = executable.Open();
            var magic = new byte[4];
            stream.ReadExactly(magic);
            Require(magic is [0x7F, (byte)'E', (byte)'L', (byte)'F'] or [(byte)'M', (byte)'Z', _, _] or [0xCF, 0xFA, 0xED, 0xFE], $"{folder}/{Tool} is not an executable (ELF, PE or Mach-O)");
        }

        Require(!entries.Any(e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal)), "the native package holds assemblies or managed symbols");
        Require(!File.Exists(symbols), "a native package has a symbols package beside it (.snupkg), left from another pack");
        Console.WriteLine($"checked {name}: {Kind()}, native code");
        continue;
    }

    var assembly = isRidTool ? Tool : id;
    var frameworks = entries.Where(e => e.StartsWith($"{root}/", StringComparison.Ordinal) && e.EndsWith($"/{assembly}.dll", StringComparison.Ordinal))
        .Select(e => e.Split('/')[1]).Distinct().ToArray();
    Require(frameworks.Length > 0, $"no {root}/ assembly named {assembly}.dll");
    string AssemblyFolder(string framework) => isRidTool ? $"tools/{framework}/{rid}" : $"lib/{framework}";
    foreach (var framework in frameworks)
    {
        if (isRidTool)
        {
            RequireCommand($"{AssemblyFolder(framework)}/DotnetToolSettings.xml", pointer: false);

            // Compiled ahead of time for its platform, except the portable package, which the runtime compiles as it runs.
            foreach (var code in (string[])[Tool, "PartnerMetrics"])
            {
                var entry = zip.GetEntry($"{AssemblyFolder(framework)}/{code}.dll");
                Require(entry is not null, $"{code}.dll missing for {framework}");
                if (entry is not null)
                {
                    using var copy = new MemoryStream();
                    using (var stream = entry.Open())
                    {
                        stream.CopyTo(copy);
                    }

                    copy.Position = 0;
                    using var pe = new PEReader(copy);
                    var readyToRun = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
                    Require(readyToRun == (rid != "any"), $"{code}.dll is {(readyToRun ? "" : "not ")}ReadyToRun");
                }
            }
        }
        else
        {
            Require(entries.Contains($"lib/{framework}/{id}.xml"), $"XML docs missing for {framework}");
        }
    }

    Require(File.Exists(symbols), "symbols package (.snupkg) missing");
    if (File.Exists(symbols))
    {
        using var symbolZip = ZipFile.OpenRead(symbols);
        foreach (var framework in frameworks)
        {
            Require(symbolZip.GetEntry($"{AssemblyFolder(framework)}/{assembly}.pdb") is not null, $"{framework} PDB missing from .snupkg");
        }
    }

    Console.WriteLine($"checked {name}: {Kind()}, frameworks {string.Join(", ", frameworks)}");
}

problems.AddRange(expected.Where(e => !ids.Contains(e)).Select(e => $"package {e} was not produced"));
foreach (var problem in problems)
{
    Console.Error.WriteLine($"package check failed: {problem}");
}

return problems.Count == 0 ? 0 : 1;
