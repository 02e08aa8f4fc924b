using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Claims.Bench.Load;

/// <summary>Sends a path's requests with a fixed number in flight: a warm-up, then the measured ones, within a time budget.</summary>
sealed class Driver(HttpClient http, int concurrency, TimeSpan budgetPerPath)
{
    public async Task<(Latencies Latencies, bool OutOfTime)> MeasureAsync(ReadPath path, int warmup)
    {
        using var budget = new CancellationTokenSource(budgetPerPath);
        await SendAsync(path, 0, warmup, null, budget.Token);
        var measured = path.Urls.Count - warmup;
        var milliseconds = new double[measured];
        Array.Fill(milliseconds, double.NaN);
        var wall = Stopwatch.StartNew();
        var outOfTime = !await SendAsync(path, warmup, measured, milliseconds, budget.Token);
        wall.Stop();
        if (milliseconds.All(double.IsNaN))
            throw new BenchFailedException($"{path.Route}: no request finished within {budgetPerPath.TotalSeconds:F0} s.");
        return (new Latencies(milliseconds.Where(ms => !double.IsNaN(ms)), wall.Elapsed), outOfTime);
    }

    /// <summary>False when the budget ran out first. Any response but a 2xx, or a GraphQL answer with errors, ends the run.</summary>
    async Task<bool> SendAsync(ReadPath path, int first, int count, double[]? milliseconds, CancellationToken budget)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = budget };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, ct) =>
            {
                var url = path.Urls[first + i];
                using var request = path.Bodies is null
                    ? new HttpRequestMessage(HttpMethod.Get, url)
                    : new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(path.Bodies[first + i], Encoding.UTF8, "application/json") };
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (!response.IsSuccessStatusCode || path.Bodies is not null && await HasErrorsAsync(response, ct))
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    throw new BenchFailedException($"{request.Method} {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
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

    static async Task<bool> HasErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
        return json.RootElement.TryGetProperty("errors", out _);
    }
}
