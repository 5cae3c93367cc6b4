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
        exit = ExitCodes.Success;
        length = 0;
        var fromStandardInput = standardInput is not null && StandardInput.Is(path);
        var name = fromStandardInput ? StandardInput.Name : path.Name;
        try
        {
            using var stream = fromStandardInput ? standardInput!() : path.OpenRead();

            // A pipe cannot tell its length: it is read to its end, with no size for the spinner.
            length = stream.CanSeek ? stream.Length : 0;
            return CommandOutput.WithStatus($"Reading {name}", length, output, () => PartnerMetricsJson.Deserialize<Portfolio>(stream));
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {(fromStandardInput ? name : path.FullName)}: {readError.Message}");
            exit = ExitCodes.InputUnreadable;
        }
        catch (JsonException jsonError)
        {
            error.WriteLine($"{name}: {jsonError.Message}");
            exit = ExitCodes.InvalidInput;
        }

        return null;
    }
}
