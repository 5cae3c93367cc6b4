namespace PartnerMetrics.Cli;

/// <summary>Why an input file could not be read, in the words a user needs.</summary>
internal static class ReadErrors
{
    /// <summary>
    /// The reason to print after "Cannot read PATH: ": a directory given for a file is said to be one (.NET reports it as
    /// "Access to the path … is denied", which sends the user after permissions); anything else as .NET words it.
    /// </summary>
    public static string Why(Exception readError, string path) =>
        readError is UnauthorizedAccessException && Directory.Exists(path) ? "it is a directory; give a file." : readError.Message;

    /// <summary>
    /// Opens a file an option names, for a caller whose message knows no path: a directory is said to be one, with the option
    /// and the path, instead of .NET's "Access to the path … is denied".
    /// </summary>
    /// <exception cref="IOException">The path is a directory, or the file cannot be opened.</exception>
    public static FileStream OpenRead(string path, string option) =>
        Directory.Exists(path) ? throw new IOException($"{option} {path}: it is a directory; give a file.") : File.OpenRead(path);
}
