using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Docs;

/// <summary>The defaults of "Every setting, with its default", against the default model as its JSON form writes it.</summary>
public partial class ScoringPageTests
{
    /// <summary>
    /// Each row of the settings table gives the default of the settings it names: a weight group or the bands by name
    /// ("`trust` 0.25, …"), the others in the order named ("180, 365, 90, 90 days"), durations in days; each is the
    /// default model's. (<see cref="DocsSnippetTests.ScoringPage_SettingsTable_ListsEverySettingOfTheModelFile"/> checks
    /// that every setting has a row.)
    /// </summary>
    [Fact]
    public void SettingsTable_GivesTheDefaultModelsValues()
    {
        var table = Section("Every setting, with its default:", "**Responsiveness in a v1 document.**");
        var model = JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject();
        var rows = table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var checkedSettings = 0;

        foreach (var cells in rows.Select(r => r.Split(" | ")))
        {
            var names = Regex.Matches(cells[0], @"`(\w+)`").Select(m => m.Groups[1].Value).ToList();
            var defaults = cells[1];
            if (names is [var group] && model[group] is JsonObject members && members.Count > 0)
            {
                var given = Regex.Matches(defaults, @"`(\w+)` (\d+(?:\.\d+)?)").ToDictionary(m => m.Groups[1].Value, m => Number(m.Groups[2].Value));
                Assert.Equal(members.Select(p => p.Key).Order(StringComparer.Ordinal), given.Keys.Order(StringComparer.Ordinal));
                Assert.All(members, p => Assert.True(given[p.Key] == (double)p.Value!, $"{group}.{p.Key}: the page says {given[p.Key]}, the default model {p.Value}."));
            }
            else if (names is [var empty] && model[empty] is JsonObject { Count: 0 })
            {
                Assert.StartsWith("empty", defaults, StringComparison.Ordinal);
            }
            else
            {
                var given = Regex.Matches(defaults, @"\d+(?:\.\d+)?").Select(m => Number(m.Value)).ToList();
                Assert.True(names.Count == given.Count, $"The row of {string.Join(", ", names)} gives {given.Count} defaults.");
                foreach (var (name, value) in names.Zip(given))
                {
                    var actual = model[name]!.GetValueKind() == System.Text.Json.JsonValueKind.String
                        ? TimeSpan.Parse((string)model[name]!, CultureInfo.InvariantCulture).TotalDays
                        : (double)model[name]!;
                    Assert.True(value == actual, $"{name}: the page says {value}, the default model {actual}.");
                }
            }

            checkedSettings += names.Count;
        }

        Assert.True(checkedSettings >= 30, $"only {checkedSettings} settings read from the table");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
