using System.Diagnostics;
using System.Net;
using Claims.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Claims.Api.Tests;

/// <summary>
/// A small pool (6 connections) and room for more long requests than it holds (8 exports and 8 imports at once): were
/// a slow client's export or import to hold a connection while it waits on the client, the admitted ones alone would
/// take the whole pool, and every short request would wait out the pool's timeout.
/// </summary>
public sealed class LongRequestFactory : KestrelApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Claims", new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 6 }.ConnectionString);
        foreach (var kind in new[] { "Export", "Import" })
        {
            builder.UseSetting($"{kind}:PerClient", "4");
            builder.UseSetting($"{kind}:Overall", "8");
        }
    }
}

/// <summary>
/// Many slow exporters and slow importers at once cannot starve short requests: past the limits they are refused at
/// once, and those admitted hold no database connection while they wait on their client.
/// </summary>
public sealed class LongRequestTests(LongRequestFactory api, ITestOutputHelper output) : IClassFixture<LongRequestFactory>, IAsyncLifetime
{
    const int SlowExporters = 100;
    const int SlowImporters = 100;

    public Task InitializeAsync() => SlowClient.MakeExportsLongAsync(api.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AShortRequestStaysFastBesideAHundredSlowExportersAndAHundredSlowImporters()
    {
        var address = api.Address;
        var probe = api.CreateClient();
        await probe.GetAsync($"/v1/speakers/{Seeded.Nato}");
        var slow = new List<SlowClient>();
        try
        {
            // Ten clients of each kind, from addresses of their own, ten requests each.
            for (var i = 0; i < SlowExporters; i++) slow.Add(await SlowClient.ExportAsync(address, Client(i % 10)));
            for (var i = 0; i < SlowImporters; i++) slow.Add(await SlowClient.ImportAsync(address, Client(10 + i % 10), ApiFactory.ApiKey));

            var latencies = new List<double>();
            var statuses = new List<HttpStatusCode>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(6))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await probe.GetAsync($"/v1/speakers/{Seeded.Nato}");
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.Add(response.StatusCode);
                await Task.Delay(25);
            }

            var (exports, imports) = (slow[..SlowExporters], slow[SlowExporters..]);
            latencies.Sort();
            var p95 = latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1];
            var summary = $"probe: {latencies.Count} requests, p50 {latencies[latencies.Count / 2]:F0} ms, p95 {p95:F0} ms, max {latencies[^1]:F0} ms; " +
                          $"exports {Count(exports)}; imports {Count(imports)}";
            output.WriteLine(summary);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.True(p95 < 1000, summary);
            Assert.InRange(exports.Count(e => e.Status == 200), 1, 8);
            Assert.All(exports.Where(e => e.Status != 200), e => Assert.Contains(e.Status, new[] { 429, 503 }));
            Assert.InRange(imports.Count(i => i.Status is 429 or 503), SlowImporters - 8, SlowImporters - 1);
            Assert.All(imports, i => Assert.Contains(i.Status, new[] { 0, 429, 503 }));
        }
        finally
        {
            foreach (var client in slow) await client.DisposeAsync();
        }
    }

    static IPAddress Client(int n) => new([127, 0, 0, (byte)(2 + n)]);

    static string Count(IEnumerable<SlowClient> clients) =>
        string.Join(", ", clients.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "waiting" : g.Key)}: {g.Count()}"));
}
