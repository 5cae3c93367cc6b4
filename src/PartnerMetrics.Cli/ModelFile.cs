using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>The <c>--model</c> option of <c>demo</c>, <c>score</c> and <c>backtest</c>: a <see cref="HealthModel"/> in its JSON form.</summary>
internal static class ModelFile
{
    private static readonly JsonSerializerOptions Indented = new(PartnerMetricsJson.Options) { WriteIndented = true };

    /// <summary>Creates the <c>--model</c> option.</summary>
    public static Option<FileInfo?> Option() => new("--model")
    {
        Description = $"Score with this health model: a HealthModel in its JSON form ({DocsLinks.Docs}scoring.md), such as the one 'backtest --fit --out' writes. Default: the default model.",
        HelpName = "model.json",
    };

    /// <summary>Writes a model in the JSON form that <c>--model</c> reads, indented so that a person can read and edit it.</summary>
    /// <param name="model">The model.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(HealthModel model, TextWriter writer)
    {
        var info = (JsonTypeInfo<HealthModel>)Indented.GetTypeInfo(typeof(HealthModel));
        writer.WriteLine(JsonSerializer.Serialize(model, info));
    }

    /// <summary>Reads the model of <c>--model</c>, or takes the default model when the option is not given.</summary>
    /// <param name="path">The file, or <see langword="null"/> for the default model.</param>
    /// <param name="error">Where a problem is written.</param>
    /// <param name="exit">
    /// <see cref="ExitCodes.Success"/>; <see cref="ExitCodes.Usage"/> for <c>-</c>; <see cref="ExitCodes.InvalidInput"/> when the file is not a valid model (the message
    /// names the JSON path); <see cref="ExitCodes.InputUnreadable"/> when it cannot be read.
    /// </param>
    /// <returns>A scorer with the model, or <see langword="null"/> when <paramref name="exit"/> is not success.</returns>
    public static HealthScorer? Read(FileInfo? path, TextWriter error, out int exit)
    {
        exit = ExitCodes.Success;
        if (path is null)
        {
            return new HealthScorer();
        }

        // "-" is standard input or output on every other option; here it would be a file of that name.
        if (StandardInput.Is(path))
        {
            error.WriteLine("--model -: a model is read from a file, not from standard input; give it a file name.");
            exit = ExitCodes.Usage;
            return null;
        }

        BlankWatch? watch = null;
        try
        {
            using var stream = watch = new BlankWatch(path.OpenRead());
            return new HealthScorer(PartnerMetricsJson.Deserialize<HealthModel>(stream));
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read the model {path.FullName}: {ReadErrors.Why(readError, path.FullName)}");
            exit = ExitCodes.InputUnreadable;
        }
        catch (JsonException jsonError)
        {
            error.WriteLine(watch is { Blank: true }
                ? $"{path.Name} (--model): the file is empty: a model is a JSON object such as the one 'backtest --fit --out' writes ({{}} is the default model)."
                : watch is { Utf16: true }
                ? $"{path.Name} (--model): the file is UTF-16 text (it starts with a UTF-16 byte-order mark); a model is JSON in UTF-8: save it as UTF-8."
                : $"{path.Name} (--model): {jsonError.Message}");
            exit = ExitCodes.InvalidInput;
        }

        return null;
    }
}
