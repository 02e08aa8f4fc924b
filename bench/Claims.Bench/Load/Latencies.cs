namespace Claims.Bench.Load;

/// <summary>The measured requests of one path: latency percentiles (nearest rank) and throughput.</summary>
sealed class Latencies
{
    readonly double[] sorted;

    public Latencies(IEnumerable<double> milliseconds, TimeSpan wallTime)
    {
        sorted = milliseconds.Order().ToArray();
        RequestsPerSecond = sorted.Length / wallTime.TotalSeconds;
    }

    public int Count => sorted.Length;
    public double RequestsPerSecond { get; }
    public double Max => sorted[^1];

    public double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
