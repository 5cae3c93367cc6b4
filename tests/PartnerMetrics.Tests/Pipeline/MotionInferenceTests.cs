using System.Text.Json;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>DOMAIN.md section 4 (v2) and rule 21: hunting versus farming inferred from each account's history.</summary>
public class MotionInferenceTests
{
    private static readonly DateOnly Day0 = new(2025, 1, 1);

    /// <summary>
    /// Deals of a few accounts over a few weeks, so that accounts have several wins, wins share a close day
    /// (the id breaks the tie), and open deals were created before, on and after an account's first win; every
    /// motion, including the farming motions a CRM may record. Ids are distinct, as a CRM's are.
    /// </summary>
    private static Arbitrary<(Opportunity[] Deals, int[] Cuts, int Seed)> Histories { get; } =
        (from count in Gen.Choose(0, 60)
         from deals in Gen.CollectToArray(Enumerable.Range(0, count), Deal)
         from cuts in Gen.Choose(0, count).ListOf()
         from seed in Gen.Choose(int.MinValue, int.MaxValue)
         select (deals, cuts.Order().ToArray(), seed)).ToArbitrary();

    [Property]
    [Trait("Rule", "21")]
    public Property Rule21_OneWonNewLogoPerAccountWithAWin_AndNoneAfterIt() =>
        Prop.ForAll(Histories, t =>
        {
            var inferred = MotionInference.Infer(t.Deals);

            Assert.Equal(t.Deals.Length, inferred.Length);
            foreach (var account in inferred.GroupBy(d => d.AccountId))
            {
                var wins = account.Where(d => d.Outcome == DealOutcome.Won).OrderBy(d => d.ClosedOn).ThenBy(d => d.Id).ToList();
                if (wins.Count == 0)
                {
                    // Still hunting: every deal is new business.
                    Assert.All(account, d => Assert.Equal(DealMotion.NewLogo, d.Motion));
                    continue;
                }

                var first = wins[0];
                Assert.Equal(first, Assert.Single(wins, d => d.Motion == DealMotion.NewLogo));
                foreach (var deal in account)
                {
                    var original = t.Deals.Single(d => d.Id == deal.Id);
                    var after = deal.ClosedOn is { } closed
                        ? closed > first.ClosedOn || (closed == first.ClosedOn && deal.Id.CompareTo(first.Id) > 0)
                        : deal.CreatedOn >= first.ClosedOn;
                    if (!after)
                    {
                        Assert.Equal(DealMotion.NewLogo, deal.Motion);
                    }
                    else if (original.Motion is DealMotion.Renewal or DealMotion.CrossSell or DealMotion.Upsell)
                    {
                        Assert.Equal(original.Motion, deal.Motion);
                    }
                    else
                    {
                        Assert.Equal(DealMotion.Expansion, deal.Motion);
                    }

                    // Nothing but the motion changes.
                    Assert.Equal(original with { }, Reset(deal, original.Motion));
                }
            }
        });

    [Property]
    [Trait("Rule", "21")]
    public Property Rule21_ShardsMergedInAnyOrder_InferAsOnePass_AndInferenceIsIdempotent() =>
        Prop.ForAll(Histories, t =>
        {
            var expected = MotionInference.Infer(t.Deals);
            var shards = PipelineRulesTests.Split(t.Deals, t.Cuts).Select(part =>
            {
                var shard = new MotionInference();
                shard.AddRange(part);
                return shard;
            }).ToList();
            var merged = new MotionInference();
            var random = new Random(t.Seed);
            foreach (var shard in shards.OrderBy(_ => random.Next()))
            {
                merged.Merge(shard);
            }

            Assert.Equal(expected.ToArray(), t.Deals.Select(merged.Apply).ToArray());
            Assert.Equal(expected.ToArray(), MotionInference.Infer(expected).ToArray());
        });

    /// <summary>
    /// DOMAIN section 4 and rule 13: shards computed on other machines merge to the single-pass answer. An inference
    /// filled on a worker could not leave it: it had no JSON, unlike the accumulators it is merged beside, so a job that
    /// split its deals across machines could not infer motions at all.
    /// </summary>
    [Property]
    [Trait("Rule", "13")]
    public Property Rule13_ShardsShippedAsJson_InferAsOnePass() =>
        Prop.ForAll(Histories, t =>
        {
            var expected = MotionInference.Infer(t.Deals);
            var merged = new MotionInference();
            var random = new Random(t.Seed);
            foreach (var part in PipelineRulesTests.Split(t.Deals, t.Cuts).OrderBy(_ => random.Next()))
            {
                var shard = new MotionInference();
                shard.AddRange(part);
                var shipped = PartnerMetricsJson.Deserialize<MotionInference>(PartnerMetricsJson.Serialize(shard));
                Assert.Equal(shard.AccountsWithWins, shipped.AccountsWithWins);
                merged.Merge(shipped);
            }

            Assert.Equal(expected.ToArray(), t.Deals.Select(merged.Apply).ToArray());
        });

    [Fact]
    public void Json_IsEachAccountsFirstWin_InOrderOfAccount()
    {
        var inference = new MotionInference();
        inference.AddRange([Deal("O-2", "B", DealOutcome.Won, 0, 9), Deal("O-1", "B", DealOutcome.Won, 0, 9), Deal("O-3", "A", DealOutcome.Won, 2, 4), Deal("O-4", "C", DealOutcome.Open, 3)]);

        Assert.Equal(
            """{"firstWins":[{"accountId":"A","closedOn":"2025-01-05","opportunityId":"O-3"},{"accountId":"B","closedOn":"2025-01-10","opportunityId":"O-1"}]}""",
            JsonSerializer.Serialize(JsonDocument.Parse(PartnerMetricsJson.Serialize(inference)).RootElement));
    }

    [Theory]
    [InlineData("""{}""", "$.firstWins", "Required property 'firstWins'")]
    [InlineData("""{"firstWins":null}""", "$.firstWins", "Required property 'firstWins'")]
    [InlineData("""{"firstWins":[null]}""", "$.firstWins[0]", "An item must not be null")]
    [InlineData("""{"firstWins":[{"closedOn":"2025-01-05","opportunityId":"O-3"}]}""", "$.firstWins[0].accountId", "Required property 'accountId'")]
    [InlineData("""{"firstWins":[{"accountId":"A","opportunityId":"O-3"}]}""", "$.firstWins[0].closedOn", "Required property 'closedOn'")]
    [InlineData("""{"firstWins":[{"accountId":"A","closedOn":"2025-01-05"}]}""", "$.firstWins[0].opportunityId", "Required property 'opportunityId'")]
    [InlineData("""{"firstWins":[{"accountId":"A","closedOn":"2025-01-05","opportunityId":"O-3"},{"accountId":"A","closedOn":"2025-01-02","opportunityId":"O-1"}]}""", "$.firstWins[1].accountId", "'A' has one first win; it is listed twice")]
    [InlineData("""{"firstWins":[{"accountId":"A","closedOn":"2025-01-05","opportunityId":"O-3","motion":"NewLogo"}]}""", "$.firstWins[0].motion", "'motion' is not a property here")]
    public void Json_InvalidDocument_IsRejectedWithAPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<MotionInference>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_AWorkedHistory()
    {
        Opportunity[] deals =
        [
            Deal("O-1", "A", DealOutcome.Lost, created: 0, closed: 10),                          // lost while hunting
            Deal("O-2", "A", DealOutcome.Won, created: 5, closed: 40),                           // the first win
            Deal("O-3", "A", DealOutcome.Open, created: 20),                                     // opened before the first win closed
            Deal("O-4", "A", DealOutcome.Won, created: 30, closed: 40),                          // same day, later id
            Deal("O-5", "A", DealOutcome.Won, created: 50, closed: 90, DealMotion.Renewal),      // the CRM said renewal
            Deal("O-6", "A", DealOutcome.Open, created: 40, motion: DealMotion.NewLogo),         // opened on the first win's day
            Deal("O-7", "B", DealOutcome.Lost, created: 0, closed: 10, DealMotion.Upsell),       // B never won: hunting
            Deal("O-8", "B", DealOutcome.Open, created: 60, motion: DealMotion.Expansion),
        ];

        var inferred = MotionInference.Infer(deals);

        Assert.Equal(
            [DealMotion.NewLogo, DealMotion.NewLogo, DealMotion.NewLogo, DealMotion.Expansion, DealMotion.Renewal, DealMotion.Expansion, DealMotion.NewLogo, DealMotion.NewLogo],
            inferred.Select(d => d.Motion));
        Assert.Same(deals[4], inferred[4]);   // already right: the same instance
    }

    [Fact]
    public void Infer_ADealGivenTwice_IsTakenTwice_BothCopiesOfTheFirstWinNewLogo()
    {
        // A plain list of deals is not checked for repeated ids (docs/model.md): a deal given twice counts twice in the
        // pipeline, and inference takes it as it comes too. Rule 21's "one NewLogo win per account" is about distinct deals.
        var first = Deal("O-1", "A", DealOutcome.Won, created: 0, closed: 9);
        Opportunity[] deals = [first, Deal("O-2", "A", DealOutcome.Won, created: 3, closed: 20), first];

        var inferred = MotionInference.Infer(deals);

        Assert.Equal([DealMotion.NewLogo, DealMotion.Expansion, DealMotion.NewLogo], inferred.Select(d => d.Motion));
    }

    [Fact]
    public void TwoPasses_OverAStream_EqualInfer()
    {
        Opportunity[] deals = [Deal("O-2", "A", DealOutcome.Won, 0, 9), Deal("O-1", "A", DealOutcome.Won, 0, 9), Deal("O-3", "B", DealOutcome.Open, 3)];
        var inference = new MotionInference();
        foreach (var deal in deals)
        {
            inference.Add(deal);
        }

        Assert.Equal(1, inference.AccountsWithWins);
        Assert.Equal(MotionInference.Infer(deals), deals.Select(inference.Apply));
        Assert.Equal(DealMotion.NewLogo, inference.MotionOf(deals[1]));   // O-1 precedes O-2 on the same day
        Assert.Equal(DealMotion.Expansion, inference.MotionOf(deals[0]));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        var inference = new MotionInference();
        Assert.Throws<ArgumentNullException>("opportunity", () => inference.Add(null!));
        Assert.Throws<ArgumentNullException>("opportunity", () => inference.Apply(null!));
        Assert.Throws<ArgumentNullException>("opportunity", () => inference.MotionOf(null!));
        Assert.Throws<ArgumentNullException>("other", () => inference.Merge(null!));
        Assert.Throws<ArgumentNullException>("opportunities", () => MotionInference.Infer(null!));
        Assert.Throws<ArgumentException>("opportunities", () => MotionInference.Infer([Deal("O-1", "A", DealOutcome.Open, 0), null!]));
    }

    private static Gen<Opportunity> Deal(int index) =>
        from account in Gen.Choose(1, 4)
        from created in Gen.Choose(0, 30)
        from cycle in Gen.Choose(0, 20)
        from outcome in ModelGenerators.Enum<DealOutcome>()
        from motion in ModelGenerators.Enum<DealMotion>()
        select Deal($"O-{index:D2}", $"A-{account}", outcome, created, outcome == DealOutcome.Open ? null : created + cycle, motion);

    private static Opportunity Deal(string id, string account, DealOutcome outcome, int created, int? closed = null, DealMotion motion = DealMotion.Expansion) =>
        new(new OpportunityId(id), new AccountId(account), Day0.AddDays(created), motion, DealSource.Unknown, RouteToMarket.Unknown, outcome, closedOn: closed is { } c ? Day0.AddDays(c) : null);

    private static Opportunity Reset(Opportunity deal, DealMotion motion) =>
        new(deal.Id, deal.AccountId, deal.CreatedOn, motion, deal.Source, deal.Route, deal.Outcome, deal.Amount, deal.PartnerId, deal.District,
            deal.RegisteredOn, deal.LastUpdatedOn, deal.ExpectedCloseOn, deal.ClosedOn, deal.LossReason, deal.Stage);
}
