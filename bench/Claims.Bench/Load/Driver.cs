using System.Diagnostics;

namespace Claims.Bench.Load;

/// <summary>Sends a path's requests with a fixed number in flight: a warm-up, then the measured ones, within a time budget.</summary>
sealed class Driver(HttpClient http, int concurrency, TimeSpan budgetPerPath)
{
    public async Task<(Latencies Latencies, bool OutOfTime)> MeasureAsync(ReadPath path, int warmup)
    {
        using var budget = new CancellationTokenSource(budgetPerPath);
        await SendAsync(path.Urls.Take(warmup).ToList(), null, budget.Token);
        var measured = path.Urls.Skip(warmup).ToList();
        var milliseconds = new double[measured.Count];
        Array.Fill(milliseconds, double.NaN);
        var wall = Stopwatch.StartNew();
        var outOfTime = !await SendAsync(measured, milliseconds, budget.Token);
        wall.Stop();
        if (milliseconds.All(double.IsNaN))
            throw new BenchFailedException($"{path.Route}: no request finished within {budgetPerPath.TotalSeconds:F0} s.");
        return (new Latencies(milliseconds.Where(ms => !double.IsNaN(ms)), wall.Elapsed), outOfTime);
    }

    /// <summary>False when the budget ran out first. Any response but a 2xx ends the run.</summary>
    async Task<bool> SendAsync(IReadOnlyList<string> urls, double[]? milliseconds, CancellationToken budget)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = budget };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), options, async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[i], HttpCompletionOption.ResponseContentRead, ct);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    throw new BenchFailedException($"GET {urls[i]} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
                }
                if (milliseconds is not null) milliseconds[i] = elapsed.TotalMilliseconds;
            });
            return true;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return false;
        }
    }
}
