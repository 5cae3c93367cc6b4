namespace PartnerMetrics.Cli.Tests;

/// <summary>docs/cli.md as the tests that compare its examples with real runs read it.</summary>
internal static class CliDocs
{
    /// <summary>The page, with its line breaks as <c>\n</c> whatever the checkout made of them.</summary>
    public static string Page() => File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot(), "docs", "cli.md")).ReplaceLineEndings("\n");

    /// <summary>
    /// Asserts that the page's JSON example that begins with <paramref name="opening"/> is <paramref name="json"/> with parts left
    /// out ("..."): each part between two cuts is in the output, in order, white space aside (the page lays several fields on
    /// one line), the first starting it and the last ending it.
    /// </summary>
    public static void AssertJsonExample(string opening, string json)
    {
        var docs = Page();
        var start = docs.IndexOf("```json\n" + opening, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no JSON example beginning {opening}");
        start += "```json\n".Length;
        var parts = Compact(docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)]).Split("...");

        var actual = Compact(json);
        Assert.StartsWith(parts[0], actual, StringComparison.Ordinal);
        Assert.EndsWith(parts[^1], actual, StringComparison.Ordinal);
        var at = 0;
        foreach (var part in parts)
        {
            var found = actual.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"docs/cli.md shows JSON the output does not have in this order: {part}");
            at = found + part.Length;
        }
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
