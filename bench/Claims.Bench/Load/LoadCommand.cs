using Npgsql;

namespace Claims.Bench.Load;

/// <summary><c>load</c>: measures the API's main read paths on the bench database it serves.</summary>
static class LoadCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required, e.g. --url http://127.0.0.1:5199."));
        var database = BenchCluster.DatabaseName(options);
        var paths = options.String("paths", string.Join(',', ReadPaths.All)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var requests = options.Int("requests", 2000);
        var warmup = options.Int("warmup", 200);
        var concurrency = options.Int("concurrency", 4);
        var budget = TimeSpan.FromSeconds(options.Int("seconds-per-path", 120));
        var seed = options.Int("seed", 42);
        options.RejectUnknown();

        Samples samples;
        await using (var server = await BenchCluster.StartAsync())
        await using (var db = NpgsqlDataSource.Create(server.ConnectionString(database)))
            samples = await Samples.DrawAsync(db, requests + warmup, seed);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var driver = new Driver(http, concurrency, budget);
        var random = new Random(seed);

        Console.WriteLine($"{baseUrl} on {database} ({samples.Quotes:N0} quotes): {requests} measured requests per path after " +
                          $"{warmup} warm-up, {concurrency} in flight, at most {budget.TotalSeconds:F0} s per path.");
        Console.WriteLine();
        Console.WriteLine("| path | requests | p50 ms | p95 ms | p99 ms | max ms | req/s |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var name in paths)
        {
            var path = ReadPaths.Build(name, samples, warmup + requests, random);
            var (latencies, outOfTime) = await driver.MeasureAsync(path, warmup);
            Console.WriteLine($"| `{path.Route}` | {latencies.Count}{(outOfTime ? " (time budget)" : "")} | {latencies.Percentile(50):F1} | " +
                              $"{latencies.Percentile(95):F1} | {latencies.Percentile(99):F1} | {latencies.Max:F1} | {latencies.RequestsPerSecond:F0} |");
        }
        // Other work on the machine skews the numbers; say how busy it was.
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"\nLoad average (1, 5, 15 min) at the end: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
        return 0;
    }

    /// <summary>The driver only ever loads this machine.</summary>
    public static Uri LoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Host is "127.0.0.1" or "localhost"
            ? uri
            : throw new OptionsException($"--url must be http://127.0.0.1:PORT or http://localhost:PORT, not '{url}': the load driver only targets this machine.");
}
