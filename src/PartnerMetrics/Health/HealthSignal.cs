namespace PartnerMetrics.Health;

/// <summary>Something worth acting on that is not itself scored, such as a required certification about to expire.</summary>
/// <remarks>
/// Two signals are equal when their codes and messages are equal. A message may be written only when it is
/// first read: most reports of a history are charted, not read, so the scorer does not format numbers that
/// nobody reads.
/// </remarks>
public readonly record struct HealthSignal
{
    private readonly string? message;
    private readonly SignalMessage? deferred;

    internal HealthSignal(string code, string message)
    {
        Code = code;
        this.message = message;
    }

    internal HealthSignal(string code, SignalMessage message)
    {
        Code = code;
        deferred = message;
    }

    /// <summary>Gets the stable code, such as <see cref="FactorCodes.CertificationExpiring"/>.</summary>
    public string Code { get; }

    /// <summary>Gets a short message for a person.</summary>
    public string Message => message ?? deferred?.Text!;

    /// <inheritdoc/>
    public bool Equals(HealthSignal other) =>
        string.Equals(Code, other.Code, StringComparison.Ordinal) && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Message);

    /// <summary>
    /// The order of signals in a report: by code, then by message, both ordinal. Two deferred messages are
    /// told apart by their fixed beginnings when those differ, without writing the messages.
    /// </summary>
    internal static int Compare(HealthSignal a, HealthSignal b)
    {
        var byCode = string.CompareOrdinal(a.Code, b.Code);
        if (byCode != 0)
        {
            return byCode;
        }

        if (a.deferred is { } first && b.deferred is { } second)
        {
            // Each message begins with its prefix, so a difference inside both prefixes is the messages' first difference.
            var length = Math.Min(first.Prefix.Length, second.Prefix.Length);
            var byPrefix = first.Prefix.AsSpan(0, length).SequenceCompareTo(second.Prefix.AsSpan(0, length));
            if (byPrefix != 0)
            {
                return byPrefix;
            }
        }

        return string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>A signal's message, written on first read and kept; it always begins with <see cref="Prefix"/>.</summary>
internal abstract class SignalMessage(string prefix)
{
    private string? text;

    /// <summary>Gets the fixed beginning of the message, known without writing it.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>Gets the message (written once; two threads that race write equal strings).</summary>
    public string Text => text ??= Checked(Write());

    /// <summary>Writes the message.</summary>
    protected abstract string Write();

    private string Checked(string written)
    {
        System.Diagnostics.Debug.Assert(written.StartsWith(Prefix, StringComparison.Ordinal), "A message begins with its prefix.");
        return written;
    }
}
