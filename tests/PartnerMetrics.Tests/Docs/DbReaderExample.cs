using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Docs;

// The streaming example of docs/pipeline.md, compiled and run here so that the page cannot rot.
// DocsSnippetTests checks that the page quotes the regions between the "docs:" markers verbatim.
public class DbReaderExampleTests
{
    [Fact]
    public async Task PipelineFromADbDataReader_EqualsTheInMemoryResult()
    {
        var deals = PartnerMetrics.Tests.Pipeline.PipelineExamples.Deals;
        var cancellationToken = CancellationToken.None;
        var options = new PipelineOptions { RemainingTarget = 500_000m };

        // An in-memory DbDataReader over the deals stands in for command.ExecuteReaderAsync().
        await using (DbDataReader reader = TableOf(deals).CreateDataReader())
        {
            // docs:begin pipeline-db-reader
            // await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            GroupedPipelineResult<string> byDistrict = await PipelineAnalytics.GroupByAsync(
                ReadDeals(reader, cancellationToken), PipelineKeys.District, options, cancellationToken);
            PipelineResult total = byDistrict.Total;
            // docs:end pipeline-db-reader

            Assert.Equal(PipelineAnalytics.GroupBy(deals, PipelineKeys.District, options), byDistrict);
            Assert.Equal(PipelineAnalytics.Summarize(deals, options), total);
        }

        await using (DbDataReader again = TableOf(deals).CreateDataReader())
        {
            Assert.Equal(PipelineAnalytics.Summarize(deals, options), await PipelineAnalytics.SummarizeAsync(ReadDeals(again), options));
        }
    }

    [Fact]
    public async Task PipelineFromADbDataReader_StopsWhenCanceled()
    {
        var deals = PartnerMetrics.Tests.Pipeline.PipelineExamples.Deals;
        using var cancellation = new CancellationTokenSource();
        await using var reader = TableOf(deals).CreateDataReader();
        var accumulator = new PipelineAccumulator();
        var read = 0;

        async IAsyncEnumerable<Opportunity> CancelAfterThree([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var deal in ReadDeals(reader, cancellationToken))
            {
                if (++read == 3)
                {
                    await cancellation.CancelAsync();
                }

                yield return deal;
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accumulator.AddRangeAsync(CancelAfterThree(), cancellation.Token));
        Assert.Equal(3, read);
        Assert.Equal(2, accumulator.Result().Count);
    }

    // docs:begin pipeline-db-reader
    // Maps each row of
    //   SELECT id, account_id, created_on, motion, source, route, outcome, amount, partner_id, district, closed_on, loss_reason FROM deals
    // to an opportunity as the reader reaches it, so no list of deals is ever held.
    private static async IAsyncEnumerable<Opportunity> ReadDeals(DbDataReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new Opportunity(
                new OpportunityId(reader.GetString(0)),
                new AccountId(reader.GetString(1)),
                DateOnly.FromDateTime(reader.GetDateTime(2)),
                Enum.Parse<DealMotion>(reader.GetString(3)),
                Enum.Parse<DealSource>(reader.GetString(4)),
                Enum.Parse<RouteToMarket>(reader.GetString(5)),
                Enum.Parse<DealOutcome>(reader.GetString(6)),
                amount: reader.IsDBNull(7) ? null : reader.GetDecimal(7),
                partnerId: reader.IsDBNull(8) ? null : new PartnerId(reader.GetString(8)),
                district: reader.IsDBNull(9) ? null : reader.GetString(9),
                closedOn: reader.IsDBNull(10) ? null : DateOnly.FromDateTime(reader.GetDateTime(10)),
                lossReason: reader.IsDBNull(11) ? null : reader.GetString(11));
        }
    }
    // docs:end pipeline-db-reader

    /// <summary>The deals as the rows of a table, in the columns <see cref="ReadDeals"/> reads (all that pipeline metrics use).</summary>
    private static DataTable TableOf(IEnumerable<Opportunity> deals)
    {
        var table = new DataTable("deals") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("id", typeof(string));
        table.Columns.Add("account_id", typeof(string));
        table.Columns.Add("created_on", typeof(DateTime));
        table.Columns.Add("motion", typeof(string));
        table.Columns.Add("source", typeof(string));
        table.Columns.Add("route", typeof(string));
        table.Columns.Add("outcome", typeof(string));
        table.Columns.Add("amount", typeof(decimal));
        table.Columns.Add("partner_id", typeof(string));
        table.Columns.Add("district", typeof(string));
        table.Columns.Add("closed_on", typeof(DateTime));
        table.Columns.Add("loss_reason", typeof(string));
        foreach (var deal in deals)
        {
            table.Rows.Add(
                deal.Id.Value,
                deal.AccountId.Value,
                deal.CreatedOn.ToDateTime(TimeOnly.MinValue),
                deal.Motion.ToString(),
                deal.Source.ToString(),
                deal.Route.ToString(),
                deal.Outcome.ToString(),
                deal.Amount is { } amount ? amount : DBNull.Value,
                deal.PartnerId is { } partner ? partner.Value : DBNull.Value,
                deal.District is { } district ? district : DBNull.Value,
                deal.ClosedOn is { } closed ? closed.ToDateTime(TimeOnly.MinValue) : DBNull.Value,
                deal.LossReason is { } reason ? reason : DBNull.Value);
        }

        return table;
    }
}
