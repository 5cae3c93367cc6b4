using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>The minimal ASP.NET Core app of docs/dependency-injection.md, run on a real Kestrel server on a free port.</summary>
public class AspNetCoreExampleTests
{
    [Fact]
    public async Task MinimalApi_ScoresAPostedPartnershipAsOfTheHostsToday()
    {
        string[] args = ["--urls", "http://127.0.0.1:0"];
        var started = new TaskCompletionSource<WebApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = Task.Run(() =>
        {
            // docs:begin aspnetcore-minimal
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddPartnerMetrics();
            // docs:end aspnetcore-minimal
            builder.Services.AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today));
            builder.Logging.ClearProviders();
            // docs:begin aspnetcore-minimal
            var app = builder.Build();
            app.MapPost("/partners/health", (Partnership partnership, IPartnerHealth health) => health.Score(partnership));
            // docs:end aspnetcore-minimal
            app.Lifetime.ApplicationStarted.Register(() => started.SetResult(app));
            // docs:begin aspnetcore-minimal
            app.Run();
            // docs:end aspnetcore-minimal
        });

        // A host that fails to start ends the task instead of starting; await it to see why.
        if (await Task.WhenAny(started.Task, host).WaitAsync(TimeSpan.FromMinutes(1)) == host)
        {
            await host;
        }

        var app = await started.Task;
        try
        {
            var address = Assert.Single(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.PostAsync(new Uri("/partners/health", UriKind.Relative), Json(PartnerMetricsJson.Serialize(Examples.Partnership)));
            using var invalid = await client.PostAsync(new Uri("/partners/health", UriKind.Relative), Json("""{"startedOn":"2024-01-01"}"""));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            using var report = JsonDocument.Parse(body);
            var expected = new HealthScorer().Score(Examples.Partnership, Examples.Today);
            // The report's own converter writes it, whatever the host's JSON options: the PartnerMetricsJson form,
            // factors under their dimensions (docs/dependency-injection.md).
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PartnerMetricsJson.Serialize(expected)), JsonNode.Parse(body)), body);
            Assert.False(report.RootElement.TryGetProperty("factors", out _));
            Assert.Equal("P-1", report.RootElement.GetProperty("partnerId").GetString());
            Assert.Equal("2025-06-30", report.RootElement.GetProperty("asOf").GetString());
            Assert.Equal(expected.Score, report.RootElement.GetProperty("score").GetDouble());
            Assert.Equal(expected.Band.ToString(), report.RootElement.GetProperty("band").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        finally
        {
            app.Lifetime.StopApplication();
            await host.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
