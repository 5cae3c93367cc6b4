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
}
