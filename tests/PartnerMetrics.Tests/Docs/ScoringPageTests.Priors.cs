using System.Text.RegularExpressions;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Docs;

/// <summary>The version mark of a model with learnt priors, as the page quotes it.</summary>
public partial class ScoringPageTests
{
    /// <summary>
    /// "The model's version gains <c>+priors.</c> and eight hexadecimal digits of the means": the page's example is the
    /// default model's version so marked, the form <see cref="HealthModel.WithPriorsFrom"/> gives it.
    /// </summary>
    [Fact]
    public void Priors_TheVersionExampleIsTheDefaultModelsVersionMarked()
    {
        var example = Regex.Match(Section("**Rates are posteriors, always present**", "**Facts.**"), @"""([^""\s]+)\+priors\.([0-9a-f]{8})""");
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller), T.AddDays(-100), commitments: [new Commitment(Side.Vendor, T, CommitmentOutcome.Broken, T)])]);

        var learnt = HealthModel.Default.WithPriorsFrom(portfolio, T);

        Assert.True(example.Success, "The page quotes no version with learnt priors.");
        Assert.Equal(HealthModel.Default.Version, example.Groups[1].Value);
        Assert.Matches($@"^{Regex.Escape(example.Groups[1].Value)}\+priors\.[0-9a-f]{{8}}$", learnt.Version);
    }
}
