using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection;

/// <summary>
/// Binds <see cref="PartnerMetricsOptions"/> from a configuration section, without reflection. A value
/// of the wrong type, a value the library rejects and a key that is no setting are kept, each starting
/// with its configuration path (<c>PartnerMetrics:Model:DimensionWeights:Trust: …</c>), for
/// <see cref="PartnerMetricsOptionsValidator"/> to report when the host starts; the binding itself never throws.
/// </summary>
/// <remarks>
/// Keys match settings ignoring case, as in the configuration binder. An empty value leaves its setting
/// as it is. The <c>Model</c> section is read by the health model's own JSON form
/// (<see cref="PartnerMetricsJson"/>), laid over the current model, so its settings, names and checks
/// are those of a model file and are described in one place.
/// </remarks>
internal sealed class ConfigurationBinding(IConfiguration configuration) : IConfigureOptions<PartnerMetricsOptions>
{
    /// <summary>The one model setting whose keys are data (factor codes), not setting names.</summary>
    private static readonly string PriorMeans = JsonNamingPolicy.CamelCase.ConvertName(nameof(HealthModel.PriorMeans));

    /// <summary>The characters that make System.Text.Json quote a property name in a path (<c>$['a.b']</c>).</summary>
    private static readonly System.Buffers.SearchValues<char> Quoted = System.Buffers.SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    public void Configure(PartnerMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.ConfigurationFailures;
        foreach (var setting in configuration.GetChildren())
        {
            if (Is(setting, nameof(PartnerMetricsOptions.ModelPath)))
            {
                if (Value(setting, failures) is { } path)
                {
                    options.ModelPath = path;
                    options.ModelPathSetting = (setting.Path, path);
                }
            }
            else if (Is(setting, nameof(PartnerMetricsOptions.Model)))
            {
                // An empty section ("Model": {}, which configuration reads as an empty value) sets nothing, and nor does
                // a section of empty values, which leave their settings as they are: neither stands against a ModelPath.
                if (IsSection(setting, failures) && setting.GetChildren().Any())
                {
                    BindModel(options, setting, failures);
                    if (setting.AsEnumerable().Any(s => !string.IsNullOrEmpty(s.Value)))
                    {
                        options.ModelSection = setting.Path;
                    }
                }
            }
            else if (Is(setting, nameof(PartnerMetricsOptions.Pipeline)))
            {
                if (IsSection(setting, failures))
                {
                    options.Pipeline = BindPipeline(options.Pipeline ?? new PipelineOptions(), setting, failures);
                }
            }
            else
            {
                failures.Add($"{setting.Path}: not a setting of {nameof(PartnerMetricsOptions)}; the settings are {nameof(PartnerMetricsOptions.ModelPath)}, {nameof(PartnerMetricsOptions.Model)} and {nameof(PartnerMetricsOptions.Pipeline)}.");
            }
        }
    }

    private static PipelineOptions BindPipeline(PipelineOptions pipeline, IConfigurationSection section, List<string> failures)
    {
        foreach (var setting in section.GetChildren())
        {
            if (Is(setting, nameof(PipelineOptions.TopPartners)))
            {
                pipeline = Set(pipeline, setting, failures, WholeNumber, (p, n) => p with { TopPartners = n });
            }
            else if (Is(setting, nameof(PipelineOptions.TopCustomers)))
            {
                pipeline = Set(pipeline, setting, failures, WholeNumber, (p, n) => p with { TopCustomers = n });
            }
            else if (Is(setting, nameof(PipelineOptions.RemainingTarget)))
            {
                pipeline = Set(pipeline, setting, failures, Amount, (p, n) => p with { RemainingTarget = n });
            }
            else
            {
                failures.Add($"{setting.Path}: not a setting of {nameof(PipelineOptions)}; the settings are {nameof(PipelineOptions.TopPartners)}, {nameof(PipelineOptions.TopCustomers)} and {nameof(PipelineOptions.RemainingTarget)}.");
            }
        }

        return pipeline;
    }

    /// <summary>Parses a value and sets it through the library's validating accessor; a problem leaves the options as they were.</summary>
    private static PipelineOptions Set<T>(PipelineOptions pipeline, IConfigurationSection setting, List<string> failures, Func<string, (T Value, string? Problem)> parse, Func<PipelineOptions, T, PipelineOptions> with)
    {
        if (Value(setting, failures) is not { } text)
        {
            return pipeline;
        }

        var (value, problem) = parse(text);
        if (problem is not null)
        {
            failures.Add($"{setting.Path}: {problem}");
            return pipeline;
        }

        try
        {
            return with(pipeline, value);
        }
        catch (ArgumentException error)
        {
            failures.Add($"{setting.Path}: {Sentence(error)}");
            return pipeline;
        }
    }

    private static (int Value, string? Problem) WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? (value, null)
        : System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? (0, $"must be a whole number from -2147483648 to 2147483647; got '{text}'.")
        : (0, $"must be a whole number; got '{text}'.");

    private static (decimal? Value, string? Problem) Amount(string text) =>
        // Float: a point for decimals, no thousands separators — "1,5" is not read as 15. A number with more digits than a
        // decimal holds would be read rounded (1.5e-30 as 0): refused, quoting the text.
        !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (null, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? $"is beyond the range of a decimal (±79228162514264337593543950335); got '{text}'."
                : $"must be a number with a point for decimals, such as 1500000.50; got '{text}'.")
        : !DecimalText.IsExact(text, value) ? (null, $"has more digits than a decimal holds exactly (28 after the point), so it would be read rounded; got '{text}'.")
        : (value, null);

    /// <summary>
    /// Lays the section over the JSON form of the current model and reads the result as a model file is
    /// read; a problem the reader finds is reported under the configuration path of the JSON path it names.
    /// </summary>
    private static void BindModel(PartnerMetricsOptions options, IConfigurationSection section, List<string> failures)
    {
        var model = JsonNode.Parse(PartnerMetricsJson.Serialize(options.Model ?? HealthModel.Default))!.AsObject();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal) { ["$"] = section.Path };
        Overlay(model, section, "$", open: false, paths, failures);
        try
        {
            options.Model = PartnerMetricsJson.Deserialize<HealthModel>(model.ToJsonString());
        }
        catch (JsonException error)
        {
            failures.Add($"{ConfigurationPath(error.Path, paths)}: {error.Message}");
        }
    }

    /// <summary>Sets each value of a section in a JSON object, keeping the JSON type of the setting it replaces.</summary>
    /// <param name="target">The JSON object of the current settings.</param>
    /// <param name="section">The configuration section.</param>
    /// <param name="jsonPath">The JSON path of <paramref name="target"/>.</param>
    /// <param name="open">Whether the object is a map whose keys are data, where any key may be added.</param>
    /// <param name="paths">Collects the configuration path of each JSON path that the section sets.</param>
    /// <param name="failures">Collects the problems.</param>
    private static void Overlay(JsonObject target, IConfigurationSection section, string jsonPath, bool open, Dictionary<string, string> paths, List<string> failures)
    {
        foreach (var setting in section.GetChildren())
        {
            // Setting names ignore case; the keys of a map are data (factor codes), matched as written.
            var comparison = open ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            var name = target.Select(p => p.Key).FirstOrDefault(key => string.Equals(key, setting.Key, comparison));
            if (name is null && !open)
            {
                failures.Add($"{setting.Path}: not a setting of the health model (see the model file format: PartnerMetricsJson, HealthModel).");
                continue;
            }

            name ??= setting.Key;
            var path = JsonPath(jsonPath, name, paths, setting.Path);
            var current = target[name];
            if (setting.GetChildren().Any())
            {
                if (current is JsonObject inner)
                {
                    Overlay(inner, setting, path, open: string.Equals(name, PriorMeans, StringComparison.Ordinal), paths, failures);
                }
                else
                {
                    failures.Add($"{setting.Path}: must be a single value, not a section.");
                }

                continue;
            }

            if (string.IsNullOrEmpty(setting.Value))
            {
                continue;
            }

            switch (current)
            {
                case JsonObject:
                    failures.Add($"{setting.Path}: must be a section of settings, not a single value; got '{setting.Value}'.");
                    break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.String:
                    target[name] = setting.Value;
                    break;
                default:
                    // A number, or a new entry of a map, whose values are numbers; anything else the model's reader reports.
                    if (double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    {
                        if (Underflows(setting.Value, number))
                        {
                            // As a model file says of it: a weight of 1e-400 would disable its dimension without a word.
                            failures.Add($"{setting.Path}: the number {setting.Value} is too small for a double: it would read as 0. Write 0, or a number of magnitude 5e-324 or more.");
                            break;
                        }

                        // The number as written, not the double: the model's reader then reads it as a file's number, to the bit
                        // (a double written back by JSON's shortest form may read as its neighbour) and as the setting's type
                        // (a whole-number setting refuses 12.0000000000000001 rather than take the 12 a double rounds it to).
                        target[name] = JsonNode.Parse(JsonNumber(setting.Value));
                    }
                    else if (current is null)
                    {
                        target[name] = setting.Value;
                    }
                    else
                    {
                        failures.Add($"{setting.Path}: must be a finite number; got '{setting.Value}'.");
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A number that <see cref="double.TryParse(string?, NumberStyles, IFormatProvider?, out double)"/> read with
    /// <see cref="NumberStyles.Float"/>, in JSON's syntax with every digit kept: without spaces, a <c>+</c>, leading zeros
    /// or a bare point (<c>" +007.5 "</c> as <c>7.5</c>, <c>.5</c> as <c>0.5</c>, <c>5.</c> as <c>5</c>).
    /// </summary>
    private static string JsonNumber(string text)
    {
        // The white space NumberStyles.Float allows around a number, and the NUL characters double.TryParse ignores after it.
        var number = text.Trim(" \t\n\v\f\r\0".ToCharArray());
        var sign = number[0] == '-' ? "-" : string.Empty;
        number = number[0] is '+' or '-' ? number[1..] : number;
        var exponent = number.AsSpan().IndexOfAny('e', 'E');
        var mantissa = exponent < 0 ? number : number[..exponent];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? mantissa : mantissa[..point]).TrimStart('0');
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        return $"{sign}{(whole.Length == 0 ? "0" : whole)}{(fraction.Length == 0 ? string.Empty : "." + fraction)}{(exponent < 0 ? string.Empty : number[exponent..])}";
    }

    /// <summary>Whether a number written with a digit other than 0 before its exponent read as 0: too small for a double.</summary>
    private static bool Underflows(string text, double number)
    {
        var exponent = text.AsSpan().IndexOfAny('e', 'E');
        return number == 0 && (exponent < 0 ? text.AsSpan() : text.AsSpan(0, exponent)).IndexOfAnyInRange('1', '9') >= 0;
    }

    /// <summary>The JSON path of a property, as System.Text.Json writes it, recorded with its configuration path in both of its forms.</summary>
    private static string JsonPath(string parent, string name, Dictionary<string, string> paths, string configurationPath)
    {
        var plain = $"{parent}.{name}";
        paths[plain] = configurationPath;
        if (name.AsSpan().IndexOfAny(Quoted) < 0)
        {
            return plain;
        }

        var quoted = $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
        paths[quoted] = configurationPath;
        return quoted;
    }

    /// <summary>The configuration path of a JSON path, or of its nearest ancestor that the section set.</summary>
    private static string ConfigurationPath(string? jsonPath, Dictionary<string, string> paths)
    {
        var path = jsonPath ?? "$";
        while (!paths.ContainsKey(path) && path.Length > 1)
        {
            var cut = path.EndsWith("']", StringComparison.Ordinal) ? path.LastIndexOf("['", StringComparison.Ordinal)
                : path.EndsWith(']') ? path.LastIndexOf('[')
                : path.LastIndexOf('.');
            path = cut > 0 ? path[..cut] : "$";
        }

        return paths.TryGetValue(path, out var configurationPath) ? configurationPath : paths["$"];
    }

    private static bool Is(IConfigurationSection setting, string name) => string.Equals(setting.Key, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A single value, or <see langword="null"/> when it is empty (the setting stays as it is) or is a section (a problem).</summary>
    private static string? Value(IConfigurationSection setting, List<string> failures)
    {
        if (setting.GetChildren().Any())
        {
            failures.Add($"{setting.Path}: must be a single value, not a section.");
            return null;
        }

        return string.IsNullOrEmpty(setting.Value) ? null : setting.Value;
    }

    /// <summary>Whether a setting is a section; an empty value is allowed and sets nothing.</summary>
    private static bool IsSection(IConfigurationSection setting, List<string> failures)
    {
        if (setting.GetChildren().Any() || string.IsNullOrEmpty(setting.Value))
        {
            return true;
        }

        failures.Add($"{setting.Path}: must be a section of settings, not a single value; got '{setting.Value}'.");
        return false;
    }

    /// <summary>An argument exception's own sentence, without the " (Parameter 'x')" and "Actual value was …" that <see cref="ArgumentException.Message"/> appends.</summary>
    private static string Sentence(ArgumentException error)
    {
        var message = error.Message;
        var suffix = message.IndexOf($" (Parameter '{error.ParamName}')", StringComparison.Ordinal);
        return suffix < 0 ? message : message[..suffix];
    }
}
