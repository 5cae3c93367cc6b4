using SharpFuzz;

namespace PartnerMetrics.Fuzz;

/// <summary>
/// <c>PartnerMetrics.Fuzz &lt;target&gt;</c> runs a target of <see cref="Targets.All"/> (json, csv, score, writers,
/// import) under afl-fuzz (eng/fuzz.sh); <c>PartnerMetrics.Fuzz &lt;target&gt; &lt;file&gt;...</c> runs it once on each
/// file and reports what failed (on a build that is not instrumented).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: PartnerMetrics.Fuzz <{string.Join('|', Targets.All.Keys)}> [file...]");
            return 1;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target(buffer.ToArray());
            });
            return 0;
        }

        var failures = 0;
        foreach (var file in args.Skip(1))
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception error)
            {
                failures++;
                Console.Error.WriteLine($"{file}: {error}");
            }
        }

        Console.WriteLine($"{args.Length - 1 - failures} passed, {failures} failed");
        return failures == 0 ? 0 : 2;
    }
}
