using System.Net;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>/v1/claims/matches is the matcher's: no claim may be slugged "matches", or it could not be read by its slug.</summary>
public sealed class ReservedClaimSlugTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AClaimGivenTheSlugMatchesIsRefusedWritingNothing()
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var problem = await (await api.Writer().PostJsonAsync("/v1/claims", new { text = "Two claims match.", slug = "matches" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "slug");

        Assert.Contains("/v1/claims/matches", problem.GetProperty("errors").GetProperty("slug")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AClaimCannotBeRenamedMatchesByPutOrPatch()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The match was fixed.");

        await (await writer.PutJsonAsync($"/v1/claims/{claim.Id}", new { text = claim.Text, slug = "matches" })).AssertProblemAsync(HttpStatusCode.BadRequest, "slug");
        await (await writer.MergePatchAsync($"/v1/claims/{claim.Id}", """{"slug": "matches"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "slug");

        Assert.Equal(claim.Slug, (await writer.ClaimAsync(claim.Id.ToString())).Slug);
    }

    [Fact]
    public async Task AClaimWhoseTextIsMatchesGetsADerivedSlugPastIt()
    {
        var claim = await api.Writer().NewClaimAsync("Matches");

        Assert.Equal("matches-2", claim.Slug);
        Assert.Equal(claim.Id, (await api.Reader().ClaimAsync("matches-2")).Id);
    }

    [Fact]
    public async Task AnImportedClaimSluggedMatchesIsAnErrorOnItsLine()
    {
        var response = await ImportAsync(api.Writer(), Record("claim", new { id = Guid.CreateVersion7(), slug = "matches", text = "Matches are struck." }));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1")).GetProperty("errors");
        Assert.Contains("'slug' must not be 'matches'", errors.GetProperty("line 1")[0].GetString());
    }

    [Fact]
    public async Task TheDatabaseRefusesItAndOtherKindsMayUseIt()
    {
        var claim = await api.Writer().NewClaimAsync("The matches were wet.");
        await using var conn = new NpgsqlConnection(api.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync("UPDATE claim SET slug = 'matches' WHERE id = @Id", new { claim.Id }));
        var speaker = await (await api.Writer().PostJsonAsync("/v1/speakers", new { name = "Matches", slug = "matches" })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        Assert.Equal("claim_slug_not_reserved", error.ConstraintName);
        Assert.Equal("matches", speaker.Slug);
    }

    [Fact]
    public async Task AClaimSluggedMatchesBeforeTheSlugWasReservedIsRenamedByTheMigration()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            await Migrator.MigrateAsync(db, Migration.Embedded.Where(m => string.CompareOrdinal(m.Name, "0016") < 0).ToList());
            var id = Guid.CreateVersion7();
            await using var conn = await db.OpenConnectionAsync();
            await conn.ExecuteAsync("INSERT INTO claim (id, slug, text) VALUES (@Id, 'matches', 'Matches')", new { Id = id });

            await Migrator.MigrateAsync(db, Migration.Embedded);

            Assert.Equal($"matches-{id.ToString()[..8]}", await conn.ExecuteScalarAsync<string>("SELECT slug FROM claim WHERE id = @Id", new { Id = id }));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
