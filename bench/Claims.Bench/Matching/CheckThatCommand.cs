using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Vclaim;
using Claims.Bench.Load;

namespace Claims.Bench.Matching;

/// <summary>
/// <c>checkthat</c>: imports the CheckThat! 2022 Task 2B pool through the API (format vclaim, one request), waits for
/// its embeddings, then asks <c>POST /v1/claims/matches</c> for every query of train, dev and test and scores the
/// answers as the task's scorer does; test queries carry their transcript line's speaker as the hint.
/// </summary>
static class CheckThatCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required."));
        var key = options.String("key", "bench-key");
        var data = options.String("data") ?? throw new OptionsException("--data is required: the checkthat2022-task2b-politifact folder.");
        var splits = options.String("splits", string.Join(',', CheckThatData.Splits)).Split(',');
        var speakers = options.String("speakers", "yes") == "yes";
        var parts = options.Int("parts", 1);
        var evaluate = options.String("evaluate", "yes") == "yes";
        options.RejectUnknown();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await ImportAsync(http, data, parts);
        if (!evaluate) return 0;
        await WaitForEmbeddingsAsync(http);

        var vclaims = CheckThatData.ClaimIds(data);
        Console.WriteLine(Scores.Header);
        var latencies = new List<double>();
        foreach (var split in splits)
        {
            var runs = new List<(IReadOnlyList<string>, IReadOnlySet<string>)>();
            foreach (var query in CheckThatData.Load(data, split))
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/v1/claims/matches",
                    new { text = query.Sentence, speaker = speakers ? query.Speaker : null, limit = 50 });
                if (!response.IsSuccessStatusCode)
                    throw new BenchFailedException($"{query.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                var ranked = page.GetProperty("items").EnumerateArray()
                    .Select(i => vclaims.GetValueOrDefault(i.GetProperty("claim").GetProperty("id").GetGuid(), "?")).ToList();
                runs.Add((ranked, query.Relevant));
            }
            Console.WriteLine(Scores.Of(runs).Row(split + (split == "test" && speakers ? " (speaker hint)" : "")));
        }
        var timing = new Latencies(latencies, TimeSpan.FromSeconds(1));
        Console.WriteLine($"\nPOST /v1/claims/matches one at a time, {timing.Count} sentences: p50 {timing.Percentile(50):F1} ms, " +
                          $"p95 {timing.Percentile(95):F1} ms, p99 {timing.Percentile(99):F1} ms, max {timing.Max:F1} ms");
        return 0;
    }

    /// <summary>
    /// The pool in one request, or in <paramref name="parts"/> back to back (so that the embedding of one part runs during
    /// the import of the next), unless the claims are already there with their articles' texts (the evaluation database
    /// is kept; one imported before reviews kept their text gets it from the import, which leaves the rest alone).
    /// </summary>
    static async Task ImportAsync(HttpClient http, string data, int parts)
    {
        // The index counts the claims once it has loaded them.
        JsonElement claims;
        while ((claims = (await http.GetFromJsonAsync<JsonElement>("/v1/claims/matches/status")).GetProperty("claims")).ValueKind != JsonValueKind.Number)
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        if (claims.GetInt32() >= 19_250 && await HasArticleTextAsync(http))
        {
            Console.Error.WriteLine($"The pool is imported already ({claims.GetInt32():N0} claims).");
            return;
        }
        // The model loads once at start-up; the import is timed from when the API is ready.
        while ((await http.GetFromJsonAsync<JsonElement>("/v1/claims/matches/status")).GetProperty("semantic").GetString() == "loading")
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        var pool = CheckThatData.PoolFiles(data, Path.Combine(BenchCluster.DataDirectory, "..", "checkthat"), parts);
        var clock = Stopwatch.StartNew();
        foreach (var part in pool)
        {
            await using var body = File.OpenRead(part);
            using var response = await http.PostAsync("/v1/import?format=vclaim", new StreamContent(body));
            var report = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new BenchFailedException($"The import of {part} failed: {report}");
            if (parts == 1) Console.Error.WriteLine(report);
        }
        Console.WriteLine($"Imported the pool ({pool.Sum(p => new FileInfo(p).Length) / 1e6:F0} MB) in {parts} request(s) in {clock.Elapsed.TotalSeconds:F1} s.");
    }

    static async Task<bool> HasArticleTextAsync(HttpClient http)
    {
        var claim = StableIds.For(VclaimFormat.FormatName, "claim", "vclaim-pol-00000");
        using var response = await http.GetAsync($"/v1/claims/{claim}/reviews");
        if (!response.IsSuccessStatusCode) return false;
        var reviews = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        return reviews.GetArrayLength() > 0 && reviews[0].TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String;
    }

    static async Task WaitForEmbeddingsAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/v1/claims/matches/status");
            var (claims, pending) = (status.GetProperty("claims"), status.GetProperty("pending"));
            var all = claims.ValueKind == JsonValueKind.Number && claims.GetInt32() >= 19_250;
            if (all && (status.GetProperty("semantic").GetString() is "off" or "unavailable" || pending.ValueKind == JsonValueKind.Number && pending.GetInt32() == 0))
            {
                Console.Error.WriteLine($"Embedded: {status} ({clock.Elapsed.TotalSeconds:F0} s waited)");
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }
}
