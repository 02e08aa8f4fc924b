using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Tests;

/// <summary>The records the Fact Check Tools JSON format makes of its input, before any of them reaches the database.</summary>
public sealed class FactCheckFormatTests
{
    const string PowerCut = "انقطاع التيار الكهربائي عن جميع أنحاء أوروبا اليوم";
    const string Bridge = "افتتاح جسر جديد بين مدينتي عدن وتعز هذا الأسبوع";
    const string Fighter = "صورة لمقاتل يدوس على علم في ساحة المدينة";
    const string Hostage = "فيديو يظهر رهينة تعلن إضرابها عن الطعام";
    const string Bread = "الحكومة قررت رفع أسعار الخبز بنسبة خمسين بالمئة";
    const string Schools = "وزير الصحة أعلن إغلاق جميع المدارس";
    const string Treasure = "العثور على كنز أثري تحت ملعب كرة القدم";

    sealed record Read(List<ImportRecord> Records, ImportNotes Notes)
    {
        public List<JsonObject> Of(string type) => Records.Where(r => r.Type == type).Select(r => r.Data).ToList();

        public JsonObject Claim(string text) => Of("claim").Single(c => (string?)c["text"] == text);

        public List<JsonObject> ReviewsOf(string text) => Of("review").Where(r => (string?)r["claimId"] == (string?)Claim(text)["id"]).ToList();

        public string NameOf(JsonNode? speakerId) => (string)Of("speaker").Single(s => (string?)s["id"] == (string?)speakerId)["name"]!;
    }

    static Task<Read> ReadFixturesAsync(params string[] names) =>
        ReadAsync(names.Select(name => new ImportInput(name, () => File.OpenRead(Fixture(name)))).ToArray());

    static Task<Read> ReadTextAsync(string json) =>
        ReadAsync(new ImportInput("inline.json", () => new MemoryStream(Encoding.UTF8.GetBytes(json))));

    static async Task<Read> ReadAsync(params ImportInput[] inputs)
    {
        var notes = new ImportNotes();
        var records = new List<ImportRecord>();
        await foreach (var record in ImportFormats.Find("factcheck")!.ReadAsync(inputs, notes, CancellationToken.None)) records.Add(record);
        return new Read(records, notes);
    }

    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "factcheck", name);

    [Fact]
    public async Task EachClaimTextIsOneClaimHoweverOftenAndHoweverSpacedTheFeedRepeatsIt()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        Assert.Empty(read.Notes.Problems);
        Assert.Equal([PowerCut, Bridge, Fighter, Hostage, Bread, Schools, Treasure], read.Of("claim").Select(c => (string?)c["text"]));
        Assert.Equal("arabic-feed.json claims[0]", read.Records.First(r => r.Type == "claim").Origin);
    }

    [Fact]
    public async Task EachClaimantAssertsTheClaimOnTheEarliestDateTheyAreSaidToHaveClaimedIt()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        var stances = read.Of("stance").Where(s => (string?)s["claimId"] == (string?)read.Claim(Bridge)["id"])
            .Select(s => (read.NameOf(s["speakerId"]), (string?)s["position"], (string?)s["saidOn"])).ToList();
        // "يوسف  الزبيدي" with two spaces is the same claimant; 2024-09-17T22:00:00-03:00 was the 17th where it was written.
        Assert.Equal([("يوسف الزبيدي", "asserts", "2024-09-17"), ("منشورات فيسبوك", "asserts", "2024-09-19")], stances);
    }

    [Fact]
    public async Task ClaimantsWrittenAsDomainsArePlatformOrganizationsAndTheRestOfNoKindTheFeedSays()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        var kinds = read.Of("speaker").ToDictionary(s => (string)s["name"]!, s => (string?)s["kind"]);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["x.com"] = "organization", ["يوسف الزبيدي"] = null, ["www.facebook.com"] = "organization",
            ["منشورات الفيسبوك"] = null, ["وزارة الصحة"] = null, ["منشورات فيسبوك"] = null,
        }, kinds);
    }

    [Fact]
    public async Task AClaimWithoutClaimantHasNoStanceAndAClaimDateWithNoOneToBelongToIsReportedAsSkipped()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        var asserted = read.Of("stance").Select(s => (string?)s["claimId"]).ToHashSet();
        Assert.DoesNotContain((string?)read.Claim(Hostage)["id"], asserted);
        Assert.DoesNotContain((string?)read.Claim(Treasure)["id"], asserted);
        var skipped = Assert.Single(read.Notes.Skipped, n => n.Message.Contains("claimDate"));
        Assert.Equal("arabic-feed.json claims[5]", skipped.Origin);
        Assert.Contains("2025-01-29", skipped.Message);
    }

    [Fact]
    public async Task ReviewsOfOneArticleUnderSeveralAddressesAreOneReview()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        // www. or not and a trailing slash: one address, the bare one kept.
        var fighter = Assert.Single(read.ReviewsOf(Fighter));
        Assert.StartsWith("https://misbar.com/factcheck/2025/03/02/", (string?)fighter["url"]);
        // AFP's revisions page of its article is the article; AFP Myanmar's copy, another site in another language, is not.
        Assert.Equal(
            [("https://factcheckarabic.afp.com/doc.afp.com.36WH9BA", "ar"), ("https://factcheckmyanmar.afp.com/node/65922/revisions", "my")],
            read.ReviewsOf(Hostage).Select(r => ((string?)r["url"], (string?)r["language"])).OrderBy(r => r.Item1, StringComparer.Ordinal));
        var merged = Assert.Single(read.Notes.Skipped, n => n.Message.Contains("under another address"));
        Assert.Equal("arabic-feed.json claims[5]", merged.Origin);
        Assert.Contains("claimReview[0] (https://factcheckarabic.afp.com/node/64266/revisions)", merged.Message);
        // Three mentions of the bridge claim's review, one review.
        Assert.Single(read.ReviewsOf(Bridge));
    }

    [Fact]
    public async Task EachPublisherSiteHasOneNameWithoutLiteralQuotesThatReviewsWithoutANameTakeToo()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        var names = read.Of("review").GroupBy(r => (string)r["publisherSite"]!)
            .ToDictionary(g => g.Key, g => g.Select(r => (string?)r["publisherName"]).Distinct().ToList());
        Assert.Equal(["مسبار"], names["misbar.com"]); // not "موقع مسبار", used once against three times
        Assert.Equal(["إعلاميون من أجل صحافة استقصائية عربية (أريج)"], names["arij.net"]);
        Assert.Equal(["أخبار ميتر"], names["akhbarmeter.org"]);
        Assert.Equal("أخبار ميتر", (string?)Assert.Single(read.ReviewsOf(Schools))["publisherName"]);
    }

    [Fact]
    public async Task AReviewKeepsItsWordsLanguageAndAddressAsWrittenAndIsRatedFromItsWords()
    {
        var read = await ReadFixturesAsync("arabic-feed.json");

        var bridge = Assert.Single(read.ReviewsOf(Bridge));
        Assert.Equal(
            ("almushahid.net", "المشاهد نت", "https://almushahid.net/%D8%AC%D8%B3%D8%B1-%D8%B9%D8%AF%D9%86-%D8%AA%D8%B9%D8%B2-%D9%85%D9%81%D8%A8%D8%B1%D9%83",
             "خبر افتتاح جسر بين عدن وتعز مفبرك", "2024-09-20", "en", "مفبرك", "false"),
            ((string?)bridge["publisherSite"], (string?)bridge["publisherName"], (string?)bridge["url"], (string?)bridge["title"],
             (string?)bridge["reviewedOn"], (string?)bridge["language"], (string?)bridge["ratingText"], (string?)bridge["rating"]));
        var powerCut = Assert.Single(read.ReviewsOf(PowerCut));
        Assert.Equal(("excitement", "other"), Rating(powerCut));
        // The feed's first mention cuts the title short; its repeat has it whole.
        Assert.Equal("الكهرباء انقطعت عن بعض الدول الأوروبية وليس عن جميعها", (string?)powerCut["title"]);
        Assert.Equal(("صحيح جزئياً", "mixed"), Rating(Assert.Single(read.ReviewsOf(Bread))));
        Assert.False(Assert.Single(read.ReviewsOf(Treasure)).ContainsKey("reviewedOn"));
    }

    static (string?, string?) Rating(JsonObject review) => ((string?)review["ratingText"], (string?)review["rating"]);

    [Fact]
    public async Task AClaimsSearchAnswerReadsLikeABareArrayOfItsClaims()
    {
        var read = await ReadFixturesAsync("search-response.json");

        Assert.Empty(read.Notes.Problems);
        Assert.Equal(3, read.Of("claim").Count);
        Assert.Equal(["Viral posts", "Jane Doe"], read.Of("speaker").Select(s => (string?)s["name"]));
        var solar = Assert.Single(read.ReviewsOf("Rooftop solar panels pay for themselves within eight years."));
        Assert.Equal(("politifact.com", "2023-06-14", "Mostly True", "mostlyTrue"),
            ((string?)solar["publisherSite"], (string?)solar["reviewedOn"], (string?)solar["ratingText"], (string?)solar["rating"]));
        Assert.Equal("2023-06-12", (string?)read.Of("stance").Single(s => read.NameOf(s["speakerId"]) == "Jane Doe")["saidOn"]);
        Assert.Equal("rooftop-solar-panels-pay-for-themselves-within-eight-years-", ((string)read.Claim("Rooftop solar panels pay for themselves within eight years.")["slug"]!)[..^8]);
    }

    [Fact]
    public async Task MalformedClaimsAreProblemsNamingTheirPlaceInTheFileAndWhatIsWrong()
    {
        var read = await ReadFixturesAsync("malformed.json");

        var problems = read.Notes.Problems.Select(p => (p.Origin, p.Message)).ToList();
        Assert.DoesNotContain(problems, p => p.Origin == "malformed.json claims[0]");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"malformed.json claims[{i}]"), problems.Select(p => p.Origin).Distinct());
        foreach (var (index, expected) in new[]
                 {
                     (1, "'text' is required"), (2, "'claimReview[0].url' is required"), (3, "'claimDate' must be an RFC 3339 date"),
                     (3, "'claimReview[0].reviewDate' must be an RFC 3339 date"), (4, "The item is not an object"), (5, "'text' has the wrong type"),
                     (6, "'claimReview[0].url' must be an http or https URL"), (7, "'claimReview[0].publisher.site' must be a domain"),
                     (8, "'text' is required"), (8, "'claimReview[0]' is null"),
                 })
            Assert.Contains(problems, p => p.Origin == $"malformed.json claims[{index}]" && p.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HalfASurrogatePairIsAProblemOfItsClaimNamingTheField()
    {
        var read = await ReadTextAsync("""{"claims": [{"text": "Half \ud800 a pair", "claimReview": []}]}""");

        var problem = Assert.Single(read.Notes.Problems);
        Assert.Equal("inline.json claims[0]", problem.Origin);
        Assert.StartsWith("'text' is not valid Unicode text", problem.Message);
    }

    [Theory]
    [InlineData("""[{"text": "Before the break.", "claimReview": []}, {"text": "unfinished""", 1)]
    [InlineData("""{"claims": "not an array"}""", 0)]
    [InlineData("\"just a string\"", 0)]
    [InlineData("", 0)]
    public async Task InputThatIsNotAClaimsArrayIsAProblemOfTheWholeFileAfterTheClaimsBeforeIt(string json, int claimsBefore)
    {
        var read = await ReadTextAsync(json);

        Assert.Equal("inline.json", Assert.Single(read.Notes.Problems).Origin);
        Assert.Equal(claimsBefore, read.Of("claim").Count);
    }

    [Fact]
    public async Task AnAnswerWithNothingFoundIsEmpty()
    {
        var read = await ReadTextAsync("\uFEFF{}");

        Assert.Empty(read.Records);
        Assert.Empty(read.Notes.Problems);
    }

    [Fact]
    public async Task RecordsAreTheSameEachTimeAndComeOnceWhenInputsShareThem()
    {
        var once = await ReadFixturesAsync("arabic-feed.json");
        var twice = await ReadAsync(
            new ImportInput("a.json", () => File.OpenRead(Fixture("arabic-feed.json"))),
            new ImportInput("b.json", () => new TrickleStream(File.ReadAllBytes(Fixture("arabic-feed.json")))));

        Assert.Equal(once.Records.Select(r => (r.Type, r.Data.ToJsonString())), twice.Records.Select(r => (r.Type, r.Data.ToJsonString())));
        Assert.Equal(["speaker", "claim", "stance", "review"], once.Records.Select(r => r.Type).Distinct());
        foreach (var type in once.Records.GroupBy(r => r.Type))
        {
            Assert.Equal(type.Count(), type.Select(r => (string?)r.Data["id"]).Distinct().Count());
            var slugs = type.Select(r => (string?)r.Data["slug"]).OfType<string>().ToList();
            Assert.Equal(slugs.Count, slugs.Distinct().Count());
            Assert.All(slugs, slug => Assert.Matches(SlugPattern, slug));
        }
        Assert.All(once.Of("claim"), c => Assert.StartsWith("claim-", (string?)c["slug"])); // Arabic text folds to no ASCII words
    }

    static readonly Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$");

    [Fact]
    public async Task AClaimLargerThanTheReadBufferIsReadWhole()
    {
        var text = string.Join(' ', Enumerable.Repeat("كلمة", 40_000));
        var read = await ReadTextAsync($$"""{"nextPageToken": "x", "claims": [{"text": "{{text}}", "claimReview": []}]}""");

        Assert.Equal(text, (string?)Assert.Single(read.Of("claim"))["text"]);
    }

    /// <summary>A stream that hands out a few bytes a read, as a slow network would.</summary>
    sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], ct);
    }
}
