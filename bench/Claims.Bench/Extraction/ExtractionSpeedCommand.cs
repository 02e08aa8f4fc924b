using System.Diagnostics;
using System.Text;
using Claims.Api.Extraction;
using Claims.Bench.Load;

namespace Claims.Bench.Extraction;

/// <summary>
/// <c>extraction-speed</c>: the extractor alone, on one thread, over a batch of about 4 KB articles: articles and MB a
/// second, and the time per article. The batch is run through once to warm up, then again and again for the time given.
/// </summary>
static class ExtractionSpeedCommand
{
    const int ArticleSize = 4096;
    const int TargetPerSecond = 500;
    const int MaxMeasured = 2_000_000; // bounds the timings kept when the extractor is nearly free (the placeholder)

    public static int Run(Options options)
    {
        var count = options.Int("articles", 5000);
        var seconds = options.Int("seconds", 10);
        options.RejectUnknown();

        var batch = SpeedBatch.Build(count, ArticleSize, seed: 42);
        var bytes = batch.Select(Encoding.UTF8.GetByteCount).ToArray();
        Console.WriteLine($"{batch.Count:N0} articles of {bytes.Min():N0}–{bytes.Max():N0} bytes (mean {bytes.Average():N0}), " +
                          $"recombined from bench/extraction/dev; measured for {seconds} s on one thread after one warm-up pass.");

        var quotes = 0L;
        foreach (var article in batch) quotes += ArticleExtractor.Extract(article).Quotes.Count;

        var milliseconds = new List<double>();
        var measuredBytes = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var budget = Stopwatch.StartNew();
        for (var i = 0; budget.Elapsed.TotalSeconds < seconds && milliseconds.Count < MaxMeasured; i = (i + 1) % batch.Count)
        {
            var start = Stopwatch.GetTimestamp();
            quotes += ArticleExtractor.Extract(batch[i]).Quotes.Count;
            milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            measuredBytes += bytes[i];
        }
        var wall = budget.Elapsed;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var latencies = new Latencies(milliseconds, wall);
        var megabytesPerSecond = measuredBytes / 1e6 / wall.TotalSeconds;
        var fourKilobytesPerSecond = measuredBytes / (double)ArticleSize / wall.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| articles | articles/s | MB/s | 4 KB articles/s | p50 ms | p99 ms | max ms | allocated KB/article | quotes/article |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine($"| {latencies.Count:N0} | {latencies.RequestsPerSecond:N0} | {megabytesPerSecond:N2} | {fourKilobytesPerSecond:N0} | " +
                          $"{latencies.Percentile(50):F3} | {latencies.Percentile(99):F3} | {latencies.Max:F3} | " +
                          $"{allocated / 1024.0 / latencies.Count:N1} | {quotes / (double)(latencies.Count + batch.Count):N1} |");
        Console.WriteLine();
        Console.WriteLine($"{latencies.Count:N0} extractions in {wall.TotalSeconds:F1} s{(latencies.Count == MaxMeasured ? " (stopped at the cap on timings kept)" : "")}.");
        Console.WriteLine($"Target ≥ {TargetPerSecond} articles of 4 KB a second on one core: {(fourKilobytesPerSecond >= TargetPerSecond ? "met" : "NOT met")}.");
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"Load average (1, 5, 15 min) at the end: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
        return 0;
    }
}
