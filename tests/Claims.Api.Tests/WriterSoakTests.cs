extern alias bench;

using Claims.Api.Tests.Infrastructure;
using bench::Claims.Bench.Load;

namespace Claims.Api.Tests;

/// <summary>
/// Mixed writers that used to deadlock through the change feed's lock (quotes naming entities against entity renames,
/// claim edits against entity deletes) race for a few seconds with no deadlock and no 503. The minute-long run is
/// <c>Claims.Bench soak</c> (bench/README.md).
/// </summary>
public sealed class WriterSoakTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task MixedConcurrentWritersNeitherDeadlockNorGetBusyAnswers()
    {
        var result = await WriterSoak.RunAsync(api.Writer(), writers: 8, duration: TimeSpan.FromSeconds(8));

        Assert.True(result.ServerErrors == 0 && result.UnexpectedCount == 0, $"{result}\n{string.Join('\n', result.Unexpected)}");
        Assert.True(result.Total >= 100, $"Too few writes to tell: {result}");
    }
}
