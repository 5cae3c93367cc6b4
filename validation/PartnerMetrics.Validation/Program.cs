using PartnerMetrics.Validation.Simulation;

var asOf = new DateOnly(2025, 6, 30);
foreach (var variant in Variants.All)
{
    var root = new Rng(1);
    var parameters = variant.Draw(root.Derive(99));
    var sim = new PartnershipSimulator(parameters, root, asOf, variant.Name);
    var list = Enumerable.Range(0, 2000).Select(sim.Simulate).ToList();
    var scorer = new PartnerMetrics.Health.HealthScorer();
    var churn = list.Count(s => s.Churned) / (double)list.Count;
    var ev = list.Average(s => s.Partnership.Interactions.Length + s.Partnership.Commitments.Length + s.Partnership.Opportunities.Length);
    var scores = list.Select(s => scorer.Score(s.Partnership, asOf)).ToList();
    Console.WriteLine($"{variant.Name}: churn {churn:P1} evidence {ev:F0} log {list.Average(s => s.LoggingPropensity):F2} health {list.Average(s => s.LatentHealth):F2} score {scores.Average(r => r.Score):F1} conf {scores.Average(r => r.Confidence):F2}");
}
