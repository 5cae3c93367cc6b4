using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PartnerMetrics.Tests.Docs;

/// <summary>
/// The XML documentation of the shipped sources: each block of <c>///</c> lines has at most one <c>&lt;summary&gt;</c>. A second
/// one is left behind when a member moves, and then documents the declaration below it with words meant for another (the
/// compiler keeps both without a warning, and tooltips show only one).
/// </summary>
public class SourceDocCommentTests
{
    [Fact]
    public void EveryDocComment_HasAtMostOneSummary()
    {
        var options = new CSharpParseOptions(documentationMode: DocumentationMode.Parse);
        var source = Path.Combine(Repository.Root(), "src");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(source, path).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();
        Assert.True(files.Count > 100, $"found {files.Count} source files under {source}; expected the library's");

        var repeated = new List<string>();
        foreach (var path in files)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path);
            foreach (var comment in tree.GetRoot().DescendantTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>())
            {
                var summaries = comment.Content.OfType<XmlElementSyntax>().Count(e => e.StartTag.Name.LocalName.Text == "summary");
                if (summaries > 1)
                {
                    var line = comment.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    repeated.Add($"{Path.GetRelativePath(source, path)}:{line} has {summaries} summaries");
                }
            }
        }

        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
    }
}
