using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.Bench.Load;

/// <summary>
/// <c>feedlag</c>: how long after a write is acknowledged a long-polling consumer of /v1/changes sees its event, while
/// several writers keep creating speakers. Also checks that the consumer sees every acknowledged write exactly once.
/// </summary>
static class FeedLagCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required."));
        var key = options.String("key") ?? throw new OptionsException("--key is required: writes need the API key.");
        var writers = options.Int("writers", 4);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 20));
        options.RejectUnknown();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentDictionary<Guid, double>();
        var seen = new ConcurrentDictionary<Guid, double>();
        var duplicates = 0;

        var start = await ReadPageAsync(http, 0, wait: 0);
        var writing = new CancellationTokenSource(duration);
        var consumer = Task.Run(async () =>
        {
            var after = start.Next;
            while (true)
            {
                var stillWriting = !writing.IsCancellationRequested;
                var page = await ReadPageAsync(http, after, wait: 5);
                var now = clock.Elapsed.TotalMilliseconds;
                foreach (var e in page.Items.Where(e => e.Operation == "create"))
                    if (!seen.TryAdd(e.Id, now)) Interlocked.Increment(ref duplicates);
                after = page.Next;
                if (!stillWriting && page.Items.Count == 0) return;
            }
        });
        var producers = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                var response = await http.PostAsJsonAsync("/v1/speakers", new { name = $"Feed lag {Guid.NewGuid():N}" });
                if (!response.IsSuccessStatusCode) throw new BenchFailedException($"POST /v1/speakers answered {(int)response.StatusCode}.");
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                acknowledged[id] = clock.Elapsed.TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(producers);
        await consumer;

        var missing = acknowledged.Keys.Count(id => !seen.ContainsKey(id));
        // Negative when the event reached the consumer before the write's own response reached its writer.
        var lags = new Latencies(acknowledged.Select(a => seen.TryGetValue(a.Key, out var at) ? Math.Max(0, at - a.Value) : double.NaN)
            .Where(l => !double.IsNaN(l)), duration);
        Console.WriteLine($"{acknowledged.Count} writes by {writers} writers in {duration.TotalSeconds:F0} s ({lags.RequestsPerSecond:F0}/s); " +
                          $"seen by the consumer: {seen.Count}, missing: {missing}, seen twice: {duplicates}");
        Console.WriteLine($"feed lag after the write's acknowledgement, ms: p50 {lags.Percentile(50):F1}, p95 {lags.Percentile(95):F1}, " +
                          $"p99 {lags.Percentile(99):F1}, max {lags.Max:F1}");
        return missing == 0 && duplicates == 0 ? 0 : 1;
    }

    sealed record ChangeEvent(long Position, Guid Id, string Operation);
    sealed record ChangesPage(List<ChangeEvent> Items, long Next);

    static async Task<ChangesPage> ReadPageAsync(HttpClient http, long after, int wait) =>
        await http.GetFromJsonAsync<ChangesPage>($"/v1/changes?after={after}&types=speaker&limit=1000&wait={wait}",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new BenchFailedException("/v1/changes answered nothing.");
}
