using System.Globalization;
using System.Text;
using PartnerMetrics.Import;
using Sylvan.Data.Csv;

namespace PartnerMetrics.Cli;

/// <summary>
/// How every CSV input of the command line is read (docs/cli.md, "The CSV file"): comma-separated, UTF-8
/// (or UTF-16 or UTF-32 with a byte order mark), one header row, blank lines skipped, no comment lines,
/// and each record numbered by the physical line it starts on. A file that cannot be read as CSV from some
/// point on stops the reading with the line; a problem in a record is the caller's to report.
/// </summary>
internal static class CsvRows
{
    /// <summary>The text of a CSV file: strict UTF-8, or the encoding its byte order mark names.</summary>
    /// <param name="stream">The file's bytes; the reader closes it.</param>
    /// <returns>A reader of the text.</returns>
    public static TextReader Text(Stream stream) => CsvSource.Text(stream);

    /// <summary>Reads the header row and then every record that is not a blank line.</summary>
    /// <param name="text">The CSV text; it is read to its end (or to a problem that stops the reading) and closed.</param>
    /// <param name="problems">Receives a problem that stops the reading: an empty file, broken CSV, text that is not UTF-8.</param>
    /// <param name="header">Maps the header row's columns; returns <see langword="false"/> (after recording the problem) to read no record.</param>
    /// <param name="record">Reads the current record, given the line it starts on.</param>
    /// <param name="tick">Called every few thousand records, to show progress.</param>
    /// <returns>The number of records read, blank lines not included.</returns>
    public static long Read(TextReader text, InputProblems problems, Func<CsvDataReader, bool> header, Action<CsvDataReader, long> record, Action? tick = null)
    {
        CsvDataReader csv;
        try
        {
            // A fixed delimiter (Sylvan guesses one otherwise) and no comment lines: a CRM export has
            // neither, and an id starting with '#' (or NUL) must not make a row disappear.
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ',', Comment = CsvSource.NoComment, HasHeaders = true, MaxBufferSize = CsvSource.MaxRowLength });
        }
        catch (CsvMissingHeadersException)
        {
            problems.Fail($"the file is empty: the first line must be the header row ({DocsLinks.Docs}cli.md).");
            return 0;
        }
        catch (CsvFormatException error)
        {
            problems.Fail($"line 1: the header row is not valid CSV: {error.Message}");
            return 0;
        }
        catch (DecoderFallbackException)
        {
            problems.Fail(NotUtf8(1));
            return 0;
        }

        using (csv)
        {
            if (!header(csv))
            {
                return 0;
            }

            // Lines are counted from the raw records, which include their line endings, so a quoted value
            // with line breaks in it moves the count on exactly as it moves the file on.
            var line = 2L;
            for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
            {
                line += CsvSource.LineBreaks(csv.GetName(ordinal));
            }

            var records = 0L;
            while (true)
            {
                try
                {
                    if (!csv.Read())
                    {
                        break;
                    }
                }
                catch (CsvFormatException error)
                {
                    problems.Fail(string.Create(CultureInfo.InvariantCulture, $"line {line}: {CsvSource.Broken(error)}"));
                    break;
                }
                catch (DecoderFallbackException)
                {
                    problems.Fail(NotUtf8(line));
                    break;
                }

                var recordLine = line;
                line += CsvSource.LineBreaks(csv.GetRawRecordSpan());
                if (csv.RowFieldCount == 1 && string.IsNullOrWhiteSpace(csv.GetString(0)))
                {
                    continue;
                }

                records++;
                record(csv, recordLine);
                if (tick is not null && records % 4096 == 0)
                {
                    tick();
                }
            }

            return records;
        }
    }

    /// <summary>The problem of a record whose number of fields is not the header's; <see langword="null"/> when they agree.</summary>
    /// <param name="csv">The reader, on the record.</param>
    /// <returns>The sentence, or <see langword="null"/>.</returns>
    public static string? FieldCountProblem(CsvDataReader csv) => csv.RowFieldCount == csv.FieldCount
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"the row has {csv.RowFieldCount} {(csv.RowFieldCount == 1 ? "field" : "fields")} where the header has {csv.FieldCount}; is a value with a comma or a quote not quoted?");

    /// <summary>The problem of a file that is not UTF-8; the reader reads ahead, so the bad bytes are on that line or a later one.</summary>
    private static string NotUtf8(long line) => string.Create(
        CultureInfo.InvariantCulture,
        $"at or after line {line}: the file is not UTF-8 text (an export in a legacy code page such as Windows-1252?), so reading stopped: save it as \"CSV UTF-8\", or as UTF-16 with a byte order mark.");
}
