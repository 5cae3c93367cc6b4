using System.Text.Json;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>Reads the portfolio argument of <c>score</c> and <c>backtest</c>: a portfolio in the PartnerMetrics JSON form (docs/model.md), from a file or standard input.</summary>
internal static class PortfolioFile
{
    /// <summary>Reads a portfolio file, or standard input, under a spinner when it is large and the console is an interactive terminal.</summary>
    /// <param name="path">The file; <c>-</c> is standard input when <paramref name="standardInput"/> is given. A named pipe or <c>/dev/stdin</c> is read to its end.</param>
    /// <param name="standardInput">Opens standard input; <see langword="null"/> when the command reads only files.</param>
    /// <param name="output">The console output, for the spinner.</param>
    /// <param name="error">Where a problem is written.</param>
    /// <param name="exit">
    /// <see cref="ExitCodes.Success"/>; <see cref="ExitCodes.InvalidInput"/> when the file is not a valid portfolio (the
    /// message names the JSON path); <see cref="ExitCodes.InputUnreadable"/> when it cannot be read.
    /// </param>
    /// <param name="length">The size of the input in bytes; 0 when it is not known in advance (standard input, a pipe).</param>
    /// <returns>The portfolio, or <see langword="null"/> when <paramref name="exit"/> is not success.</returns>
    public static Portfolio? Read(FileInfo path, Func<Stream>? standardInput, TextWriter output, TextWriter error, out int exit, out long length)
    {
        var fromStandardInput = standardInput is not null && StandardInput.Is(path);
        var name = fromStandardInput ? StandardInput.Name : path.Name;
        return TryRead(
            fromStandardInput ? standardInput! : path.OpenRead,
            name,
            fromStandardInput ? name : path.FullName,
            $"Reading {name}",
            output,
            error,
            PartnerMetricsJson.Deserialize<Portfolio>,
            out var portfolio,
            out exit,
            out length) ? portfolio : null;
    }

    /// <summary>
    /// Reads a portfolio file one partnership at a time (<see cref="PortfolioJsonReader"/>), under a spinner when it is large
    /// and the console is an interactive terminal: for a portfolio too large to hold whole.
    /// </summary>
    /// <typeparam name="T">What <paramref name="read"/> makes of the partnerships.</typeparam>
    /// <param name="path">The file; not standard input.</param>
    /// <param name="status">The spinner's words.</param>
    /// <param name="output">The console output, for the spinner.</param>
    /// <param name="error">Where a problem is written, in the words of <see cref="Read"/>.</param>
    /// <param name="read">Reads the open file: through <see cref="PortfolioJsonReader"/>, once or, when the file can seek, more than once.</param>
    /// <param name="result">What <paramref name="read"/> returned; the default when <paramref name="exit"/> is not success.</param>
    /// <param name="exit">As <see cref="Read"/>'s.</param>
    /// <returns><see langword="true"/> when the whole file was read.</returns>
    public static bool TryStream<T>(FileInfo path, string status, TextWriter output, TextWriter error, Func<Stream, T> read, out T? result, out int exit) =>
        TryRead(path.OpenRead, path.Name, path.FullName, status, output, error, read, out result, out exit, out _);

    /// <summary>Opens the input and reads it under a spinner; a problem is written to <paramref name="error"/> with its exit code.</summary>
    private static bool TryRead<T>(Func<Stream> open, string name, string fullName, string status, TextWriter output, TextWriter error, Func<Stream, T> read, out T? result, out int exit, out long length)
    {
        (result, exit, length) = (default, ExitCodes.Success, 0);
        BlankWatch? watch = null;
        try
        {
            using var stream = watch = new BlankWatch(open());

            // A pipe cannot tell its length: it is read to its end, with no size for the spinner.
            length = stream.CanSeek ? stream.Length : 0;
            result = CommandOutput.WithStatus(status, length, output, () => read(stream));
            return true;
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {fullName}: {ReadErrors.Why(readError, fullName)}");
            exit = ExitCodes.InputUnreadable;
        }
        catch (JsonException jsonError)
        {
            error.WriteLine(watch is { Blank: true }
                ? $"{name}: the file is empty: a portfolio is a JSON object such as {{\"partnerships\": []}}."
                : watch is { Utf16: true }
                ? $"{name}: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); a portfolio is JSON in UTF-8: save it as UTF-8."
                : $"{name}: {jsonError.Message}");
            exit = ExitCodes.InvalidInput;
        }

        return false;
    }
}
