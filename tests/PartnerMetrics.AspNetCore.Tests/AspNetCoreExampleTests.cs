using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    [Fact]
    public async Task MinimalApi_ReadingTheBodyItself_TellsTheClientWhichFieldIsWrong()
    {
        // The binder's 400 has an empty body outside Development; an endpoint that reads the body itself can answer with
        // the JsonException's message, which names the JSON path and the value.
        var app = await StartAsync(app =>
        {
            // docs:begin aspnetcore-problem
            app.MapPost("/partners/health", async (HttpRequest request, IPartnerHealth health) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
                try
                {
                    return Results.Ok(health.Score(PartnerMetricsJson.Deserialize<Partnership>(body.ToArray())));
                }
                catch (JsonException error)
                {
                    return Results.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            });
            // docs:end aspnetcore-problem
        });
        try
        {
            var address = Assert.Single(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var partnership = JsonNode.Parse(PartnerMetricsJson.Serialize(Examples.Partnership))!;

            using var response = await client.PostAsync(new Uri("/partners/health", UriKind.Relative), Json(partnership.ToJsonString()));
            partnership["startedOn"] = "2024-02-30";
            using var invalid = await client.PostAsync(new Uri("/partners/health", UriKind.Relative), Json(partnership.ToJsonString()));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer().Score(Examples.Partnership, Examples.Today))), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
            var detail = problem["detail"]!.GetValue<string>();
            Assert.Contains("$.startedOn", detail, StringComparison.Ordinal);
            Assert.Contains("2024-02-30", detail, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts the documented host (production settings, the test's clock) with the endpoints <paramref name="map"/> adds.</summary>
    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        builder.Services.AddPartnerMetrics();
        builder.Services.AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
