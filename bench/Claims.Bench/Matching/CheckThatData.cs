using System.Text.Json;
using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Vclaim;

namespace Claims.Bench.Matching;

/// <summary>One query of a split: its sentence, the transcript's speaker (test only) and the vclaims that check it.</summary>
sealed record CheckThatQuery(string Id, string Sentence, string? Speaker, IReadOnlySet<string> Relevant);

/// <summary>
/// The CheckThat! 2022 Task 2B files (see the data's SOURCE.md): queries, qrels (each query–claim pair once: the test
/// qrels repeat lines), and for test queries the speaker of their transcript line.
/// </summary>
static class CheckThatData
{
    public static readonly string[] Splits = ["train", "dev", "test"];

    public static IReadOnlyList<CheckThatQuery> Load(string folder, string split)
    {
        var sentences = File.ReadLines(Path.Combine(folder, "queries", split == "test" ? "test_queries.tsv" : "train_dev_queries.tsv"))
            .Select(l => l.Split('\t')).Where(f => f.Length >= 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        var relevant = File.ReadLines(Path.Combine(folder, "queries", $"{split}_qrels.tsv"))
            .Select(l => l.Split('\t')).Where(f => f.Length == 4 && f[3].Trim() == "1")
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(f => f[2].Trim()).ToHashSet());
        var speakers = split == "test" ? TranscriptSpeakers(folder) : [];
        return relevant.Where(r => sentences.ContainsKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new CheckThatQuery(r.Key, sentences[r.Key], speakers.GetValueOrDefault(r.Key), r.Value)).ToList();
    }

    // A test query is <first 11 characters of a transcript's name>_<line number>.
    static Dictionary<string, string> TranscriptSpeakers(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "transcripts"), "*.tsv")
            .SelectMany(file => File.ReadLines(file).Select(l => l.Split('\t')).Where(f => f.Length >= 3 && int.TryParse(f[0], out _))
                .Select(f => (Id: $"{Path.GetFileName(file)[..11]}_{int.Parse(f[0])}", Speaker: f[1].Trim())))
            .GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Speaker);

    /// <summary>The vclaim a claim id stands for: the import's ids are stable by vclaim id.</summary>
    public static Dictionary<Guid, string> ClaimIds(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "vclaims"), "*.json").Select(Path.GetFileNameWithoutExtension)
            .ToDictionary(v => StableIds.For(VclaimFormat.FormatName, "claim", v!), v => v!);

    /// <summary>
    /// The vclaim files as <paramref name="parts"/> JSON arrays, the bodies of as many imports (one for the whole pool):
    /// written once, then reused.
    /// </summary>
    public static IReadOnlyList<string> PoolFiles(string folder, string cache, int parts)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "vclaims"), "*.json").Order(StringComparer.Ordinal).ToList();
        var size = (files.Count + parts - 1) / parts;
        return Enumerable.Range(0, parts).Select(part =>
        {
            var pool = Path.Combine(cache, parts == 1 ? "pool.json" : $"pool-{part + 1}-of-{parts}.json");
            if (File.Exists(pool)) return pool;
            Directory.CreateDirectory(cache);
            using (var output = File.Create(pool + ".partial"))
            using (var json = new Utf8JsonWriter(output))
            {
                json.WriteStartArray();
                foreach (var file in files.Skip(part * size).Take(size))
                    JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.WriteTo(json);
                json.WriteEndArray();
            }
            File.Move(pool + ".partial", pool);
            return pool;
        }).ToList();
    }
}
