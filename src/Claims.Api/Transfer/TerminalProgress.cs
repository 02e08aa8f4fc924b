using System.Diagnostics;

namespace Claims.Api.Transfer;

/// <summary>An import's progress on a terminal: one line, rewritten in place every half second, erased at the end.</summary>
sealed class TerminalProgress : IAsyncDisposable
{
    const string EraseLine = "\r\e[K";

    readonly CancellationTokenSource stop = new();
    readonly Task drawing;
    readonly TextWriter terminal;

    TerminalProgress(ImportProgress progress, TextWriter terminal)
    {
        this.terminal = terminal;
        drawing = DrawAsync(progress);
    }

    /// <summary>Draws on standard error when that is a terminal; null when it is redirected, where a rewritten line is noise.</summary>
    public static TerminalProgress? OnStandardError(ImportProgress progress) =>
        Console.IsErrorRedirected ? null : new TerminalProgress(progress, Console.Error);

    async Task DrawAsync(ImportProgress progress)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var records = progress.Records;
                var line = progress.Phase == "reading"
                    ? $"reading {records:N0} records{(progress.Input is { } name ? $" from {name}" : "")}, {records / clock.Elapsed.TotalSeconds:N0} records/s"
                    : $"{progress.Phase} {records:N0} records, {clock.Elapsed.TotalSeconds:N0} s";
                terminal.Write(EraseLine + line);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await drawing;
        stop.Dispose();
        terminal.Write(EraseLine);
    }
}
