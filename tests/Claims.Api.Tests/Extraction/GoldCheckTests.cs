extern alias bench;

using Claims.Api.Extraction;
using Claims.Api.Quotes;
using bench::Claims.Bench.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>The scorer's gold checker refuses a gold annotation that does not fit its article, and says where.</summary>
public sealed class GoldCheckTests : IDisposable
{
    const string Body = "😀 “We will respond,” he said. “We will respond.” NATO said that it was “credible.” “Unclosed";

    readonly string path = Path.Combine(Path.GetTempPath(), $"gold-{Guid.NewGuid():N}.gold.json");

    public void Dispose() => File.Delete(path);

    List<string> Check(string quotes, out IReadOnlyList<GoldQuote> gold)
    {
        File.WriteAllText(path, $$"""{"quotes": [{{quotes}}]}""");
        var problems = new List<string>();
        gold = GoldFile.Read(path, Body, problems);
        return [.. problems.Select(p => p[Path.GetFileName(path).Length..].TrimStart(':', ' '))];
    }

    [Fact]
    public void AGoodGoldBecomesCodePointSpans()
    {
        var problems = Check("""
            {"kind": "direct", "text": "We will respond", "occurrence": 1, "speaker": ["Ann Lee"], "attribution": "pronoun", "group": 1},
            {"kind": "paraphrase", "text": "it was “credible.”", "speaker": ["NATO"], "attribution": "name", "group": 2},
            {"kind": "direct", "text": "credible", "speaker": ["NATO"], "attribution": "name", "group": 3},
            {"kind": "direct", "text": "Unclosed", "speaker": null, "attribution": "none", "group": 4}
            """, out var gold);

        Assert.Empty(problems);
        Assert.Equal(new Span(3, 18), gold[0].Span); // the emoji is one code point and two UTF-16 units
        Assert.Equal((QuoteKind.Paraphrase, Attribution.Name), (gold[1].Kind, gold[1].Attribution));
    }

    [Fact]
    public void EachProblemIsNamedWithItsQuote()
    {
        var problems = Check("""
            {"kind": "direct", "text": "We will respond", "speaker": ["Ann Lee"], "attribution": "pronoun", "group": 1},
            {"kind": "direct", "text": "We will respond,", "occurrence": 1, "speaker": ["Ann Lee"], "attribution": "pronoun", "group": 1},
            {"kind": "direct", "text": "We will not", "speaker": ["Ann Lee"], "attribution": "name", "group": 2},
            {"kind": "direct", "text": "We will respond", "occurrence": 3, "speaker": ["Ann Lee"], "attribution": "name", "group": 3},
            {"kind": "direct", "text": "“credible.”", "speaker": ["NATO"], "attribution": "name", "group": 4},
            {"kind": "direct", "text": " he said", "speaker": [], "attribution": "name", "group": 5},
            {"kind": "paraphrase", "text": "it was “credible.” “Unclosed", "speaker": ["NATO"], "attribution": "none", "group": 0},
            {"kind": "direct", "text": "Unclosed", "speaker": null, "attribution": "none", "group": 6},
            {"kind": "direct", "text": "redible", "speaker": ["NATO"], "attribution": "name", "group": 7}
            """, out _);

        Assert.Equal(
        [
            "quotes[0] “We will respond”: the text occurs 2 times; say which with 'occurrence'",
            "quotes[1] “We will respond,”: the span ends with a comma, which belongs to the attribution",
            "quotes[2] “We will not”: the text is not in the body",
            "quotes[3] “We will respond”: occurrence 3 is out of range: the text occurs 2 time(s)",
            "quotes[4] ““credible.””: the span includes its own quotation marks",
            "quotes[5] “ he said”: the span starts or ends with white space",
            "quotes[5] “ he said”: speaker is null or a list of names, none of them empty",
            "quotes[6] “it was “credible.” “Unclosed”: attribution 'none' means the speaker is null",
            "quotes[6] “it was “credible.” “Unclosed”: group numbers start at 1",
            "quotes[8] “redible”: the span begins or ends inside a word",
        ], problems);
    }

    [Fact]
    public void QuotesOfOneKindMustNotOverlapAndAGroupMustAgree()
    {
        var problems = Check("""
            {"kind": "direct", "text": "We will respond.", "speaker": ["Ann Lee"], "attribution": "pronoun", "group": 1},
            {"kind": "direct", "text": "respond.", "speaker": ["Ann Lee"], "attribution": "pronoun", "group": 1},
            {"kind": "direct", "text": "credible", "speaker": ["NATO"], "attribution": "name", "group": 1}
            """, out _);

        Assert.Equal(
        [
            "quotes[0] and quotes[1] are both Direct and overlap: “We will respond.” / “respond.”",
            "quotes[0] and quotes[2] share group 1 but not their kind, speaker and attribution",
            "quotes[1] and quotes[2] share group 1 but not their kind, speaker and attribution",
        ], problems);
    }

    [Fact]
    public void AGoldOfTheWrongShapeIsOneProblem()
    {
        var problems = Check("""{"kind": "quote", "text": "We", "speaker": null, "attribution": "none", "group": 1}""", out _);

        Assert.StartsWith("The JSON value could not be converted", Assert.Single(problems));
    }
}
