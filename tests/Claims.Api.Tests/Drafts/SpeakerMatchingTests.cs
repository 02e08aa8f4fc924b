using System.Net;
using Claims.Api.Extraction;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Npgsql;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>An article's speakers matched against the stored ones, in the seeded database.</summary>
public sealed class SpeakerMatchingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static ExtractedSpeaker Speaker(int id, string name, SpeakerKind kind = SpeakerKind.Person, params string[] titles) =>
        new(id, name, kind, titles, null, []);

    async Task<Dictionary<int, string>> MatchAsync(params ExtractedSpeaker[] speakers)
    {
        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        await using var conn = await db.OpenConnectionAsync();
        return (await SpeakerMatching.MatchAsync(conn, speakers, CancellationToken.None)).ToDictionary(m => m.Key, m => m.Value.Slug);
    }

    [Fact]
    public async Task SpeakersAreMatchedByNameSlugOrAliasInAnyCaseInOneGo()
    {
        var matches = await MatchAsync(
            Speaker(1, "Stoltenberg"), Speaker(2, "Russian Ministry of Defense", SpeakerKind.Government), Speaker(3, "JENS STOLTENBERG"),
            Speaker(4, "the alliance", SpeakerKind.Organization), Speaker(5, "Nato", SpeakerKind.Organization), Speaker(6, "Russia’s Ministry of Defence"),
            Speaker(7, "Ana Ruiz"), Speaker(8, "United-States", SpeakerKind.Government), Speaker(9, "The United States", SpeakerKind.Government));

        Assert.Equal(new Dictionary<int, string>
        {
            [1] = Seeded.Stoltenberg, [2] = Seeded.RussianDefenceMinistry, [3] = Seeded.Stoltenberg, [4] = Seeded.Nato, [5] = Seeded.Nato,
            [6] = Seeded.RussianDefenceMinistry, [8] = Seeded.UnitedStates, [9] = Seeded.UnitedStates,
        }, matches);
    }

    [Fact]
    public async Task TheTitlesTellApartSpeakersWhoShareAName()
    {
        var writer = api.Writer();
        foreach (var (name, title) in new[] { ("Maria Lopez", "Mayor of Springfield"), ("María López", "Minister of Health") })
            await (await writer.PostJsonAsync("/v1/speakers", new { name, title, aliases = new[] { "Lopez" } })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        var matches = await MatchAsync(
            Speaker(1, "Lopez", SpeakerKind.Person, "Health Minister", "the minister of health"),
            Speaker(2, "Lopez", SpeakerKind.Person, "Springfield's mayor", "Mayor of Springfield"),
            Speaker(3, "Lopez"));

        Assert.Equal(("maria-lopez-2", "maria-lopez", "maria-lopez"), (matches[1], matches[2], matches[3]));
    }

    [Fact]
    public async Task AnArticleWithoutSpeakersAsksNothing()
    {
        Assert.Empty(await MatchAsync());
    }
}
