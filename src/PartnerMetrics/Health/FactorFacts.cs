namespace PartnerMetrics.Health;

/// <summary>The counts behind a factor, kept so that its reason is written only when someone reads it.</summary>
internal readonly record struct FactorFacts(int First, int Second, int Third, int Fourth, double Measure);
