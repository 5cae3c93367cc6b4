using Microsoft.Extensions.Options;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Checks the options at start-up, so a bad model file fails the host, not the first request.</summary>
internal sealed class PartnerMetricsOptionsValidator : IValidateOptions<PartnerMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, PartnerMetricsOptions options)
    {
        if (options.Pipeline is null)
        {
            return ValidateOptionsResult.Fail($"PartnerMetrics: '{nameof(PartnerMetricsOptions.Pipeline)}' must not be null.");
        }

        try
        {
            PartnerHealth.ModelOf(options);
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException error)
        {
            return ValidateOptionsResult.Fail(error.Failures);
        }
    }
}
