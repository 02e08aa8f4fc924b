using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Claims.Bench.Load;

namespace Claims.Bench.Extraction;

/// <summary>
/// <c>extraction-endpoint</c>: the latency of reading a 20 KB article over HTTP, one request at a time, as a client
/// waiting for its draft sees it: POST /v1/extractions/preview (extract and match, nothing kept) and POST
/// /v1/extractions (the same, and the draft kept). Both paths are warmed up before either is measured (the first
/// requests of a process pay for the extractor's compilation and the heap's growth). The drafts it makes are deleted
/// afterwards.
/// </summary>
static class EndpointCommand
{
    const double TargetP95 = 50;

    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required, e.g. --url http://127.0.0.1:5199."));
        var key = options.String("key") ?? throw new OptionsException("--key is required: keeping a draft needs the API key.");
        var requests = options.Int("requests", 500);
        var warmup = options.Int("warmup", 200);
        var size = options.Int("size", 20 * 1024);
        options.RejectUnknown();

        var articles = SpeedBatch.Build(50, size, seed: 42);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var bytes = articles.Select(Encoding.UTF8.GetByteCount).ToArray();
        Console.WriteLine($"{baseUrl}: {requests} measured requests per path after {warmup} warm-up ones to each, one at a time; " +
                          $"{articles.Count} articles of {bytes.Min():N0}–{bytes.Max():N0} bytes recombined from bench/extraction/dev.");
        Console.WriteLine();
        Console.WriteLine("| path | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | quotes/draft |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|");

        var met = true;
        var drafts = new List<string>();
        string[] paths = ["/v1/extractions/preview", "/v1/extractions"];
        foreach (var path in paths) await MeasureAsync(http, path, articles, warmup, drafts);
        foreach (var path in paths)
        {
            var (latencies, quotes) = await MeasureAsync(http, path, articles, requests, drafts);
            Console.WriteLine($"| `POST {path}` | {latencies.Count} | {latencies.Percentile(50):F1} | {latencies.Percentile(95):F1} | " +
                              $"{latencies.Percentile(99):F1} | {latencies.Max:F1} | {latencies.RequestsPerSecond:F0} | {quotes:F1} |");
            met &= latencies.Percentile(95) < TargetP95;
        }
        foreach (var location in drafts) (await http.DeleteAsync(location)).EnsureSuccessStatusCode();

        Console.WriteLine();
        Console.WriteLine($"Target p95 < {TargetP95} ms for a {size / 1024} KB article: {(met ? "met" : "NOT met")}.");
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"Load average (1, 5, 15 min) at the end: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
        return 0;
    }

    static async Task<(Latencies, double QuotesPerDraft)> MeasureAsync(HttpClient http, string path, List<string> articles, int requests, List<string> drafts)
    {
        var milliseconds = new List<double>(requests);
        var quotes = 0L;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var article = new
            {
                url = $"https://bench.example.org/{Guid.NewGuid():N}", publisher = "Bench Wire", publishedOn = "2024-03-05", language = "en",
                body = articles[i % articles.Count],
            };
            var start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(path, article);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!response.IsSuccessStatusCode) throw new BenchFailedException($"POST {path} answered {(int)response.StatusCode}: {body}");
            if (response.Headers.Location is { } location) drafts.Add(location.ToString());
            milliseconds.Add(elapsed);
            using var draft = JsonDocument.Parse(body);
            quotes += draft.RootElement.GetProperty("quotes").GetArrayLength();
        }
        return (new Latencies(milliseconds, clock.Elapsed), quotes / (double)requests);
    }
}
