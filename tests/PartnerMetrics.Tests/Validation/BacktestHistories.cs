using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary>Hand-built company histories with known outcomes, for the backtest tests and the docs.</summary>
internal static class BacktestHistories
{
    public static readonly DateOnly T = new(2025, 6, 30);
    private static readonly string[] Required = ["Azure", "Security"];

    /// <summary>
    /// A company whose churn follows partner reliability only: partner i keeps k of 6 commitments and
    /// churns when k ≤ 2; its certification coverage is unrelated to churn (i mod 3 of 2 required).
    /// </summary>
    public static (Partnership[] Partnerships, ChurnOutcome[] Outcomes) TrustDrivenCompany(int partners = 90)
    {
        var partnerships = new List<Partnership>();
        var outcomes = new List<ChurnOutcome>();
        for (var i = 0; i < partners; i++)
        {
            var id = new PartnerId($"P-{i:000}");
            var kept = i % 7;
            var certified = Required.Take(i % 3);
            partnerships.Add(new Partnership(
                new Partner(id, id.Value!, PartnerType.Reseller),
                T.AddDays(-500),
                requiredCompetencies: Required,
                commitments: Enumerable.Range(0, 6).Select(c => new Commitment(
                    Side.Partner,
                    T.AddDays(-20 * (c + 1)),
                    c < kept ? CommitmentOutcome.Kept : CommitmentOutcome.Broken,
                    T.AddDays(-20 * (c + 1)))),
                certifications: certified.Select(name => new Certification(name, T.AddDays(-400)))));
            outcomes.Add(kept <= 2 ? ChurnOutcome.Churned(id, T.AddDays(60 + i)) : ChurnOutcome.Active(id));
        }

        return ([.. partnerships], [.. outcomes]);
    }

    /// <summary>
    /// A company whose churn follows the vendor's responsiveness only: partner i's 6 requests are answered
    /// within the target k = i mod 7 times (in 5 days otherwise), and it churns when k ≤ 2. The balance of
    /// initiative in its 6 meetings (the partner starts i mod 4 of them) is unrelated to churn.
    /// </summary>
    public static (Partnership[] Partnerships, ChurnOutcome[] Outcomes) ResponsivenessDrivenCompany(int partners = 90)
    {
        var partnerships = new List<Partnership>();
        var outcomes = new List<ChurnOutcome>();
        for (var i = 0; i < partners; i++)
        {
            var id = new PartnerId($"P-{i:000}");
            var answered = i % 7;
            var requests = Enumerable.Range(0, 6).Select(r => new Interaction(
                T.AddDays(-15 * (r + 1)), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(r < answered ? 1 : 5)));
            var meetings = Enumerable.Range(0, 6).Select(m => new Interaction(
                T.AddDays((-15 * (m + 1)) - 3), InteractionKind.Meeting, m < i % 4 ? Side.Partner : Side.Vendor));
            partnerships.Add(new Partnership(
                new Partner(id, id.Value!, PartnerType.Reseller),
                T.AddDays(-500),
                interactions: requests.Concat(meetings)));
            outcomes.Add(answered <= 2 ? ChurnOutcome.Churned(id, T.AddDays(60 + i)) : ChurnOutcome.Active(id));
        }

        return ([.. partnerships], [.. outcomes]);
    }
}
