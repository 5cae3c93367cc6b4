using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>
/// Reads opportunities from JSON in the PartnerMetrics form (docs/model.md): an array of opportunities,
/// or a whole portfolio object, whose opportunities are all read (<see cref="Portfolio.AllOpportunities"/>).
/// </summary>
/// <remarks>
/// <see cref="PartnerMetricsJson"/> reads one <see cref="Opportunity"/> or a <see cref="Portfolio"/>, not a
/// bare array, so the array is walked here and each item read on its own: a bad item is reported with its
/// line and JSON path (<c>$[3].amount</c>) and the others are still read, so one run lists every problem.
/// </remarks>
internal static class OpportunityJson
{
    /// <summary>Reads every opportunity of a JSON document, passing each valid one to <paramref name="add"/>.</summary>
    /// <param name="utf8Json">The document, UTF-8, with or without a byte-order mark.</param>
    /// <param name="add">Receives each opportunity read.</param>
    /// <param name="problems">Receives every problem.</param>
    /// <param name="progress">Called every few thousand items with the number of bytes read so far.</param>
    /// <returns>The number of opportunities in the document, valid or not.</returns>
    public static long Read(ReadOnlyMemory<byte> utf8Json, Action<Opportunity> add, InputProblems problems, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(problems);
        var bom = "\uFEFF"u8;
        var bytes = utf8Json.Span.StartsWith(bom) ? utf8Json[bom.Length..] : utf8Json;
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = PartnerMetricsJson.MaxDepth });
        try
        {
            if (!reader.Read())
            {
                problems.Fail("the file is empty: expected a JSON array of opportunities or a portfolio object (docs/model.md).");
                return 0;
            }
        }
        catch (JsonException error)
        {
            problems.Fail(NotJson(error));
            return 0;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ReadPortfolio(bytes, add, problems);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Fail($"line 1: expected a JSON array of opportunities or a portfolio object, found {reader.TokenType} (docs/model.md).");
            return 0;
        }

        var index = 0L;
        var line = 1L;
        var lineCountedTo = 0;
        var seen = new Dictionary<string, (long Index, long Line)>(StringComparer.Ordinal);
        while (true)
        {
            int start, end;
            try
            {
                if (!reader.Read())
                {
                    problems.Fail("the array is not closed: the file ends too early.");
                    return index;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                end = checked((int)reader.BytesConsumed);
            }
            catch (JsonException error)
            {
                problems.Fail(NotJson(error));
                return index;
            }

            line += bytes.Span[lineCountedTo..start].Count((byte)'\n');
            lineCountedTo = start;
            ReadItem(bytes[start..end], index, line, add, problems, seen);
            index++;
            if (progress is not null && index % 4096 == 0)
            {
                progress(end);
            }
        }

        try
        {
            if (reader.Read())
            {
                problems.Fail("there is more after the array; a file holds one array.");
            }
        }
        catch (JsonException error)
        {
            problems.Fail(NotJson(error));
        }

        return index;
    }

    private static void ReadItem(ReadOnlyMemory<byte> item, long index, long line, Action<Opportunity> add, InputProblems problems, Dictionary<string, (long Index, long Line)> seen)
    {
        Opportunity opportunity;
        try
        {
            opportunity = PartnerMetricsJson.Deserialize<Opportunity>(item.Span);
        }
        catch (JsonException error)
        {
            var relative = error.Path is ['$', .. var rest] ? rest : string.Empty;
            var message = error.Message;
            var details = message.IndexOf(" Path: ", StringComparison.Ordinal);
            message = details < 0 ? message : message[..details];
            var prefix = $"Invalid {nameof(Opportunity)} at {error.Path}: ";
            message = message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
            problems.Add(line + (error.LineNumber ?? 0), line, string.Create(CultureInfo.InvariantCulture, $"$[{index}]{relative}"), null, message);
            return;
        }

        var id = opportunity.Id.ToString();
        if (seen.TryGetValue(id, out var first))
        {
            problems.Add(line, line, string.Create(CultureInfo.InvariantCulture, $"$[{index}].id"), id, string.Create(CultureInfo.InvariantCulture, $"the same opportunity id is at $[{first.Index}] (line {first.Line}); a file has each opportunity once."));
            return;
        }

        seen.Add(id, (index, line));
        add(opportunity);
    }

    private static long ReadPortfolio(ReadOnlyMemory<byte> bytes, Action<Opportunity> add, InputProblems problems)
    {
        Portfolio portfolio;
        try
        {
            portfolio = PartnerMetricsJson.Deserialize<Portfolio>(bytes.Span);
        }
        catch (JsonException error)
        {
            problems.Fail(error.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}: {error.Message}") : error.Message);
            return 0;
        }

        var count = 0L;
        foreach (var opportunity in portfolio.AllOpportunities())
        {
            add(opportunity);
            count++;
        }

        return count;
    }

    private static string NotJson(JsonException error) =>
        string.Create(CultureInfo.InvariantCulture, $"line {(error.LineNumber ?? 0) + 1}: not valid JSON: {error.Message}");
}
