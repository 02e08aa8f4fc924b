using System.Diagnostics;

namespace Claims.Bench.Generation;

/// <summary>Times each step of a run and prints it as it finishes.</summary>
sealed class Phases
{
    readonly Stopwatch total = Stopwatch.StartNew();

    public TimeSpan Elapsed => total.Elapsed;

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        var watch = Stopwatch.StartNew();
        var result = await step();
        Console.WriteLine($"  {name,-26} {watch.Elapsed.TotalSeconds,8:F1} s");
        return result;
    }

    public Task TimeAsync(string name, Func<Task> step) => TimeAsync(name, async () =>
    {
        await step();
        return true;
    });
}
