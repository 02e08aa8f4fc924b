using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Claims.Api.Changes;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class ChangesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<ChangesPage> ChangesAsync(string query) =>
        await (await api.Reader().GetAsync($"/v1/changes?{query}")).ReadAsync<ChangesPage>();

    async Task<long> HeadAsync() => (await ChangesAsync("after=0&limit=1000")) is var page && page.Items.Count < 1000
        ? page.Next
        : throw new InvalidOperationException("More events than one page.");

    [Fact]
    public async Task EveryKindOfWriteAppendsAnEvent()
    {
        var writer = api.Writer();
        var after = await HeadAsync();
        var speaker = await writer.NewSpeakerAsync();
        var a = await writer.NewClaimAsync("Feed claim A");
        var b = await writer.NewClaimAsync("Feed claim B");
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = b.Id });
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/stances", new { speakerId = speaker.Id, position = "asserts" });
        await writer.PutJsonAsync($"/v1/claims/{b.Id}", new { text = "Feed claim B, reworded" });
        await writer.DeleteAsync($"/v1/claims/{a.Id}/counter-claims/{b.Id}");
        await writer.DeleteAsync($"/v1/claims/{b.Id}");

        var events = (await ChangesAsync($"after={after}")).Items;

        Assert.Contains(events, e => (e.Resource, e.Id, e.Operation) == ("speaker", speaker.Id, "create"));
        Assert.Contains(events, e => (e.Resource, e.Id, e.Operation, e.RelatedId, e.Detail) == ("claim", a.Id, "link", b.Id, "counters"));
        Assert.Contains(events, e => (e.Resource, e.Operation) == ("stance", "create"));
        Assert.Contains(events, e => (e.Resource, e.Id, e.Operation) == ("claim", b.Id, "update"));
        Assert.Contains(events, e => (e.Resource, e.Id, e.Operation) == ("claim", a.Id, "unlink"));
        Assert.Contains(events, e => (e.Resource, e.Id, e.Operation) == ("claim", b.Id, "delete"));
        Assert.Equal(events.Select(e => e.Position).Order(), events.Select(e => e.Position));
    }

    [Fact]
    public async Task APollerRacingConcurrentWritersSeesExactlyTheCommittedEventsOnce()
    {
        var start = await HeadAsync();
        var committed = new ConcurrentBag<Guid>();
        var rolledBack = new ConcurrentBag<Guid>();
        var writing = true;

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            await using var conn = new NpgsqlConnection(api.ConnectionString);
            await conn.OpenAsync();
            for (var i = 0; i < 15; i++)
            {
                await using var tx = await conn.BeginTransactionAsync();
                var id = Guid.CreateVersion7();
                await conn.ExecuteAsync("INSERT INTO speaker (id, slug, name) VALUES (@id, @slug, 'Racer')",
                    new { id, slug = $"racer-{id:N}" }, tx);
                await Task.Delay(random.Next(0, 15)); // hold the transaction open so commits interleave
                if (random.Next(3) == 0)
                {
                    await tx.RollbackAsync();
                    rolledBack.Add(id);
                }
                else
                {
                    await tx.CommitAsync();
                    committed.Add(id);
                }
            }
        })).ToArray();
        var done = Task.WhenAll(writers).ContinueWith(_ => writing = false);

        var seen = new List<ChangeEvent>();
        var after = start;
        while (true)
        {
            var stillWriting = writing;
            var page = await ChangesAsync($"after={after}&types=speaker&limit=7&wait=1");
            seen.AddRange(page.Items);
            Assert.True(page.Next >= after);
            after = page.Next;
            if (!stillWriting && page.Items.Count == 0) break;
        }
        await done;

        Assert.Equal(seen.Count, seen.Select(e => e.Position).Distinct().Count());
        Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
        Assert.Equal(committed.Order(), seen.Where(e => e.Operation == "create").Select(e => e.Id).Order());
        Assert.DoesNotContain(seen, e => rolledBack.Contains(e.Id));
        Assert.NotEmpty(rolledBack);
    }

    [Fact]
    public async Task ALongPollReturnsAsSoonAsAWriteCommits()
    {
        var after = await HeadAsync();
        var clock = Stopwatch.StartNew();
        var poll = ChangesAsync($"after={after}&wait=20");
        await Task.Delay(300);
        var speaker = await api.Writer().NewSpeakerAsync("Awaited Speaker");

        var page = await poll;

        Assert.Contains(page.Items, e => e.Id == speaker.Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AnIdlePollWaitsThenReturnsNothingAndTheSamePosition()
    {
        var after = await HeadAsync();
        var clock = Stopwatch.StartNew();

        var page = await ChangesAsync($"after={after}&types=source&wait=1");

        Assert.Empty(page.Items);
        Assert.True(page.Next >= after);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task ATypesFilterStillMovesThePositionPastOtherEvents()
    {
        var after = await HeadAsync();
        await api.Writer().NewClaimAsync("Not a source");

        var page = await ChangesAsync($"after={after}&types=source");

        Assert.Empty(page.Items);
        Assert.True(page.Next > after);
    }

    [Theory]
    [InlineData("types=")]
    [InlineData("types=,,")]
    public async Task ATypesFilterNamingNoTypeSkipsNoEvent(string types)
    {
        var after = await HeadAsync();
        var claim = await api.Writer().NewClaimAsync("Seen through an empty filter");

        var page = await ChangesAsync($"after={after}&{types}");

        Assert.Contains(page.Items, e => e.Id == claim.Id);
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=abc")]
    [InlineData("limit=0")]
    [InlineData("wait=31")]
    [InlineData("types=robots")]
    public async Task BadFeedParametersAreABadRequest(string query)
    {
        await (await api.Reader().GetAsync($"/v1/changes?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
