using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// A change re-scored from the evidence read on the day (what the advisor does for each next action) equals a full
/// score of the changed partnership, exactly: the day's tallies plus the added items' minus the removed items'.
/// </summary>
public class RescoreTests
{
    /// <summary>
    /// Any change of any kind <see cref="EvidenceChange"/> builds, to a scoring case's partnership: items of every kind
    /// added (dated around the day, so some are invisible on it); interactions or deals replaced by others (any kind,
    /// side, dates and record-keeping); or the plan replaced. Not only the changes the advisor proposes, which rule 20 covers.
    /// </summary>
    private static readonly Gen<(HealthModel Model, ScoringCase Case, Func<Partnership, EvidenceChange> Change)> Changes =
        from c in ModelGenerators.ScoringCase
        from model in Gen.Frequency((1, Gen.Constant(HealthModel.Default)), (2, ModelGenerators.HealthModel))
        let dates = ModelGenerators.DatesAround(c.AsOf)
        from change in Gen.OneOf(
            from commitments in ModelGenerators.CommitmentOn(dates).ArrayOf()
            from interactions in ModelGenerators.InteractionOn(dates).ArrayOf()
            from certifications in ModelGenerators.CertificationOn(dates, Gen.Elements("Security", "Azure", "Networking")).ArrayOf()
            from deliveries in ModelGenerators.DeliveryOn(dates).ArrayOf()
            from deals in Gen.Choose(0, 3)
            from opportunities in Gen.CollectToArray(Enumerable.Range(0, deals), n => ModelGenerators.OpportunityOn(dates, c.Partnership.Partner.Id, $"added-{n}"))
            select (Func<Partnership, EvidenceChange>)(p => EvidenceChange.Adding(p, commitments, interactions, certifications, deliveries, [.. opportunities])),
            from picks in Gen.Choose(0, 1_000_000).ArrayOf()
            from replacements in ModelGenerators.InteractionOn(dates).ArrayOf()
            select (Func<Partnership, EvidenceChange>)(p => EvidenceChange.Replacing(p, Pick(p.Interactions.Length, picks, replacements))),
            from picks in Gen.Choose(0, 1_000_000).ArrayOf()
            from seeds in Gen.Choose(0, 1_000_000).ArrayOf()
            select (Func<Partnership, EvidenceChange>)(p => EvidenceChange.Replacing(p, Pick(p.Opportunities.Length, picks, seeds).Select(r => (r.Index, Rewritten(p.Opportunities[r.Index], r.Item))).ToList())),
            from plan in ModelGenerators.JointPlanOn(dates)
            select (Func<Partnership, EvidenceChange>)(p => EvidenceChange.Replacing(p, plan)))
        select (model, c, change);

    [Property]
    public Property Rescore_FromTheDaysRead_EqualsScoringTheChangedPartnership() =>
        Prop.ForAll(Changes.ToArbitrary(), x =>
        {
            var (model, (partnership, asOf), build) = x;
            var scorer = new HealthScorer(model);
            var change = build(partnership);

            var rescored = scorer.Rescore(change, scorer.Read(partnership, asOf));

            HealthHistoryTests.AssertSame(scorer.Score(change.Changed, asOf), rescored);
        });

    [Property]
    public Property RescoreHeadline_FromTheDaysRead_IsTheScoreConfidenceAndBandOfScoringTheChangedPartnership() =>
        Prop.ForAll(Changes.ToArbitrary(), x =>
        {
            var (model, (partnership, asOf), build) = x;
            var scorer = new HealthScorer(model);
            var change = build(partnership);

            var headline = scorer.RescoreHeadline(change, scorer.Read(partnership, asOf));

            AssertSame(scorer.Score(change.Changed, asOf), headline);
        });

    /// <summary>
    /// A headline is its report's score, confidence and band to the last bit, on any partnership, day and valid model:
    /// the same factors written on the stack, the same sums, the same weakest links.
    /// </summary>
    [Property]
    public Property EvaluateHeadline_IsTheReportsScoreConfidenceAndBand() =>
        Prop.ForAll(
            ModelGenerators.ScoringCase.ToArbitrary(),
            Gen.Frequency((1, Gen.Constant(HealthModel.Default)), (2, ModelGenerators.HealthModel)).ToArbitrary(),
            (c, model) =>
            {
                var scorer = new HealthScorer(model);
                var read = scorer.Read(c.Partnership, c.AsOf);

                AssertSame(HealthScorer.Evaluate(c.Partnership, read), HealthScorer.EvaluateHeadline(c.Partnership, read));
            });

    [Fact]
    public void EvaluateHeadline_WhenTheVendorBreaksEveryPromise_IsCappedAtWatchAsTheReportIs()
    {
        // The weakest link caps the band without any signal being written: a headline counts the links it does not describe.
        var partnership = WeakestLinkTests.VendorBreaksEveryPromise();
        var scorer = new HealthScorer();
        var read = scorer.Read(partnership, Examples.T);

        var headline = HealthScorer.EvaluateHeadline(partnership, read);

        Assert.Equal(HealthBand.Watch, headline.Band);
        Assert.Contains(scorer.Score(partnership, Examples.T).Signals, s => s.Code == FactorCodes.WeakestLink);
        AssertSame(scorer.Score(partnership, Examples.T), headline);
    }

    [Fact]
    public void Rescore_WithACallersModelSet_ScoresTheChangeWithThePartnersModel()
    {
        // A selector sees the partner, not the evidence (a choice by evidence would read evidence after the day scored):
        // the changed partnership keeps the model of its partner, and what was read with it carries over.
        var partnership = Examples.WorkedExample();
        var strict = HealthModel.Default with { Name = "strict", GracePeriod = TimeSpan.Zero };
        var set = HealthModelSet.Create([HealthModel.Default, strict], partner => partner.Id == partnership.Partner.Id ? strict : HealthModel.Default);
        var scorer = new HealthScorer(set);
        var change = EvidenceChange.Adding(partnership, commitments: [new Commitment(Side.Vendor, Examples.T, CommitmentOutcome.Kept, Examples.T)]);

        var rescored = scorer.Rescore(change, scorer.Read(partnership, Examples.T));

        Assert.Equal("strict", rescored.ModelName);
        HealthHistoryTests.AssertSame(scorer.Score(change.Changed, Examples.T), rescored);
        AssertSame(scorer.Score(change.Changed, Examples.T), scorer.RescoreHeadline(change, scorer.Read(partnership, Examples.T)));
        Assert.NotEqual(new HealthScorer().Score(change.Changed, Examples.T).Score, rescored.Score);
    }

    /// <summary>The score and confidence to the last bit, and the band.</summary>
    private static void AssertSame(HealthReport report, Headline headline)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(report.Score), BitConverter.DoubleToInt64Bits(headline.Score));
        Assert.Equal(BitConverter.DoubleToInt64Bits(report.Confidence), BitConverter.DoubleToInt64Bits(headline.Confidence));
        Assert.Equal(report.Band, headline.Band);
    }

    /// <summary>Distinct indices below <paramref name="count"/> drawn from <paramref name="picks"/>, each with the next replacement.</summary>
    private static List<(int Index, T Item)> Pick<T>(int count, int[] picks, T[] replacements) =>
        count == 0 ? [] : [.. picks.Select(p => p % count).Distinct().Zip(replacements)];

    /// <summary>A deal with its record-keeping rewritten, as an action might: amount, last update, expected close and stage.</summary>
    private static Opportunity Rewritten(Opportunity deal, int seed)
    {
        var day = deal.CreatedOn.AddDays(seed % 400);
        return new Opportunity(deal, seed % 3 == 0 ? null : seed % 1000, seed % 2 == 0 ? day : null, seed % 5 == 0 ? null : day, seed % 7 == 0 ? null : "Stage " + (seed % 4));
    }
}
