using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PartnerMetrics.Tests.Docs;

/// <summary>
/// The README's C# blocks, pasted in order into one file of a new console project (<c>dotnet new console</c>, whose implicit
/// usings are given here), compile against the library: no <c>using</c> lands mid-file, no name is used before it is declared.
/// </summary>
public class ReadmeCompilationTests
{
    /// <summary>The implicit usings of a console project (Microsoft.NET.Sdk with ImplicitUsings enabled).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void ReadmeSnippets_PastedIntoOneFile_Compile()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md")).ReplaceLineEndings("\n");
        var blocks = CSharpBlocks(readme);
        Assert.True(blocks.Count >= 3, $"the README has {blocks.Count} C# blocks; expected the mapping, scoring and pipeline examples");

        var program = string.Join("\n\n", blocks);
        var compilation = CSharpCompilation.Create(
            "ReadmeProgram",
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest))],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n--- the program ---\n" + program);
    }

    [Fact]
    public void CSharpBlocks_AreFoundInOrder()
    {
        var blocks = CSharpBlocks("text\n```csharp\nvar a = 1;\n```\nmore\n```bash\nls\n```\n```csharp\nvar b = a;\n```\n");

        Assert.Equal(["var a = 1;", "var b = a;"], blocks);
    }

    private static List<string> CSharpBlocks(string markdown)
    {
        var blocks = new List<string>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            blocks.Add(string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }

        return blocks;
    }

    /// <summary>The running framework's assemblies and the library.</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        return [.. platform.Append(typeof(Portfolio).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    }
}
