using System.Diagnostics;
using Claims.Bench.Load;
using Npgsql;

namespace Claims.Bench.Compare;

/// <summary>
/// <c>compare</c>: Claims, PostGraphile on the same database, and pgbench running the statements <c>capture-sql</c> wrote,
/// in alternating rounds: in each round, for each path, the same requests to Claims and then to PostGraphile, then
/// pgbench for as long as Claims took. Prints each round and the ratios, with the load average.
/// </summary>
static class CompareCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var claimsUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required."));
        var graphqlUrl = LoadCommand.LoopbackUrl(options.String("graphql") ?? throw new OptionsException("--graphql is required."));
        var scripts = options.String("scripts") ?? throw new OptionsException("--scripts DIR (written by capture-sql) is required.");
        var database = BenchCluster.DatabaseName(options);
        var rounds = options.Int("rounds", 3);
        var requests = options.Int("requests", 2000);
        var warmup = options.Int("warmup", 200);
        var concurrency = options.Int("concurrency", 4);
        var seed = options.Int("seed", 42);
        options.RejectUnknown();

        Samples samples;
        string connectionString;
        await using (var server = await BenchCluster.StartAsync())
        {
            connectionString = server.ConnectionString(database);
            await using var db = NpgsqlDataSource.Create(connectionString);
            samples = await Samples.DrawAsync(db, requests + warmup, seed);
        }
        var budget = TimeSpan.FromSeconds(300);
        using var claimsHttp = Client(claimsUrl, concurrency);
        using var graphqlHttp = Client(graphqlUrl, concurrency);
        var (claims, postgraphile) = (new Driver(claimsHttp, concurrency, budget), new Driver(graphqlHttp, concurrency, budget));
        var pgbench = new PgBench(connectionString, concurrency);

        Console.WriteLine($"{database} ({samples.Quotes:N0} quotes): {rounds} rounds; each path {requests} requests after {warmup} " +
                          $"warm-up to Claims ({claimsUrl}) and to PostGraphile ({graphqlUrl}), then pgbench for as long; {concurrency} in flight.");
        Console.WriteLine();
        Console.WriteLine("| round | path | Claims req/s | p50 | p99 | PostGraphile req/s | p50 | p99 | pgbench tps | p50 | p99 | ÷ PostGraphile | ÷ pgbench | p99 ÷ PostGraphile's | load |");
        Console.WriteLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        var ratios = ComparedPaths.Names.ToDictionary(n => n, _ => new List<(double Graphql, double PgBench, double P99)>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var name in ComparedPaths.Names)
            {
                var path = ComparedPaths.Claims(name, samples, warmup + requests, seed + round);
                var (ours, _) = await claims.MeasureAsync(path, warmup);
                var (theirs, _) = await postgraphile.MeasureAsync(ComparedPaths.PostGraphile(path), warmup);
                var bare = await pgbench.RunAsync(Path.Combine(scripts, name), TimeSpan.FromSeconds(Math.Max(5, requests / ours.RequestsPerSecond)));
                var r = (ours.RequestsPerSecond / theirs.RequestsPerSecond, ours.RequestsPerSecond / bare.PerSecond, ours.Percentile(99) / theirs.Percentile(99));
                ratios[name].Add(r);
                Console.WriteLine($"| {round} | {name} | {ours.RequestsPerSecond:F0} | {ours.Percentile(50):F2} | {ours.Percentile(99):F2} | " +
                                  $"{theirs.RequestsPerSecond:F0} | {theirs.Percentile(50):F2} | {theirs.Percentile(99):F2} | " +
                                  $"{bare.PerSecond:F0} | {bare.P50:F2} | {bare.P99:F2} | {r.Item1:F2}× | {r.Item2:P0} | {r.Item3:F2} | {LoadAverage()} |");
            }
        }
        Console.WriteLine();
        Console.WriteLine("Median over the rounds:");
        Console.WriteLine();
        Console.WriteLine("| path | Claims ÷ PostGraphile (req/s) | Claims ÷ pgbench on Claims' SQL | Claims' p99 ÷ PostGraphile's |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var (name, r) in ratios)
            Console.WriteLine($"| {name} | {Median(r.Select(x => x.Graphql)):F2}× | {Median(r.Select(x => x.PgBench)):P0} | {Median(r.Select(x => x.P99)):F2} |");
        return 0;
    }

    static HttpClient Client(Uri baseUrl, int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "";
}

/// <summary>pgbench over a folder of scripts, each run as a prepared statement, with the same number of clients.</summary>
sealed class PgBench(string connectionString, int clients)
{
    public sealed record Result(double PerSecond, double P50, double P99);

    public async Task<Result> RunAsync(string scripts, TimeSpan duration)
    {
        var files = Directory.GetFiles(Path.GetFullPath(scripts), "*.sql").Order().ToArray();
        if (files.Length == 0) throw new BenchFailedException($"No pgbench scripts in {scripts}: run capture-sql first.");
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var logs = Directory.CreateTempSubdirectory("claims-pgbench-");
        try
        {
            var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = logs.FullName };
            foreach (var a in new[] { "-n", "-M", "prepared", "-c", $"{clients}", "-j", "2", "-T", $"{Math.Ceiling(duration.TotalSeconds)}", "-l",
                         "-h", connection.Host!, "-p", $"{connection.Port}", "-U", connection.Username! })
                start.ArgumentList.Add(a);
            // At most 128 scripts; each is its own prepared statement, as each value set is a connection's prepared statement's.
            foreach (var file in files.Take(128)) { start.ArgumentList.Add("-f"); start.ArgumentList.Add(file); }
            start.ArgumentList.Add(connection.Database!);
            start.Environment["PGPASSWORD"] = connection.Password;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new BenchFailedException($"pgbench failed: {await errors}{await output}");
            var tps = (await output).Split('\n').Single(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            // Each log line: client, transaction, latency in µs, script, epoch seconds, µs.
            var latencies = logs.GetFiles("pgbench_log.*").SelectMany(f => File.ReadLines(f.FullName))
                .Select(line => long.Parse(line.Split(' ')[2]) / 1000.0).Order().ToArray();
            double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Length) - 1, 0, latencies.Length - 1)];
            return new Result(double.Parse(tps.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture), Percentile(50), Percentile(99));
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }
}
