using System.Text.Json.Serialization;

namespace PartnerMetrics.Cli;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PortfolioSummary))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
