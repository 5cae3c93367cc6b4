using System.Text.Json;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>Reads the portfolio argument of <c>score</c> and <c>backtest</c>: a portfolio in the PartnerMetrics JSON form (docs/model.md).</summary>
internal static class PortfolioFile
{
    /// <summary>Reads a portfolio file, under a spinner when it is large and the console is an interactive terminal.</summary>
    /// <param name="path">The file.</param>
    /// <param name="output">The console output, for the spinner.</param>
    /// <param name="error">Where a problem is written.</param>
    /// <param name="exit">
    /// <see cref="ExitCodes.Success"/>; <see cref="ExitCodes.InvalidInput"/> when the file is not a valid portfolio (the
    /// message names the JSON path); <see cref="ExitCodes.InputUnreadable"/> when it cannot be read.
    /// </param>
    /// <returns>The portfolio, or <see langword="null"/> when <paramref name="exit"/> is not success.</returns>
    public static Portfolio? Read(FileInfo path, TextWriter output, TextWriter error, out int exit)
    {
        exit = ExitCodes.Success;
        try
        {
            using var stream = path.OpenRead();
            return CommandOutput.WithStatus($"Reading {path.Name}", stream.Length, output, () => PartnerMetricsJson.Deserialize<Portfolio>(stream));
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {path.FullName}: {readError.Message}");
            exit = ExitCodes.InputUnreadable;
        }
        catch (JsonException jsonError)
        {
            error.WriteLine($"{path.Name}: {jsonError.Message}");
            exit = ExitCodes.InvalidInput;
        }

        return null;
    }
}
