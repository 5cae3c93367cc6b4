using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>Text from an input made safe to print on a terminal: control characters (escape sequences among them) shown as U+FFFD.</summary>
internal static class Terminal
{
    /// <summary>The longest text of an input that a table cell shows before cutting it with an ellipsis.</summary>
    public const int MaxCell = 40;

    /// <summary>
    /// Replaces every control character (C0, DEL and C1, so ESC and CSI among them) and every explicit bidirectional
    /// embedding, override or isolate with U+FFFD.
    /// </summary>
    public static string Safe(string text) => string.Create(text.Length, text, static (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = Unsafe(text[i]) ? '\uFFFD' : text[i];
        }
    });

    /// <summary>
    /// A control character, or an explicit bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to
    /// U+2069): in a terminal that lays out right-to-left text, a right-to-left override in a partner's name (from a CRM
    /// user) reverses the rest of its line, so the row's score 58 would read 85.
    /// </summary>
    public static bool Unsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// Text of an input as the markup of a table cell: at most <paramref name="width"/> characters (cut first, so a
    /// name of any length costs only its first characters), control characters replaced, markup escaped.
    /// </summary>
    public static string Cell(string? text, int width = MaxCell) => Markup.Escape(PlainCell(text, width));

    /// <summary>Text of an input as a table cell shows it (<see cref="Cell"/> without the markup escaped): at most <paramref name="width"/> characters, control characters replaced.</summary>
    public static string PlainCell(string? text, int width = MaxCell) => Safe(Shorten(text ?? string.Empty, width));

    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> characters ending with an ellipsis, never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[width - 2]) ? width - 2 : width - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}

/// <summary>
/// A writer that passes text on with every control character but line breaks and tabs, and every explicit bidirectional
/// formatting character (<see cref="Terminal.Unsafe"/>), replaced by U+FFFD, so no message, notice or value quoted from an
/// input can send an escape sequence to the terminal or reverse the rest of a line.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => inner.Write(Printable(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null || !value.Any(c => Printable(c) != c))
        {
            inner.Write(value);
            return;
        }

        inner.Write(string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = Printable(text[i]);
            }
        }));
    }

    public override void Flush() => inner.Flush();

    private static char Printable(char c) => c is '\n' or '\r' or '\t' || !Terminal.Unsafe(c) ? c : '\uFFFD';
}
