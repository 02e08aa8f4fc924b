using System.Net;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>Creates of one name that race each other all succeed, each under a slug of its own derived from the name.</summary>
public sealed class ConcurrentCreateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const int Racers = 20;

    [Theory]
    [InlineData("/v1/speakers", "name", "Racing Speaker")]
    [InlineData("/v1/claims", "text", "Racing claim")]
    [InlineData("/v1/entities", "name", "Racing Entity")]
    public async Task ConcurrentCreatesOfOneNameAllGetSlugsOfTheirOwn(string url, string field, string name)
    {
        using var start = new SemaphoreSlim(0);
        // Made one after another: the first builds the host, which the factory does not do for concurrent callers.
        var writers = Enumerable.Range(0, Racers).Select(_ => api.Writer()).ToList();
        var racers = writers.Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await writer.PostJsonAsync(url, new Dictionary<string, string> { [field] = name });
        })).ToList();
        start.Release(Racers);

        var slugs = new List<string>();
        foreach (var response in await Task.WhenAll(racers))
            slugs.Add((await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("slug").GetString()!);

        var baseSlug = name.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(Racers, slugs.Distinct().Count());
        Assert.Equal([baseSlug, .. Enumerable.Range(2, Racers - 1).Select(n => $"{baseSlug}-{n}")], slugs.Order(StringComparer.Ordinal).OrderBy(s => s.Length));
    }
}
