using System.Globalization;
using PartnerMetrics.Import;

namespace PartnerMetrics.Cli;

/// <summary>
/// Every problem found in an input file, each with the line it is on. Reading goes on after a problem in a
/// record so that one run reports them all; the first <see cref="Shown"/> are listed and the rest counted.
/// A problem with the file as a whole (a missing column, a broken quote) stops the reading: <see cref="Fail"/>.
/// </summary>
internal sealed class InputProblems
{
    /// <summary>How many problems are listed; the rest are counted.</summary>
    public const int Shown = 20;

    private readonly List<string> listed = [];
    private readonly Dictionary<string, long> byColumn = new(StringComparer.Ordinal);
    private long lastRecordLine = -1;

    /// <summary>Gets the problem that stopped the reading, or <see langword="null"/>.</summary>
    public string? Fatal { get; private set; }

    /// <summary>Gets a value indicating whether anything is wrong.</summary>
    public bool Any => Fatal is not null || Count > 0;

    /// <summary>Gets the number of problems in records.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the number of records (rows or array items) with at least one problem.</summary>
    public long Records { get; private set; }

    /// <summary>Records a problem with one value of a record.</summary>
    /// <param name="line">The 1-based line the record starts on (or the line of the value, when known).</param>
    /// <param name="recordLine">The line the record starts on, so that several problems of one record count it once.</param>
    /// <param name="where">The column or JSON path, such as <c>column "Close Date"</c>; <see langword="null"/> for the whole record.</param>
    /// <param name="value">The offending text; <see langword="null"/> when there is none to show.</param>
    /// <param name="message">What is wrong, as a sentence.</param>
    public void Add(long line, long recordLine, string? where, string? value, string message)
    {
        Count++;
        if (where is not null && where.StartsWith("column ", StringComparison.Ordinal))
        {
            byColumn[where["column ".Length..]] = byColumn.GetValueOrDefault(where["column ".Length..]) + 1;
        }

        if (recordLine != lastRecordLine)
        {
            Records++;
            lastRecordLine = recordLine;
        }

        if (listed.Count < Shown)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"line {line}");
            if (where is not null)
            {
                text += $", {where}";
            }

            if (value is not null)
            {
                text += $", value \"{value}\"";
            }

            listed.Add($"{text}: {message}");
        }
    }

    /// <summary>Records a problem with the file as a whole, after which reading stops.</summary>
    /// <param name="message">What is wrong, as a sentence, with the line when there is one.</param>
    public void Fail(string message) => Fatal ??= message;

    /// <summary>Writes the problems, with a first line that says what they mean for the run.</summary>
    /// <param name="fileName">The input's file name.</param>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(string fileName, TextWriter writer)
    {
        if (Fatal is not null)
        {
            writer.WriteLine($"{fileName}: {Fatal}");
            if (Count == 0)
            {
                return;
            }
        }

        var records = Records == 1 ? "1 record" : string.Create(CultureInfo.InvariantCulture, $"{Records} records");
        var problems = Count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{Count} problems");
        writer.WriteLine($"{fileName}: {problems} in {records}; nothing was computed.");
        if (byColumn.Count > 0)
        {
            // Every problem is counted by its column, even those not listed below.
            var counts = byColumn.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}"));
            writer.WriteLine($"  by column: {string.Join("; ", counts)}.");
        }

        foreach (var line in listed)
        {
            writer.WriteLine($"  {line}");
        }

        if (Count > listed.Count)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {Count - listed.Count} more."));
        }
    }

    /// <summary>What went wrong, in the words of the exception: an argument exception's own sentence (<see cref="ArgumentSentence.Of"/>), another's message.</summary>
    public static string Words(Exception problem) => problem is ArgumentException argument ? ArgumentSentence.Of(argument) : problem.Message;
}
