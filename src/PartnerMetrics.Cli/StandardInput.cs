namespace PartnerMetrics.Cli;

/// <summary>The file argument <c>-</c>, which <c>score</c> and <c>pipeline</c> read as standard input.</summary>
internal static class StandardInput
{
    /// <summary>What messages call standard input in place of a file name.</summary>
    public const string Name = "(standard input)";

    /// <summary>Whether the argument is <c>-</c> itself (not a file named <c>-</c> in another directory, <c>./-</c>).</summary>
    public static bool Is(FileInfo path) => path.Name == "-" && path.ToString() == "-";

    /// <summary>What messages and reports call a file argument: its name, or <see cref="Name"/> for <c>-</c>.</summary>
    public static string NameOf(FileInfo path) => Is(path) ? Name : path.Name;
}
