using Claims.Api.Extraction;

namespace Claims.Bench.Extraction;

/// <summary>An article of a set, its body and its checked gold quotations.</summary>
sealed record GoldArticle(string Name, string Body, IReadOnlyList<GoldQuote> Gold);

/// <summary>
/// The sets of bench/extraction/: in dev/ and test/ each NAME.txt (or NAME.json) article file has its NAME.gold.json
/// beside it; in seeds/ each NAME.gold.json annotates the repository's seeds/NAME.txt, whose whole text is the body.
/// </summary>
static class ExtractionSets
{
    public static string Folder(string set) => Path.Combine(BenchCluster.BenchDirectory, "extraction", set);

    /// <summary>The set's articles in name order, or null when its folder does not exist; a set whose gold does not hold fails.</summary>
    public static IReadOnlyList<GoldArticle>? Load(string set)
    {
        var folder = Folder(set);
        if (!Directory.Exists(folder)) return null;
        var texts = set == "seeds" ? Path.Combine(BenchCluster.BenchDirectory, "..", "seeds") : folder;

        var problems = new List<string>();
        var articles = new List<GoldArticle>();
        var golds = Directory.GetFiles(folder, "*.gold.json").Order(StringComparer.Ordinal).ToList();
        foreach (var gold in golds)
        {
            var name = Path.GetFileName(gold)[..^".gold.json".Length];
            var path = new[] { ".txt", ".json" }.Select(ext => Path.Combine(texts, name + ext)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                problems.Add($"{Path.GetFileName(gold)}: no article {name}.txt or {name}.json in {texts}");
                continue;
            }
            try
            {
                var body = ArticleFile.Read(path).Body!;
                articles.Add(new GoldArticle(name, body, GoldFile.Read(gold, body, problems)));
            }
            catch (ArticleFileException e)
            {
                problems.Add(e.Message);
            }
        }
        if (set != "seeds")
        {
            var annotated = golds.Select(g => Path.GetFileName(g)[..^".gold.json".Length]).ToHashSet();
            problems.AddRange(Directory.GetFiles(folder).Select(f => Path.GetFileName(f))
                .Where(f => (f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                            && !f.EndsWith(".gold.json", StringComparison.Ordinal) && !annotated.Contains(Path.GetFileNameWithoutExtension(f)))
                .Select(f => $"{f}: an article without a gold annotation"));
        }
        if (problems.Count > 0)
            throw new BenchFailedException($"the gold of set '{set}' does not hold ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  {string.Join("\n  ", problems)}");
        return articles;
    }
}
