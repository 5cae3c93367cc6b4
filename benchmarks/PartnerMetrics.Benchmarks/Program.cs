using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/PartnerMetrics.Benchmarks -- --filter '*'</c>;
/// <c>-- --quick</c> runs every benchmark once on small sizes (what CI runs);
/// <c>-- --paired-import ROWS ROUNDS</c> times <see cref="ImportBenchmarks"/>' DuckDB and library import in alternation (docs/benchmarks.md);
/// <c>-- --write-salesforce-csv ROWS FILE</c> writes the export that <see cref="ImportBenchmarks"/> reads (for eng/import-memory.sh);
/// <c>-- --write-portfolio PARTNERSHIPS FILE</c> writes a <see cref="SyntheticPortfolio"/> of about 100 items a partnership (for eng/score-timing.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--write-salesforce-csv", var rows, var file])
        {
            ImportBenchmarks.Write(file, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        if (args is ["--paired-import", var pairedRows, var rounds])
        {
            ImportBenchmarks.Paired(int.Parse(pairedRows, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
            return 0;
        }

        if (args is ["--write-portfolio", var partnerships, var portfolioFile])
        {
            using var stream = File.Create(portfolioFile);
            Serialization.PartnerMetricsJson.Serialize(stream, SyntheticPortfolio.Create(int.Parse(partnerships, System.Globalization.CultureInfo.InvariantCulture), evidencePerPartnership: 100));
            return 0;
        }

        var config = DefaultConfig.Instance;
        if (args.Contains("--quick"))
        {
            Environment.SetEnvironmentVariable(Suite.QuickVariable, "1");
            args = [.. args.Where(a => a != "--quick"), .. args.Contains("--filter") ? [] : new[] { "--filter", "*" }];
            config = config.WithArtifactsPath(Path.Combine(config.ArtifactsPath, "quick"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

        // A benchmark that throws is reported, not fatal, in BenchmarkDotNet: fail the run instead.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
