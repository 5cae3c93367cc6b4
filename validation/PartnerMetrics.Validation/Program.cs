using System.Diagnostics;
using PartnerMetrics.Validation.Harness;

var options = new ValidationOptions { Partnerships = int.Parse(args.ElementAtOrDefault(0) ?? "2000", System.Globalization.CultureInfo.InvariantCulture), Seeds = 2 };
var watch = Stopwatch.StartNew();
var runs = ValidationRun.Execute(options, Console.WriteLine);
foreach (var run in runs)
{
    Console.WriteLine(run.Variant.Name);
    foreach (var signal in Signal.All)
    {
        var r = run.Pooled[signal];
        Console.WriteLine($"  {signal.Name,-30} AUC {r.Auc:0.000}±{r.AucStandardError:0.000} cap {run.Captured(signal):0.00} rho {r.ReferenceSpearman:0.00} rev {r.OutcomeSpearman:0.00} conf {r.ConfidenceErrorSpearman:0.00} bands {string.Join(", ", r.Bands.Select(b => $"{b.Band}:{b.Count}/{b.ChurnRate:P0}"))} half {string.Join("/", run.HealthierHalfByLogging[signal].Select(x => $"{x:0.0}"))}");
    }
}
Console.WriteLine(watch.Elapsed);
