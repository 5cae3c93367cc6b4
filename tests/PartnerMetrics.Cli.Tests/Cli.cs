namespace PartnerMetrics.Cli.Tests;

/// <summary>Runs the command line in process and captures what it writes.</summary>
internal static class Cli
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
