using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PartnerMetrics.Tests.Docs;

/// <summary>
/// The claims of docs/scoring.md that a reader can check against the code: each test reads the page and compares what it
/// states with what the library does, so that the page cannot drift from the code silently.
/// </summary>
public partial class ScoringPageTests
{
    private static readonly Lazy<string> PageText = new(() => File.ReadAllText(Path.Combine(Repository.Root(), "docs/scoring.md")).ReplaceLineEndings("\n"));

    /// <summary>
    /// "The laws" names the test class of each rule of DOMAIN section 6 for health: every class it names carries a property
    /// tagged with each rule the page gives it, and every rule but the pipeline accumulators' (13 and 14) is named.
    /// </summary>
    [Fact]
    public void Laws_NameTheTestClassOfEachRule()
    {
        var paragraph = Section("## The laws", "Model v2 removed").Replace('\n', ' ');
        var list = paragraph[paragraph.IndexOf("tagged `Rule`:", StringComparison.Ordinal)..];
        var rules = TaggedRules();
        var named = new HashSet<int>();

        foreach (var segment in Regex.Split(list, @"(?=\brules? \d)").Where(s => Regex.IsMatch(s, @"^rules? \d")))
        {
            var at = segment.IndexOf(" in `", StringComparison.Ordinal);
            Assert.True(at > 0, $"'{segment.Trim()}' names no test class.");
            var numbers = RuleNumbers(Regex.Replace(segment[..at], @"\([^)]*\)", string.Empty));
            var classes = Regex.Matches(segment, @"`(\w+Tests)`").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(classes);
            foreach (var (number, type) in numbers.SelectMany(n => classes.Select(c => (n, c))))
            {
                Assert.True(rules.TryGetValue(type, out var tagged) && tagged.Contains(number), $"The page says rule {number} is in {type}, which has no property tagged Rule {number}.");
            }

            named.UnionWith(numbers);
        }

        Assert.Equal([], Enumerable.Range(1, 22).Except([13, 14]).Except(named).ToList());
    }

    /// <summary>The text of the page from <paramref name="start"/> to <paramref name="end"/>, both found in that order.</summary>
    private static string Section(string start, string end)
    {
        var page = PageText.Value;
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"docs/scoring.md has no '{start}'.");
        var to = page.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to > from, $"docs/scoring.md has no '{end}' after '{start}'.");
        return page[from..to];
    }

    /// <summary>The rule numbers of "rules 1–11", "rules 16, 18 and 22" or "rule 12".</summary>
    private static List<int> RuleNumbers(string text)
    {
        var numbers = new List<int>();
        foreach (Match m in Regex.Matches(text, @"(\d+)(?:–(\d+))?"))
        {
            var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first;
            numbers.AddRange(Enumerable.Range(first, last - first + 1));
        }

        Assert.NotEmpty(numbers);
        return numbers;
    }

    /// <summary>The rule numbers of the <c>Trait("Rule", n)</c> attributes of each test class, by class name.</summary>
    private static Dictionary<string, HashSet<int>> TaggedRules() =>
        typeof(ScoringPageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetCustomAttributesData())
                .Where(a => a.AttributeType.Name == "TraitAttribute" && a.ConstructorArguments.Count == 2 && (string?)a.ConstructorArguments[0].Value == "Rule")
                .Select(a => (Type: t.Name, Rule: int.Parse((string)a.ConstructorArguments[1].Value!, CultureInfo.InvariantCulture))))
            .GroupBy(x => x.Type)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToHashSet(), StringComparer.Ordinal);
}
