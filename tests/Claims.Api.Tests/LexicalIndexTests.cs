using Claims.Api.Matching;

namespace Claims.Api.Tests;

/// <summary>The BM25F index by itself: what it scores, and that replacing and removing claims leaves no trace.</summary>
public sealed class LexicalIndexTests
{
    static LexicalIndex.Field Field(params string[] words) => new(words.GroupBy(w => w).Select(g => (g.Key, g.Count())).ToList());

    static LexicalIndex.Fields Claim(string text, string title = "", string body = "") =>
        new(Field(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Field(title.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            Field(body.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    static float[] Scores(LexicalIndex index, int slots, string query, MatchTuning? tuning = null)
    {
        var (scores, scored) = (new float[slots], new int[slots]);
        var found = index.Score(query.Split(' ').Select(w => (w, 1)).ToList(), tuning ?? MatchTuning.Default, scores, scored);
        Assert.Equal(scores.Count(s => s > 0), found);
        Assert.Equal(found, scored.Take(found).Distinct().Count());
        return scores;
    }

    [Fact]
    public void AClaimsOwnWordsOutweighItsReviewsTitleWhichOutweighsItsArticle()
    {
        var index = new LexicalIndex();
        index.Set(0, Claim("levy rose"));
        index.Set(1, Claim("fees rose", title: "levy"));
        index.Set(2, Claim("taxes rose", body: "levy"));
        index.Set(3, Claim("bread rose"));

        var scores = Scores(index, 4, "levy");

        Assert.True(scores[0] > scores[1] && scores[1] > scores[2] && scores[2] > 0, string.Join(", ", scores));
        Assert.Equal(0, scores[3]);
    }

    [Fact]
    public void AFieldWeighedAtZeroScoresNothing()
    {
        var index = new LexicalIndex();
        index.Set(0, Claim("fees rose", body: "levy"));
        index.Set(1, Claim("levy rose"));

        var scores = Scores(index, 2, "levy levy", MatchTuning.Default with { BodyWeight = 0 });

        Assert.Equal(0, scores[0]);
        Assert.True(scores[1] > 0);
    }

    [Fact]
    public void ClaimsReplacedAndRemovedManyTimesScoreAsTheSameClaimsIndexedOnce()
    {
        var random = new Random(5);
        string[] words = ["levy", "ferry", "bridge", "tax", "bread", "rose", "fell", "county", "toll", "fare"];
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        var changed = new LexicalIndex();
        var final = new Dictionary<int, LexicalIndex.Fields>();
        for (var round = 0; round < 3_000; round++)
        {
            var slot = random.Next(60);
            if (random.Next(4) == 0)
            {
                changed.Remove(slot);
                final.Remove(slot);
                continue;
            }
            var fields = Claim(Words(1 + random.Next(4)), Words(random.Next(3)), Words(random.Next(40)));
            changed.Set(slot, fields);
            final[slot] = fields;
        }
        var once = new LexicalIndex();
        foreach (var (slot, fields) in final.OrderBy(f => f.Key)) once.Set(slot, fields);

        Assert.Equal(once.Lexemes, changed.Lexemes);
        foreach (var query in new[] { "levy", "ferry bridge toll", "tax tax bread", "fare county fell rose" })
            Assert.Equal(Scores(once, 60, query), Scores(changed, 60, query), (a, b) => Math.Abs(a - b) < 1e-4);
    }
}
