using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using static Claims.Api.Tests.Infrastructure.AifImports;

namespace Claims.Api.Tests;

/// <summary>
/// AIF nodesets in: the two fixtures share a conflict (nodes 1001, 1002, 1201, 1202, 1401 and the moves around them),
/// and hold the traps of QT30: annotators' isolated copies of locutions, a connected one with its annotator's prefix,
/// relation nodes missing an end or joined to an L node, scheme fields missing, two propositions reading "no", and a
/// locution outside the BMP.
/// </summary>
public sealed class AifImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    const string Reopen = "schools-should-reopen-in-june-1201", TooEarly = "it-is-too-early-to-reopen-schools-1202",
        Falling = "the-r-number-is-falling-1203", ChildrenBack = "children-should-go-back-to-school-in-june-1204";

    readonly List<ImportNote> skipped = [];

    static ImportInput[] Nodesets => [Fixture("nodeset90001.json"), Fixture("nodeset90002.json")];

    public async Task InitializeAsync() => skipped.AddRange((await ImportAifFolderAsync(api.ConnectionString)).Skipped);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NodesetsThatShareNodesImportAgainWithoutChangeTogetherOrAlone()
    {
        var again = await ImportAifFolderAsync(api.ConnectionString);
        var alone = await api.Writer().ImportAifAsync("nodeset90001.json");

        foreach (var report in new[] { again, alone })
            foreach (var counts in new[] { report.Speaker, report.Source, report.Claim, report.Quote, report.Stance, report.ClaimLink })
                Assert.Equal((0, 0), (counts.Created, counts.Updated));
        var tooEarly = await api.Reader().ClaimAsync(TooEarly);
        Assert.Equal([Reopen], tooEarly.CounterClaims.Select(c => c.Slug));
    }

    [Fact]
    public async Task ANodesetReadAloneGivesItsSharedNodesAsReadWithTheOtherButForRephrasesItDoesNotHold()
    {
        var (together, _) = await ReadAsync(Nodesets);
        var (first, _) = await ReadAsync(Fixture("nodeset90001.json"));
        var (second, _) = await ReadAsync(Fixture("nodeset90002.json"));

        static HashSet<string> Lines(IEnumerable<ImportRecord> records) => records.Select(r => $"{r.Type} {r.Data.ToJsonString()}").ToHashSet();
        var (all, alone) = (Lines(together), Lines(first).Union(Lines(second)).ToHashSet());
        Assert.Equal(all.Count, together.Count);
        Assert.Subset(alone, all);
        // Read alone, 90002 does not hold the rephrase (MA 1403) that makes its shared locution 1001 one statement with 1004.
        var differs = Assert.Single(alone.Except(all));
        Assert.Equal((StableIds.For("aif", "quote", "1001").ToString(), false), ((string)Record(differs)["id"]!, (bool)Record(differs)["statementPinned"]!));
    }

    static JsonObject Record(string line) => JsonNode.Parse(line[(line.IndexOf(' ') + 1)..])!.AsObject();

    [Fact]
    public async Task ConflictsBecomeCounterClaimsAndInferencesSupportsFromEachPremise()
    {
        var reopen = await api.Reader().ClaimAsync(Reopen);
        var tooEarly = await api.Reader().ClaimAsync(TooEarly);

        Assert.Equal([TooEarly], reopen.CounterClaims.Select(c => c.Slug));
        Assert.Equal([Falling], reopen.SupportedBy.Select(c => c.Slug));
        // Two RA nodes give "no" (2201) → too early; the second also has "masks work" as a premise.
        Assert.Equal(["masks-work-2203", "no-2201"], tooEarly.SupportedBy.Select(c => c.Slug).Order());
    }

    [Fact]
    public async Task IllocutionsBecomeStancesEvidencedByTheirLocutions()
    {
        var reopen = await api.Reader().ClaimAsync(Reopen);
        var falling = await api.Reader().ClaimAsync(Falling);
        var childrenBack = await api.Reader().ClaimAsync(ChildrenBack);
        var safe = await api.Reader().ClaimAsync("it-is-safe-to-reopen-1205");

        Assert.Equal(
        [
            // Asserting; Disagreeing anchored in the conflict disputes what it attacks; Agreeing anchored in a transition.
            ("ada-lovelace", StancePosition.Asserts, "Schools should reopen in June."),
            ("bob-brown", StancePosition.Disputes, "It is too early to reopen schools."),
            ("carol-chen", StancePosition.Asserts, "Ada is right."),
        ], Holders(reopen));
        Assert.Equal([("ada-lovelace", StancePosition.Asserts, "We should get children back in June.")], Holders(childrenBack));
        Assert.Contains(falling.Stances, s => s.Speaker.Slug == "chief-medical-officer" && s.Quote is { Kind: QuoteKind.Paraphrase, Text: "the R number is falling" });
        Assert.Empty(safe.Stances); // a question asserts nothing
    }

    [Fact]
    public async Task AStanceWasTakenOnTheDayItsLocutionWasSaid()
    {
        var reopen = await api.Reader().ClaimAsync(Reopen);
        var falling = await api.Reader().ClaimAsync(Falling);
        var stances = Ndjson.Parse(await api.Reader().GetByteArrayAsync("/v1/export")).Where(r => r.Type == "stance").ToDictionary(r => (string)r.Data["id"]!);

        string? SaidOn(ClaimDetail claim, string speaker) => (string?)stances[claim.Stances.Single(s => s.Speaker.Slug == speaker).Id.ToString()].Data["saidOn"];
        Assert.Equal("2020-05-21", SaidOn(reopen, "ada-lovelace"));
        Assert.Null(SaidOn(falling, "ada-lovelace")); // locution 1003 has no start
    }

    [Fact]
    public async Task ASpeakerHoldsOnePositionOnAClaimAndTheContraryOneIsReported()
    {
        var reopen = await api.Reader().ClaimAsync(Reopen);

        Assert.Single(reopen.Stances, s => s.Speaker.Slug == "bob-brown");
        Assert.Contains(skipped, n => n.Origin == "nodeset90001.json node 1111" && n.Message.StartsWith("Bob Brown asserts I node 1201 here, but disputes it"));
    }

    [Fact]
    public async Task RephrasesByOneSpeakerAreOneStatementAndBothPropositionsStayClaims()
    {
        var reopen = await api.Reader().ClaimAsync(Reopen);
        var childrenBack = await api.Reader().ClaimAsync(ChildrenBack);
        var said = reopen.Stances.Single(s => s.Speaker.Slug == "ada-lovelace").Quote!.Id;

        var variants = await (await api.Reader().GetAsync($"/v1/quotes/{said}/variants")).ReadAsync<Page<QuoteResponse>>();

        Assert.NotEqual(reopen.Id, childrenBack.Id);
        Assert.Equal(["We should get children back in June."], variants.Items.Select(q => q.Text));
    }

    [Fact]
    public async Task AnnotatorsCopiesAreSkippedAndAConnectedLocutionLosesItsAnnotatorsName()
    {
        var dan = await api.Reader().GetAsync("/v1/speakers/dan-day/quotes");
        var annotator = await api.Reader().GetAsync("/v1/speakers/hyewon");

        Assert.Equal(["The advice is clear."], (await dan.ReadAsync<Page<QuoteResponse>>()).Items.Select(q => q.Text));
        Assert.Equal(HttpStatusCode.NotFound, annotator.StatusCode);
        Assert.Contains(new ImportNote("nodeset90001.json", "2 isolated L node(s), with no edges: annotators' copies of connected locutions."), skipped);
    }

    [Fact]
    public void MalformedRelationNodesAreSkippedAndReportedByNodeWhileTheRestImports()
    {
        Assert.Equal(
        [
            new ImportNote("nodeset90001.json node 1404", "RA node 1404 leads to 0 I nodes instead of one; it is not imported."),
            new ImportNote("nodeset90001.json node 1405", "CA node 1405 is joined to L node 1005, where an I node belongs; it is not imported."),
            new ImportNote("nodeset90001.json node 1406", "CA node 1406 is dangling: no I node leads into it or out of it; it is not imported."),
            new ImportNote("nodeset90001.json node 1407", "RA node 1407 has an edge to node 9999, which is not in the nodeset; it is not imported."),
            new ImportNote("nodeset90002.json node 2104", "YA node 2104 is dangling: it has no edges."),
        ], skipped.Where(n => n.Message.Contains("dangling") || n.Message.Contains("not imported")));
    }

    [Fact]
    public async Task EachLocutionIsAQuoteWhoseSpanInItsSourceHoldsItsWords()
    {
        var quotes = await (await api.Reader().GetAsync("/v1/speakers/gina-green/quotes")).ReadAsync<Page<QuoteResponse>>();
        var quote = Assert.Single(quotes.Items);
        var source = await (await api.Reader().GetAsync($"/v1/sources/{quote.Source.Id}")).ReadAsync<SourceDetail>();

        Assert.Equal(("😀 Masks work.", new Span(13, 26), new DateOnly(2020, 6, 4)), (quote.Text, quote.Span!, quote.SaidOn!.Value));
        Assert.Equal(("http://www.aifdb.org/nodes/2003", "Gina Green : 😀 Masks work.", "AIFdb"), (source.Url, source.Body, source.Publisher!));
    }

    [Fact]
    public async Task PropositionsThatReadTheSameStayClaimsOfTheirOwn()
    {
        var no = await api.Reader().ClaimAsync("no-2201");
        var alsoNo = await api.Reader().ClaimAsync("no-2202");

        Assert.Equal(("no", "no"), (no.Text, alsoNo.Text));
        Assert.Equal(["eve-evans"], no.Stances.Select(s => s.Speaker.Slug));
        Assert.Equal(["frank-fox"], alsoNo.Stances.Select(s => s.Speaker.Slug));
    }

    [Fact]
    public async Task StoredSpeakersKeepTheirKindTitleAndAliasesWhichAifDoesNotHave()
    {
        const string nodeset = """
            {"nodes": [
              {"nodeID": "95001", "text": "Jens Stoltenberg : We will not mirror Russia.", "type": "L", "timestamp": "2020-02-12 10:00:00"},
              {"nodeID": "95002", "text": "Asserting", "type": "YA", "timestamp": "2020-02-12 10:00:00"},
              {"nodeID": "95003", "text": "NATO will not mirror Russia's new missiles", "type": "I", "timestamp": "2020-02-12 10:00:00"},
              {"nodeID": "95004", "text": "NATO : We are a defensive alliance.", "type": "L", "timestamp": "2020-02-12 10:00:00"},
              {"nodeID": "95005", "text": "Asserting", "type": "YA", "timestamp": "2020-02-12 10:00:00"},
              {"nodeID": "95006", "text": "NATO is a defensive alliance", "type": "I", "timestamp": "2020-02-12 10:00:00"}],
             "edges": [
              {"edgeID": "95101", "fromID": "95001", "toID": "95002"}, {"edgeID": "95102", "fromID": "95002", "toID": "95003"},
              {"edgeID": "95103", "fromID": "95004", "toID": "95005"}, {"edgeID": "95104", "fromID": "95005", "toID": "95006"}],
             "locutions": []}
            """;
        var before = await SpeakersAsync();

        var report = await (await api.Writer().PostAsync("/v1/import?format=aif", new StringContent(nodeset))).ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(0, 0, 2), report.Speaker);
        Assert.Equal(2, report.Stance.Created);
        Assert.Equal(before, await SpeakersAsync());

        async Task<string[]> SpeakersAsync() => await Task.WhenAll(new[] { Seeded.Stoltenberg, Seeded.Nato }.Select(async slug =>
        {
            var speaker = await (await api.Reader().GetAsync($"/v1/speakers/{slug}")).ReadAsync<SpeakerResponse>();
            return $"{speaker.Kind} {speaker.Title} {string.Join(", ", speaker.Aliases)}";
        }));
    }

    [Theory]
    [InlineData("broken/not-a-nodeset.json", "This is not an AIF nodeset")]
    [InlineData("broken/truncated.json", "This is not JSON (line 2")]
    public async Task InputThatIsNotAnAifNodesetIsRefusedAndNothingIsWritten(string fixture, string message)
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await api.Writer().PostAifAsync(fixture);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    static IEnumerable<(string, StancePosition, string?)> Holders(ClaimDetail claim) =>
        claim.Stances.Select(s => (s.Speaker.Slug, s.Position, s.Quote?.Text)).Order();
}
