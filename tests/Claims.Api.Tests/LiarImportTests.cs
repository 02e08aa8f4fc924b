using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Reviews;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Liar;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>The LIAR fixtures imported as the command line imports a folder, and as a body posted to /v1/import?format=liar.</summary>
public sealed class LiarImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    NpgsqlDataSource db = null!;

    public Task InitializeAsync()
    {
        db = NpgsqlDataSource.Create(api.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    Task<ImportResult> ImportFolderAsync() =>
        FormatImporter.ImportAsync(db, new LiarFormat(), TransferCommands.InputsOf(LiarFixtures.Folder, "*.tsv")!, NullLoggerFactory.Instance, CancellationToken.None);

    [Fact]
    public async Task TheFolderImportsEachStatementOnceWithItsSpeakerOnce()
    {
        var report = Assert.IsType<ImportReport>((await ImportFolderAsync()).Report);

        Assert.Equal((10, 14, 14, 14), (Total(report.Speaker), Total(report.Claim), Total(report.Review), Total(report.Stance)));
        Assert.Equal(0, report.SkippedCount);
        var obama = await (await api.Reader().GetAsync("/v1/speakers/barack-obama/claims")).ReadAsync<Page<SpeakerClaim>>();
        Assert.Equal(3, obama.Items.Count);
        Assert.All(obama.Items, c => Assert.Equal(StancePosition.Asserts, c.Stance.Position));
    }

    [Fact]
    public async Task ImportingTheFolderAgainChangesNothing()
    {
        await ImportFolderAsync();
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var again = Assert.IsType<ImportReport>((await ImportFolderAsync()).Report);

        Assert.Equal(new ImportCounts(0, 0, 10), again.Speaker);
        Assert.Equal(new ImportCounts(0, 0, 14), again.Claim);
        Assert.Equal(new ImportCounts(0, 0, 14), again.Review);
        Assert.Equal(new ImportCounts(0, 0, 14), again.Stance);
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task ASpeakersClaimsShowTheContextAndPolitiFactsRating()
    {
        await ImportFolderAsync();

        var speaker = await (await api.Reader().GetAsync("/v1/speakers/barack-obama")).ReadAsync<SpeakerResponse>();
        var claims = await (await api.Reader().GetAsync("/v1/speakers/barack-obama/claims")).ReadAsync<Page<SpeakerClaim>>();

        Assert.Equal(("Barack Obama", SpeakerKind.Person, "President", "democrat", "Illinois"),
            (speaker.Name, speaker.Kind, speaker.Title, speaker.Party, speaker.State));
        var jobs = claims.Items.Single(c => c.Slug.EndsWith("-105", StringComparison.Ordinal));
        Assert.Equal("The economy has added private-sector jobs for 40 months in a row.", jobs.Text);
        Assert.Equal(["economy", "jobs"], jobs.Topics);
        Assert.Equal(("a press conference", (DateOnly?)null), (jobs.Stance.Context, jobs.Stance.SaidOn));
        Assert.Equal([new ReviewRating("PolitiFact", "politifact.com", Rating.MostlyTrue, "mostly-true")], jobs.Ratings);
    }

    [Fact]
    public async Task AStatementIsAClaimWithItsTopicsItsSpeakersStanceAndItsReview()
    {
        await ImportFolderAsync();
        var slug = (await (await api.Reader().GetAsync("/v1/speakers/hillary-clinton/claims?limit=100")).ReadAsync<Page<SpeakerClaim>>())
            .Items.Single(c => c.Slug.EndsWith("-102", StringComparison.Ordinal)).Slug;

        var claim = await api.Reader().ClaimAsync(slug);
        var byTopic = await (await api.Reader().GetAsync("/v1/claims?topic=poverty&limit=100")).ReadAsync<Page<ClaimResponse>>();

        Assert.StartsWith("\"Every winter", claim.Text);
        Assert.Equal(["energy", "poverty"], claim.Topics);
        var stance = Assert.Single(claim.Stances);
        Assert.Equal(("hillary-clinton", StancePosition.Asserts, "a speech in Des Moines, Iowa."), (stance.Speaker.Slug, stance.Position, stance.Context));
        var review = Assert.Single(claim.Reviews);
        Assert.Equal(("PolitiFact", "politifact.com", "true", Rating.True, "en"),
            (review.PublisherName, review.PublisherSite, review.RatingText, review.Rating, review.Language));
        Assert.Equal("https://www.politifact.com/api/v/2/statement/102/?format=json", review.Url);
        Assert.Contains(byTopic.Items, c => c.Id == claim.Id);
    }

    [Fact]
    public async Task SlugsThatAreNotValidSlugsAreAddressableSlugified()
    {
        await ImportFolderAsync();

        var aarp = await (await api.Reader().GetAsync("/v1/speakers/aarp")).ReadAsync<SpeakerResponse>();
        var pastor = await (await api.Reader().GetAsync("/v1/speakers/jack-graham-2")).ReadAsync<SpeakerResponse>();

        Assert.Equal(("AARP", SpeakerKind.Organization, "organization"), (aarp.Name, aarp.Kind, aarp.Party));
        Assert.Equal(("Jack Graham", "Pastor"), (pastor.Name, pastor.Title));
        var organizations = await (await api.Reader().GetAsync("/v1/speakers?party=Organization&limit=100")).ReadAsync<Page<SpeakerResponse>>();
        Assert.Equal(["aarp"], organizations.Items.Select(s => s.Slug));
    }

    [Fact]
    public async Task AFilePostedWithFormatLiarIsImported()
    {
        var response = await api.Writer().PostAsync("/v1/import?format=liar", new ByteArrayContent(await File.ReadAllBytesAsync(LiarFixtures.PathOf("train.tsv"))));

        var report = await response.ReadAsync<ImportReport>();
        Assert.Equal((10, 11, 11, 11), (Total(report.Speaker), Total(report.Claim), Total(report.Review), Total(report.Stance)));
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync("/v1/speakers/dwayne-bohac")).StatusCode);
    }

    [Fact]
    public async Task StoredSpeakersKeepWhatLiarDoesNotSay()
    {
        const string tsv =
            "901.json\tfalse\tSays NATO broke its promise not to expand east.\tforeign-policy\tvladimir-putin\t\tRussia\tnone\t1\t0\t0\t0\t0\ta speech in Munich\n" +
            "902.json\thalf-true\tSays the United States pays most of NATO's bills.\tmilitary\tunited-states\t\t\t\t0\t0\t1\t0\t0\ta budget report\n";

        var report = await (await api.Writer().PostAsync("/v1/import?format=liar", new StringContent(tsv))).ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(0, 1, 1), report.Speaker);
        var putin = await (await api.Reader().GetAsync("/v1/speakers/vladimir-putin")).ReadAsync<SpeakerResponse>();
        Assert.Equal((SpeakerKind.Person, "President of Russia", "none", "Russia"), (putin.Kind, putin.Title, putin.Party, putin.State));
        Assert.Equal(["Putin"], putin.Aliases);
        var unitedStates = await (await api.Reader().GetAsync($"/v1/speakers/{Seeded.UnitedStates}")).ReadAsync<SpeakerResponse>();
        Assert.Equal((SpeakerKind.Government, null), (unitedStates.Kind, unitedStates.Title));
        Assert.Equal(["US", "USA", "Washington"], unitedStates.Aliases);
    }

    [Fact]
    public async Task ABrokenFileIsRefusedLineByLineAndNothingIsWritten()
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await api.Writer().PostAsync("/v1/import?format=liar", new ByteArrayContent(await File.ReadAllBytesAsync(LiarFixtures.PathOf("bad/broken.tsv"))));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body:2", "body:3", "body:4", "body:5", "body:6");
        Assert.Contains("12 tab-separated fields", problem.GetProperty("errors").GetProperty("body:2")[0].GetString());
        Assert.False(problem.GetProperty("errors").TryGetProperty("body:1", out _));
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    static long Total(ImportCounts counts) => counts.Created + counts.Updated + counts.Unchanged;
}
