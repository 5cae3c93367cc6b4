using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation.Harness;

/// <summary>One setting of the default model moved to one other value: what it is, and the model with it.</summary>
/// <param name="Setting">The setting's name, as <see cref="HealthModel"/> spells it.</param>
/// <param name="DefaultValue">The default value, as the page writes it.</param>
/// <param name="Value">The value tried, as the page writes it.</param>
/// <param name="Model">The default model with that one setting changed.</param>
public sealed record SettingTrial(string Setting, string DefaultValue, string Value, HealthModel Model);

/// <summary>
/// The default model's modelling settings moved one at a time, to half and twice their default (λ to 1, no loss aversion,
/// and 4): half-lives, κ, the fact maturity, the grace period, the prior's strength, the cadence's weeks and λ. The
/// business targets (response and resolution targets, registration and update windows, the satisfaction threshold) are
/// left out on purpose: they say what a company counts as on time, and a gain from moving them towards the simulator's
/// delays would be tuning the model to the simulator.
/// </summary>
public static class SettingSweep
{
    /// <summary>Gets every trial, in the page's order.</summary>
    public static ImmutableArray<SettingTrial> Trials { get; } = Build(HealthModel.Default);

    private static ImmutableArray<SettingTrial> Build(HealthModel d)
    {
        var trials = ImmutableArray.CreateBuilder<SettingTrial>();
        HalfAndTwice(nameof(HealthModel.TrustHalfLife), d.TrustHalfLife, v => d with { TrustHalfLife = v });
        HalfAndTwice(nameof(HealthModel.CompetencyHalfLife), d.CompetencyHalfLife, v => d with { CompetencyHalfLife = v });
        HalfAndTwice(nameof(HealthModel.CooperationHalfLife), d.CooperationHalfLife, v => d with { CooperationHalfLife = v });
        HalfAndTwice(nameof(HealthModel.TrackedProgressHalfLife), d.TrackedProgressHalfLife, v => d with { TrackedProgressHalfLife = v });
        HalfAndTwice(nameof(HealthModel.EscalationHalfLife), d.EscalationHalfLife, v => d with { EscalationHalfLife = v });
        HalfAndTwice(nameof(HealthModel.FactMaturity), d.FactMaturity, v => d with { FactMaturity = v });
        HalfAndTwice(nameof(HealthModel.GracePeriod), d.GracePeriod, v => d with { GracePeriod = v });
        foreach (var f in (ReadOnlySpan<double>)[0.5, 2])
        {
            trials.Add(new(nameof(HealthModel.Kappa), Text(d.Kappa), Text(d.Kappa * f), d with { Kappa = d.Kappa * f }));
        }

        foreach (var f in (ReadOnlySpan<double>)[0.5, 2])
        {
            // The prior's strength α + β, its mean kept: α and β scaled together.
            trials.Add(new("PriorPositive = PriorNegative", Text(d.PriorPositive), Text(d.PriorPositive * f), d with { PriorPositive = d.PriorPositive * f, PriorNegative = d.PriorNegative * f }));
        }

        foreach (var weeks in (ReadOnlySpan<int>)[d.CadenceWeeks / 2, d.CadenceWeeks * 2])
        {
            trials.Add(new(nameof(HealthModel.CadenceWeeks), Text(d.CadenceWeeks), Text(weeks), d with { CadenceWeeks = weeks }));
        }

        foreach (var lambda in (ReadOnlySpan<double>)[1, 4])
        {
            trials.Add(new(nameof(HealthModel.LossAversion), Text(d.LossAversion), Text(lambda), d with { LossAversion = lambda }));
        }

        return trials.ToImmutable();

        void HalfAndTwice(string setting, TimeSpan value, Func<TimeSpan, HealthModel> with)
        {
            foreach (var f in (ReadOnlySpan<double>)[0.5, 2])
            {
                trials.Add(new(setting, Days(value), Days(value * f), with(value * f)));
            }
        }
    }

    private static string Days(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalDays:0.#} d");

    private static string Text(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
