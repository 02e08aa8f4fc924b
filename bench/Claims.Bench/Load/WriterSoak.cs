using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.Bench.Load;

/// <summary>
/// Writers of every kind racing over a few shared rows, the mix that used to deadlock: quotes whose words name entities
/// (auto-mentions), entity renames and deletes (relinking those mentions), claim edits and deletes, counter and support
/// links, stances evidenced by quotes. Each operation has the answers a race can give it (a 404 for a row another writer
/// deleted, a 409 for a link another made); anything else is counted as unexpected, and a 503 (a deadlock or a lock
/// wait given up) as busy.
/// </summary>
sealed class WriterSoak
{
    /// <summary>What the writers did and were answered; <c>Unexpected</c> holds the first answers of the <c>UnexpectedCount</c>.</summary>
    public sealed record Result(int Writers, TimeSpan Duration, IReadOnlyDictionary<string, int> Operations,
        IReadOnlyDictionary<int, int> Statuses, int UnexpectedCount, IReadOnlyList<string> Unexpected, Latencies Latencies)
    {
        public int Total => Operations.Values.Sum();
        public int Busy => Statuses.GetValueOrDefault(503);
        public int ServerErrors => Statuses.Where(s => s.Key >= 500).Sum(s => s.Value);

        public override string ToString() =>
            $"{Total} writes by {Writers} writers in {Duration.TotalSeconds:F0} s ({Latencies.RequestsPerSecond:F0}/s): " +
            $"{string.Join(", ", Operations.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}; " +
            $"answers {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; " +
            $"busy (503) {Busy}, other 5xx {ServerErrors - Busy}, unexpected {UnexpectedCount}; " +
            $"latency ms p50 {Latencies.Percentile(50):F0}, p95 {Latencies.Percentile(95):F0}, p99 {Latencies.Percentile(99):F0}, max {Latencies.Max:F0}";
    }

    static readonly string[][] EntityNames =
    [
        ["Nerva Treaty", "Treaty of Nerva"], ["Port Oskar", "Oskar Harbour"], ["Brill Council", "the Brill"],
        ["Tamsin River", "the Tamsin"], ["Ulla Pact", "Pact of Ulla"], ["Vey Agency", "the Vey"],
    ];

    static readonly string[] Sentences =
    [
        "The Nerva Treaty binds Port Oskar.", "Brill Council rejected the Ulla Pact.", "The Tamsin River floods Port Oskar.",
        "Vey Agency audits Brill Council.", "The Treaty of Nerva ends next year.", "Oskar Harbour needs the Vey Agency.",
    ];

    static readonly string[] Operations = ["quote", "quote-delete", "entity-rename", "entity-delete", "claim-edit", "claim-delete", "link", "unlink", "stance"];
    static readonly int[] Weights = [25, 5, 14, 5, 15, 3, 15, 8, 10];

    readonly HttpClient http;
    readonly Guid[] speakers;
    readonly Guid source;
    readonly string body;
    readonly Rows entities;
    readonly Rows claims;
    readonly ConcurrentDictionary<Guid, Guid> quotes = new(); // quote → its speaker
    readonly ConcurrentDictionary<string, int> operations = new();
    readonly ConcurrentDictionary<int, int> statuses = new();
    readonly ConcurrentQueue<string> unexpected = new();
    int unexpectedCount;
    readonly ConcurrentBag<double> latencies = [];

    WriterSoak(HttpClient http, Guid[] speakers, Guid source, string body, Guid[] entities, Guid[] claims) =>
        (this.http, this.speakers, this.source, this.body, this.entities, this.claims) = (http, speakers, source, body, new(entities), new(claims));

    /// <summary>Sets up the shared rows through <paramref name="http"/> (a client with the API key), then runs the writers.</summary>
    public static async Task<Result> RunAsync(HttpClient http, int writers, TimeSpan duration, int seed = 42)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var speakers = new Guid[4];
        for (var i = 0; i < speakers.Length; i++) speakers[i] = await CreateAsync(http, "/v1/speakers", new { name = $"Soak Speaker {i} {run}" });
        var body = "Heard at the soak: " + string.Join(" ", Sentences);
        var source = await CreateAsync(http, "/v1/sources", new { url = $"https://example.org/soak/{run}", body });
        var entities = new Guid[EntityNames.Length];
        for (var i = 0; i < entities.Length; i++) entities[i] = await CreateEntityAsync(http, i);
        var claims = new Guid[8];
        for (var i = 0; i < claims.Length; i++) claims[i] = await CreateAsync(http, "/v1/claims", new { text = ClaimText(i, 0) });

        var soak = new WriterSoak(http, speakers, source, body, entities, claims);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => soak.WriteAsync(new Random(seed + w), duration))));
        return new Result(writers, clock.Elapsed, new Dictionary<string, int>(soak.operations), new Dictionary<int, int>(soak.statuses),
            soak.unexpectedCount, [.. soak.unexpected], new Latencies(soak.latencies, clock.Elapsed));
    }

    static string ClaimText(int claim, int version) =>
        $"Claim {claim}: {Sentences[(claim + version) % Sentences.Length]} {(version % 2 == 0 ? "" : "Reworded.")}".Trim();

    static Task<Guid> CreateEntityAsync(HttpClient http, int i) =>
        CreateAsync(http, "/v1/entities", new { name = EntityNames[i][0], aliases = new[] { EntityNames[i][1] } });

    static async Task<Guid> CreateAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new BenchFailedException($"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    async Task WriteAsync(Random random, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var operation = Pick(random);
            operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
            await (operation switch
            {
                "quote" => WriteQuoteAsync(random),
                "quote-delete" => DeleteQuoteAsync(random),
                "entity-rename" => RenameEntityAsync(random),
                "entity-delete" => ReplaceEntityAsync(random),
                "claim-edit" => EditClaimAsync(random),
                "claim-delete" => ReplaceClaimAsync(random),
                "link" => LinkAsync(random),
                "unlink" => UnlinkAsync(random),
                _ => TakeStanceAsync(random),
            });
        }
    }

    static string Pick(Random random)
    {
        var roll = random.Next(Weights.Sum());
        for (var i = 0; ; i++)
            if ((roll -= Weights[i]) < 0) return Operations[i];
    }

    async Task WriteQuoteAsync(Random random)
    {
        var speaker = speakers[random.Next(speakers.Length)];
        var text = Sentences[random.Next(Sentences.Length)];
        var start = CodePoints(body[..body.IndexOf(text, StringComparison.Ordinal)]);
        var response = await SendAsync(HttpMethod.Post, "/v1/quotes",
            new { speakerId = speaker, sourceId = source, text, span = new { start, end = start + CodePoints(text) } }, HttpStatusCode.Created);
        if (response is not null) quotes[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = speaker;
    }

    async Task DeleteQuoteAsync(Random random)
    {
        if (AnyQuote(random) is not { } quote) return;
        if (await SendAsync(HttpMethod.Delete, $"/v1/quotes/{quote}", null, HttpStatusCode.NoContent, HttpStatusCode.NotFound) is not null)
            quotes.TryRemove(quote, out _);
    }

    Task RenameEntityAsync(Random random)
    {
        var i = random.Next(entities.Length);
        var (name, alias) = random.Next(2) == 0 ? (EntityNames[i][0], EntityNames[i][1]) : (EntityNames[i][1], EntityNames[i][0]);
        return SendAsync(HttpMethod.Put, $"/v1/entities/{entities[i]}", new { name, aliases = new[] { alias } },
            HttpStatusCode.OK, HttpStatusCode.NotFound);
    }

    async Task ReplaceEntityAsync(Random random)
    {
        var i = random.Next(entities.Length);
        var old = entities[i];
        if (await SendAsync(HttpMethod.Delete, $"/v1/entities/{old}", null, HttpStatusCode.NoContent, HttpStatusCode.NotFound) is null) return;
        var response = await SendAsync(HttpMethod.Post, "/v1/entities", new { name = EntityNames[i][0], aliases = new[] { EntityNames[i][1] } },
            HttpStatusCode.Created);
        if (response is not null) entities.Replace(i, old, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    Task EditClaimAsync(Random random)
    {
        var i = random.Next(claims.Length);
        return SendAsync(HttpMethod.Put, $"/v1/claims/{claims[i]}", new { text = ClaimText(i, random.Next(4)) },
            HttpStatusCode.OK, HttpStatusCode.NotFound);
    }

    async Task ReplaceClaimAsync(Random random)
    {
        var i = random.Next(claims.Length);
        var old = claims[i];
        if (await SendAsync(HttpMethod.Delete, $"/v1/claims/{old}", null, HttpStatusCode.NoContent, HttpStatusCode.NotFound) is null) return;
        var response = await SendAsync(HttpMethod.Post, "/v1/claims", new { text = ClaimText(i, 0) }, HttpStatusCode.Created);
        if (response is not null) claims.Replace(i, old, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    // A link to a claim deleted meanwhile is a 404; one another writer made first (or made the other way round) a 409.
    Task LinkAsync(Random random)
    {
        var (from, to) = TwoClaims(random);
        return SendAsync(HttpMethod.Post, $"/v1/claims/{from}/{(random.Next(2) == 0 ? "counter-claims" : "supports")}", new { claimId = to },
            HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.NotFound);
    }

    Task UnlinkAsync(Random random)
    {
        var (from, to) = TwoClaims(random);
        return SendAsync(HttpMethod.Delete, $"/v1/claims/{from}/{(random.Next(2) == 0 ? "counter-claims" : "supports")}/{to}", null,
            HttpStatusCode.NoContent, HttpStatusCode.NotFound);
    }

    // A speaker holds one stance a claim: a second is a 409; its evidence quote may have been deleted meanwhile (404).
    Task TakeStanceAsync(Random random)
    {
        var claim = claims[random.Next(claims.Length)];
        var evidence = AnyQuote(random);
        var speaker = evidence is { } quote && quotes.TryGetValue(quote, out var own) ? own : speakers[random.Next(speakers.Length)];
        return SendAsync(HttpMethod.Post, $"/v1/claims/{claim}/stances",
            new { speakerId = speaker, position = random.Next(2) == 0 ? "asserts" : "disputes", quoteId = evidence },
            HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.NotFound);
    }

    (Guid From, Guid To) TwoClaims(Random random)
    {
        var a = random.Next(claims.Length);
        var b = (a + 1 + random.Next(claims.Length - 1)) % claims.Length;
        return (claims[a], claims[b]);
    }

    Guid? AnyQuote(Random random)
    {
        var ids = quotes.Keys.ToArray();
        return ids.Length == 0 ? null : ids[random.Next(ids.Length)];
    }

    /// <summary>The response when its status is one of <paramref name="expected"/>' first (the success), else null.</summary>
    async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string url, object? body, params HttpStatusCode[] expected)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await http.SendAsync(request);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        if (!expected.Contains(response.StatusCode))
        {
            if (Interlocked.Increment(ref unexpectedCount) <= 20) unexpected.Enqueue($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return null;
        }
        return response.StatusCode == expected[0] ? response : null;
    }

    static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>The ids of a few rows that writers delete and create again: a deleted row's slot takes its successor's id.</summary>
    sealed class Rows(Guid[] ids)
    {
        public int Length => ids.Length;

        public Guid this[int i]
        {
            get { lock (ids) return ids[i]; }
        }

        public void Replace(int i, Guid old, Guid successor)
        {
            lock (ids) if (ids[i] == old) ids[i] = successor;
        }
    }
}
