using System.Text.Json.Nodes;
using Claims.Api.Transfer.Formats;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>The LIAR files of Fixtures/liar read through the format, into the records the import receives.</summary>
public sealed class LiarFormatTests
{
    [Fact]
    public async Task EachStatementIsOneClaimStanceAndReviewAndEachSpeakerOneRecord()
    {
        var (records, notes) = await LiarFixtures.ReadAsync(LiarFixtures.AllFiles);

        Assert.Empty(notes.Problems);
        Assert.Empty(notes.Skipped);
        Assert.Equal(14, Of(records, "claim").Count);
        Assert.Equal(14, Of(records, "stance").Count);
        Assert.Equal(14, Of(records, "review").Count);
        Assert.Equal(
            ["aarp", "barack-obama", "chain-email", "dinesh-dsouza", "dwayne-bohac", "hillary-clinton", "jack-graham", "jack-graham-2", "kasim-reed", "sarah-palin"],
            Of(records, "speaker").Select(s => (string)s["slug"]!));
        // A type at a time, as the import stages them.
        Assert.Equal(["speaker", "claim", "review", "stance"], records.Select(r => r.Type).Where((type, i) => i == 0 || records[i - 1].Type != type));
    }

    [Fact]
    public async Task AStatementOpeningAQuoteItNeverClosesEndsAtItsTab()
    {
        var (records, _) = await LiarFixtures.ReadAsync("train.tsv");

        Assert.Equal("\"Every winter, thousands of families in this state go without heat because they cannot pay the bill.",
            Claim(records, 102)["text"]!.GetValue<string>());
        Assert.Equal("\"The recession we walked into was worse\" than any since the 1930s.", Claim(records, 103)["text"]!.GetValue<string>());
        Assert.Equal("a speech in Des Moines, Iowa.", Stance(records, 102)["context"]!.GetValue<string>());
    }

    [Fact]
    public async Task BidiMarksAndCurlyQuotesStayInTheText()
    {
        var (records, _) = await LiarFixtures.ReadAsync(LiarFixtures.AllFiles);

        Assert.Equal("As a senator with salary and perks, \u202a#Bernie\u202c is in the top 1 percent of earners.", Claim(records, 104)["text"]!.GetValue<string>());
        Assert.Equal("Says the governor\u2019s plan would close every rural hospital.", Claim(records, 301)["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task LinesWithTheWrongFieldsAreProblemsNamingTheirFileAndLine()
    {
        var (records, notes) = await LiarFixtures.ReadAsync("bad/broken.tsv");

        Assert.Equal(["broken.tsv:2", "broken.tsv:3", "broken.tsv:4", "broken.tsv:5", "broken.tsv:6"], notes.Problems.Select(p => p.Origin));
        Assert.Contains("12 tab-separated fields", notes.Problems[0].Message);
        Assert.Contains("15 tab-separated fields", notes.Problems[1].Message);
        Assert.Contains("'statement-404' is not a statement id", notes.Problems[2].Message);
        Assert.Contains("statement", notes.Problems[3].Message);
        Assert.Contains("speaker", notes.Problems[4].Message);
        Assert.Equal(["broken.tsv:7"], notes.Skipped.Select(s => s.Origin));
        Assert.Equal(["a-good-line-comes-first-401", "no-label-at-all-407"], Of(records, "claim").Select(c => Text(c, "slug")));
        Assert.Equal(["https://www.politifact.com/api/v/2/statement/401/?format=json"], Of(records, "review").Select(r => Text(r, "url")));
    }

    [Fact]
    public async Task FieldsAreTrimmedAndEmptyOnesAreLeftOut()
    {
        var (records, _) = await LiarFixtures.ReadAsync(LiarFixtures.AllFiles);

        Assert.Equal("Illinois", Speaker(records, "barack-obama")["state"]!.GetValue<string>());
        Assert.Equal("a press conference", Stance(records, 105)["context"]!.GetValue<string>());
        Assert.False(Stance(records, 106).ContainsKey("context"));
        Assert.False(Speaker(records, "sarah-palin").ContainsKey("title"));
        Assert.False(Speaker(records, "aarp").ContainsKey("state"));
    }

    [Fact]
    public async Task SpeakersTakeTheirJobStateAndPartyFromTheirNewestStatementThatGivesThem()
    {
        var (records, _) = await LiarFixtures.ReadAsync(LiarFixtures.AllFiles);

        var obama = Speaker(records, "barack-obama");
        Assert.Equal(("Barack Obama", "President", "democrat"), (Text(obama, "name"), Text(obama, "title"), Text(obama, "party")));
        Assert.False(obama.ContainsKey("kind")); // LIAR tells organizations by their party, not people from governments
        var reed = Speaker(records, "kasim-reed");
        Assert.Equal(("Atlanta Mayor", "Georgia"), (Text(reed, "title"), Text(reed, "state")));
        Assert.Equal(StableIds.For("liar", "speaker", "barack-obama").ToString(), Text(obama, "id"));
    }

    [Fact]
    public async Task InvalidLiarSlugsAreSlugifiedWithoutTakingAnotherSpeakersSlug()
    {
        var (records, _) = await LiarFixtures.ReadAsync("train.tsv");

        var aarp = Speaker(records, "aarp");
        Assert.Equal(("AARP", "organization", "organization"), (Text(aarp, "name"), Text(aarp, "kind"), Text(aarp, "party")));
        Assert.Equal(("Jack Graham", "City council candidate"), (Text(Speaker(records, "jack-graham"), "name"), Text(Speaker(records, "jack-graham"), "title")));
        Assert.Equal(("Jack Graham", "Pastor"), (Text(Speaker(records, "jack-graham-2"), "name"), Text(Speaker(records, "jack-graham-2"), "title")));
        Assert.Equal(StableIds.For("liar", "speaker", "Jack_Graham").ToString(), Text(Speaker(records, "jack-graham-2"), "id"));
    }

    [Fact]
    public async Task AStatementIsAClaimWithTopicsAssertedByItsSpeakerInItsContext()
    {
        var (records, _) = await LiarFixtures.ReadAsync("train.tsv");

        var claim = Claim(records, 101);
        Assert.Equal(StableIds.For("liar", "claim", "101").ToString(), Text(claim, "id"));
        Assert.Equal("says-the-county-budget-doubled-in-four-years-while-schools-lost-funding-101", Text(claim, "slug"));
        Assert.Equal(["county-budget", "taxes", "education"], Topics(claim));
        Assert.Equal(["health-care", "economy"], Topics(Claim(records, 106)));

        var stance = Stance(records, 101);
        Assert.Equal((Text(claim, "id"), Text(Speaker(records, "dwayne-bohac"), "id"), "asserts", "a mailer"),
            (Text(stance, "claimId"), Text(stance, "speakerId"), Text(stance, "position"), Text(stance, "context")));
    }

    [Theory]
    [InlineData(101, "false", "false")]
    [InlineData(102, "true", "true")]
    [InlineData(103, "half-true", "mixed")]
    [InlineData(104, "barely-true", "mostlyFalse")]
    [InlineData(105, "mostly-true", "mostlyTrue")]
    [InlineData(106, "pants-fire", "false")]
    public async Task TheLabelIsAPolitiFactReviewOnTheRatingScale(int number, string label, string rating)
    {
        var (records, _) = await LiarFixtures.ReadAsync("train.tsv");

        var review = Of(records, "review").Single(r => Text(r, "claimId") == Text(Claim(records, number), "id"));
        Assert.Equal(("PolitiFact", "politifact.com", "en", label, rating),
            (Text(review, "publisherName"), Text(review, "publisherSite"), Text(review, "language"), Text(review, "ratingText"), Text(review, "rating")));
        Assert.Equal($"https://www.politifact.com/api/v/2/statement/{number}/?format=json", Text(review, "url"));
    }

    [Fact]
    public async Task AStatementReadTwiceIsYieldedOnceAndTheRepeatSkipped()
    {
        var (records, notes) = await LiarFixtures.ReadAsync(LiarFixtures.Input("train.tsv"), LiarFixtures.Input("valid.tsv"), LiarFixtures.Input("train.tsv"));

        Assert.Empty(notes.Problems);
        Assert.Equal(11, notes.Skipped.Count);
        Assert.Contains("is the same as at train.tsv:1", notes.Skipped[0].Message);
        Assert.Equal(13, Of(records, "claim").Count);
    }

    [Fact]
    public async Task AStatementNumberGivenTwiceWithOtherFieldsIsAProblem()
    {
        var edited = File.ReadLines(LiarFixtures.PathOf("train.tsv")).First().Replace("\tfalse\t", "\ttrue\t");

        var (_, notes) = await LiarFixtures.ReadAsync(LiarFixtures.Input("train.tsv"), LiarFixtures.Text("edited.tsv", edited + "\n"));

        var problem = Assert.Single(notes.Problems);
        Assert.Equal("edited.tsv:1", problem.Origin);
        Assert.Contains("also at train.tsv:1", problem.Message);
    }

    [Fact]
    public async Task TheRecordsDoNotDependOnTheOrderOfTheFiles()
    {
        var (inOrder, _) = await LiarFixtures.ReadAsync("train.tsv", "valid.tsv", "test.tsv");
        var (reversed, _) = await LiarFixtures.ReadAsync("test.tsv", "valid.tsv", "train.tsv");

        Assert.Equal(inOrder.Select(r => (r.Type, r.Data.ToJsonString())), reversed.Select(r => (r.Type, r.Data.ToJsonString())));
    }

    [Fact]
    public async Task ALongStatementsSlugIsCutAtAWordAndStillEndsInItsNumber()
    {
        var statement = string.Join(' ', Enumerable.Repeat("budget", 30));
        var line = $"13531.json\tfalse\t{statement}\teconomy\tsome-speaker\t\t\tnone\t0\t0\t0\t0\t0\ta speech\n";

        var (records, _) = await LiarFixtures.ReadAsync(LiarFixtures.Text("long.tsv", line));

        var slug = Text(Of(records, "claim").Single(), "slug");
        Assert.True(slug.Length <= 80, slug);
        Assert.EndsWith("budget-budget-13531", slug);
    }

    static List<JsonObject> Of(List<ImportRecord> records, string type) => records.Where(r => r.Type == type).Select(r => r.Data).ToList();

    static JsonObject Speaker(List<ImportRecord> records, string slug) => Of(records, "speaker").Single(s => Text(s, "slug") == slug);

    static JsonObject Claim(List<ImportRecord> records, int number) =>
        Of(records, "claim").Single(c => Text(c, "id") == StableIds.For("liar", "claim", number.ToString()).ToString());

    static JsonObject Stance(List<ImportRecord> records, int number) =>
        Of(records, "stance").Single(s => Text(s, "claimId") == Text(Claim(records, number), "id"));

    static string Text(JsonObject record, string field) => record[field]!.GetValue<string>();

    static string[] Topics(JsonObject claim) => claim["topics"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();

    [Fact]
    public async Task BytesThatAreNotUtf8AreAProblemOfTheFileNotReplacementCharacters()
    {
        var row = "2635.json\tfalse\tSays the tax went up.\ttaxes\tjane-doe\t\t\t\t0\t0\t0\t0\t0\ta speech\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(row + row.Replace("2635", "2636").Replace("tax", "t\u00e4x")).ToList();
        var umlaut = bytes.IndexOf(0xC3);
        bytes[umlaut] = 0xFF;

        var (records, notes) = await LiarFixtures.ReadAsync(new ImportInput("bad.tsv", () => new MemoryStream([.. bytes])));

        var problem = Assert.Single(notes.Problems);
        Assert.StartsWith("bad.tsv:", problem.Origin);
        Assert.Contains("not UTF-8", problem.Message);
        Assert.DoesNotContain(records, r => r.Data.ToJsonString().Contains('\uFFFD'));
    }
}
