namespace PartnerMetrics.Import;

/// <summary>An argument exception's message as a sentence for a user: without what .NET appends to it.</summary>
internal static class ArgumentSentence
{
    /// <summary>The message without the parameter's name (" (Parameter 'x')") and an out-of-range value's "Actual value was …" line.</summary>
    public static string Of(ArgumentException error)
    {
        var message = error.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        message = end < 0 ? message : message[..end];
        return error.ParamName is { } name ? message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : message;
    }
}
