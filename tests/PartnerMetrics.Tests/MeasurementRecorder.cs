using System.Diagnostics.Metrics;
using System.Globalization;

namespace PartnerMetrics.Tests;

/// <summary>
/// Records every measurement of one meter, with its instrument's name and unit and a copy of its tags, from any thread.
/// Shared by the telemetry tests of the library and of the import package (linked into both test projects).
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<Measurement> measurements = [];

    /// <summary>Starts listening to the instruments of the meter <paramref name="meterName"/>.</summary>
    /// <param name="meterName">The meter's name.</param>
    public MeasurementRecorder(string meterName)
    {
        listener.InstrumentPublished = (instrument, listening) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listening.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Gets whether nothing was recorded.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (measurements)
            {
                return measurements.Count == 0;
            }
        }
    }

    /// <summary>The measurements of the instrument <paramref name="name"/>, in the order recorded.</summary>
    /// <param name="name">The instrument's name.</param>
    /// <returns>A copy: later measurements do not change it.</returns>
    public List<Measurement> Of(string name)
    {
        lock (measurements)
        {
            return [.. measurements.Where(m => m.Name == name)];
        }
    }

    /// <summary>Stops listening: later measurements are not recorded.</summary>
    public void Dispose() => listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (measurements)
        {
            measurements.Add(new Measurement(instrument.Name, instrument.Unit, value.ToDouble(CultureInfo.InvariantCulture), copy));
        }
    }

    /// <summary>One measurement: the instrument's name and unit, the value and the tags.</summary>
    /// <param name="Name">The instrument's name.</param>
    /// <param name="Unit">The instrument's unit.</param>
    /// <param name="Value">The value.</param>
    /// <param name="Tags">The tags.</param>
    public sealed record Measurement(string Name, string? Unit, double Value, Dictionary<string, object?> Tags);
}
