namespace PartnerMetrics.Cli;

/// <summary>The exit codes of <c>partnermetrics</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran.</summary>
    public const int Success = 0;

    /// <summary>The command line itself was wrong (System.CommandLine reports it): 1.</summary>
    public const int Usage = 1;

    /// <summary>The input was read but is not valid (its errors name the field and the JSON path): 2.</summary>
    public const int InvalidInput = 2;

    /// <summary>The input file could not be read: 3.</summary>
    public const int InputUnreadable = 3;

    /// <summary>The output file (<c>--out</c>) could not be written: 4.</summary>
    public const int OutputUnwritable = 4;
}
