using System.Net;
using Claims.Api.Claims;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class ClaimGraphTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<ClaimGraph> GraphAsync(string idOrSlug, int? depth = null) =>
        await (await api.Reader().GetAsync($"/v1/claims/{idOrSlug}/graph{(depth is null ? "" : $"?depth={depth}")}")).ReadAsync<ClaimGraph>();

    [Fact]
    public async Task TheViolationClaimsGraphShowsItsCounterClaimAndWhoHoldsEachSide()
    {
        var graph = await GraphAsync(Seeded.ViolationClaim);

        var root = graph.Nodes.Single(n => n.Id == graph.Root);
        var counter = graph.Nodes.Single(n => n.Slug == Seeded.ComplianceClaim);
        Assert.Equal((Seeded.ViolationClaim, 0, 1), (root.Slug, root.Depth, counter.Depth));
        Assert.Contains(root.AssertedBy, s => s.Slug == Seeded.UnitedStates);
        Assert.Contains(root.AssertedBy, s => s.Slug == Seeded.Nato);
        Assert.Contains(counter.AssertedBy, s => s.Slug == Seeded.RussianDefenceMinistry);
        Assert.Contains(graph.Edges, e => e.Kind == LinkKind.Counters && new[] { e.From, e.To }.Order().SequenceEqual(new[] { root.Id, counter.Id }.Order()));
        Assert.Contains(graph.Nodes, n => n.Slug == "russia-violated-inf-treaty" && n.DisputedBy.Any(s => s.Slug == "russia"));
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task ACycleIsWalkedOnce()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("Cycle A");
        var b = await writer.NewClaimAsync("Cycle B");
        var c = await writer.NewClaimAsync("Cycle C");
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = b.Id });
        await writer.PostJsonAsync($"/v1/claims/{b.Id}/supports", new { claimId = c.Id });
        await writer.PostJsonAsync($"/v1/claims/{c.Id}/supports", new { claimId = a.Id });

        var graph = await GraphAsync(a.Slug, depth: 5);

        Assert.Equal([a.Id, b.Id, c.Id], graph.Nodes.Select(n => n.Id).Order());
        Assert.Equal(3, graph.Edges.Count);
        Assert.Equal([0, 1, 1], graph.Nodes.Select(n => n.Depth).Order());
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task DepthBoundsTheWalkAndSaysWhenItCutSomethingOff()
    {
        var writer = api.Writer();
        var chain = new List<ClaimResponse>();
        for (var i = 0; i < 4; i++) chain.Add(await writer.NewClaimAsync($"Chain link {i}"));
        for (var i = 0; i < 3; i++) await writer.PostJsonAsync($"/v1/claims/{chain[i].Id}/supports", new { claimId = chain[i + 1].Id });

        var shallow = await GraphAsync(chain[0].Slug, depth: 1);
        var deep = await GraphAsync(chain[0].Slug, depth: 3);

        Assert.Equal(2, shallow.Nodes.Count);
        Assert.Single(shallow.Edges);
        Assert.True(shallow.Truncated);
        Assert.Equal(4, deep.Nodes.Count);
        Assert.False(deep.Truncated);
    }

    [Fact]
    public async Task AtMostFiveHundredNodesAreReturned()
    {
        var hub = await api.Writer().NewClaimAsync("Hub claim with many supporters");
        await using (var conn = new NpgsqlConnection(api.ConnectionString))
        {
            // Bulk setup straight in SQL: 600 supporters through the API would only slow the test down.
            await conn.ExecuteAsync("""
                WITH spokes AS (
                    INSERT INTO claim (id, slug, text)
                    SELECT gen_random_uuid(), 'spoke-' || n, 'Spoke ' || n FROM generate_series(1, 600) AS n
                    RETURNING id)
                INSERT INTO claim_link (from_claim_id, to_claim_id, kind) SELECT id, @Hub, 'supports' FROM spokes
                """, new { Hub = hub.Id });
        }

        var graph = await GraphAsync(hub.Slug, depth: 1);

        Assert.Equal(ClaimGraphApi.MaxNodes, graph.Nodes.Count);
        Assert.True(graph.Truncated);
        Assert.Contains(graph.Nodes, n => n.Id == hub.Id);
        Assert.All(graph.Edges, e => Assert.Equal(hub.Id, e.To));
    }

    [Fact]
    public async Task ANodeListsItsFirstHoldersAndCountsThemAll()
    {
        var claim = await api.Writer().NewClaimAsync("Claim held by a crowd");
        await using (var conn = new NpgsqlConnection(api.ConnectionString))
        {
            await conn.ExecuteAsync("""
                WITH crowd AS (
                    INSERT INTO speaker (id, slug, name)
                    SELECT gen_random_uuid(), 'crowd-' || n, 'Crowd ' || n FROM generate_series(1, 40) AS n
                    RETURNING id)
                INSERT INTO stance (id, claim_id, speaker_id, position) SELECT gen_random_uuid(), @Claim, id, 'asserts' FROM crowd
                """, new { Claim = claim.Id });
        }

        var node = Assert.Single((await GraphAsync(claim.Slug)).Nodes);

        Assert.Equal(40, node.AssertedByCount);
        Assert.Equal(ClaimGraphApi.HoldersShown, node.AssertedBy.Count);
        Assert.Equal(0, node.DisputedByCount);
    }

    [Theory]
    [InlineData("?depth=0")]
    [InlineData("?depth=6")]
    [InlineData("?depth=two")]
    public async Task ADepthOutsideOneToFiveIsABadRequest(string query)
    {
        await (await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/graph{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheGraphOfAnUnknownClaimIsNotFound()
    {
        await (await api.Reader().GetAsync("/v1/claims/no-such-claim/graph")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
