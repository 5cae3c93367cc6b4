using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Serialization;

/// <summary>
/// The short texts one read has already made, found again by their UTF-8 bytes: a district, a stage, a competency or a
/// partner's id that a portfolio repeats on every deal and certification becomes one string, not one per occurrence.
/// </summary>
/// <remarks>
/// A fixed table of <see cref="Slots"/> strings, each in the slot of its bytes' hash; a new text takes the slot of the one
/// it collides with. Only unescaped ASCII texts of at most <see cref="MaxLength"/> bytes are kept, so a kept string's
/// characters are its bytes, and a hit is a comparison of the two. A text is the same string value whether or not it
/// is found here: only the number of strings the model holds changes. One reader, one thread.
/// </remarks>
internal sealed class TextCache
{
    /// <summary>The number of strings kept: a power of two.</summary>
    public const int Slots = 512;

    /// <summary>The longest text kept, in bytes; a longer one is read as a new string each time.</summary>
    public const int MaxLength = 32;

    private readonly string?[] strings = new string[Slots];

    /// <summary>Returns the reader's string value (it is on a <see cref="JsonTokenType.String"/>), as a string this cache already holds when it can.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        ref var slot = ref strings[Slot(utf8)];
        if (slot is { } kept && kept.Length == utf8.Length && Ascii.Equals(utf8, kept))
        {
            return kept;
        }

        var text = reader.GetString()!;

        // As many characters as bytes only when every byte is ASCII: any other UTF-8 sequence is two bytes or more a character.
        if (text.Length == utf8.Length)
        {
            slot = text;
        }

        return text;
    }

    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        // FNV-1a over the bytes, then the high bits folded in, as a table of a power of two reads only the low ones.
        var hash = 14695981039346656037UL;
        foreach (var b in utf8)
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return (int)((hash ^ (hash >> 32)) & (Slots - 1));
    }
}
