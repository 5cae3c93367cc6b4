using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartnerMetrics.Health;

namespace PartnerMetrics.DependencyInjection;

/// <summary>
/// Checks the options at start-up, so that a bad setting fails the host, not the first request: the
/// problems found while binding configuration (each under its configuration path), then the model file
/// or model and the pipeline options. Every problem is reported, not only the first.
/// </summary>
internal sealed class PartnerMetricsOptionsValidator(IHostEnvironment? host = null) : IValidateOptions<PartnerMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, PartnerMetricsOptions options)
    {
        // A binding registered twice records its problems twice; each is reported once.
        var failures = options.ConfigurationFailures.Distinct(StringComparer.Ordinal).ToList();
        if (options.Pipeline is null)
        {
            failures.Add($"PartnerMetrics: '{nameof(PartnerMetricsOptions.Pipeline)}' must not be null.");
        }

        if (options.Models is not null)
        {
            // A set chooses among its own models: a model beside it would be read and not used.
            const string Beside = "set beside 'Models', a model set that chooses among its own models, so";
            if (options.ModelPath is not null)
            {
                failures.Add($"{options.ModelPathName}: {Beside} the file would be ignored; give the set the file's model, or leave out one of the two.");
            }

            if (options.ModelSection is { } setSection)
            {
                failures.Add($"{setSection}: {Beside} these settings would be ignored; put them in the set's models, or leave out one of the two.");
            }
            else if (options.Model is { } setModel && !setModel.Equals(HealthModel.Default))
            {
                failures.Add($"PartnerMetrics: '{nameof(PartnerMetricsOptions.Model)}' was set in code beside 'Models', a model set that chooses among its own models, so it would be ignored; put it in the set, or leave out one of the two.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (options.ModelSection is { } section && options.ModelPath is not null)
        {
            // The file replaces the whole model, so the section's settings would be read and then silently not used.
            failures.Add($"{section}: set beside {options.ModelPathName}, whose file replaces the whole model, so these settings would be ignored; put them in the file, or leave out one of the two.");
        }
        else if (options.ModelPath is not null && options.Model is { } model && !model.Equals(HealthModel.Default))
        {
            // So would a model set in code (o.Model = …), in the same action or another one.
            failures.Add($"PartnerMetrics: '{nameof(PartnerMetricsOptions.Model)}' was set in code beside {options.ModelPathName}, whose file replaces the whole model, so it would be ignored; keep the model in the file, or leave out one of the two.");
        }

        try
        {
            options.ValidatedModel = PartnerHealth.ModelOf(options, host);
        }
        catch (OptionsValidationException error)
        {
            failures.AddRange(error.Failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
