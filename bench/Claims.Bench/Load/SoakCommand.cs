using System.Net.Http.Headers;

namespace Claims.Bench.Load;

/// <summary><c>soak</c>: mixed concurrent writers against a running API (see <see cref="WriterSoak"/>); fails on any 5xx or unexpected answer.</summary>
static class SoakCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = LoadCommand.LoopbackUrl(options.String("url") ?? throw new OptionsException("--url is required."));
        var key = options.String("key") ?? throw new OptionsException("--key is required: the soak writes.");
        var writers = options.Int("writers", 8);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 60));
        var seed = options.Int("seed", 42);
        options.RejectUnknown();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var result = await WriterSoak.RunAsync(http, writers, duration, seed);
        Console.WriteLine(result);
        foreach (var answer in result.Unexpected) Console.WriteLine($"  unexpected: {answer}");
        return result.ServerErrors == 0 && result.UnexpectedCount == 0 ? 0 : 1;
    }
}
