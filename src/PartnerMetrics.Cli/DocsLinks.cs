namespace PartnerMetrics.Cli;

/// <summary>Where the documentation is, for messages and help: a public address, since a tool user has no docs folder.</summary>
internal static class DocsLinks
{
    /// <summary>The documentation folder of the repository, with a trailing slash: add a file name such as <c>cli.md</c>.</summary>
    public const string Docs = "https://github.com/partnermetrics/partnermetrics/blob/main/docs/";
}
