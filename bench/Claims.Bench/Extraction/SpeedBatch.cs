using System.Text;
using Claims.Api.Extraction;

namespace Claims.Bench.Extraction;

/// <summary>
/// A batch of articles of about <c>size</c> UTF-8 bytes each, recombined from the dev set's paragraphs: each article is
/// runs of one to four consecutive paragraphs (so quotes continued across paragraphs mostly stay whole) drawn from
/// random articles, the same batch for the same seed.
/// </summary>
static class SpeedBatch
{
    public static List<string> Build(int count, int size, int seed)
    {
        var articles = Directory.GetFiles(ExtractionSets.Folder("dev"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => ArticleFile.Read(path).Body!.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(paragraphs => paragraphs.Length > 0)
            .ToList();
        if (articles.Count == 0) throw new BenchFailedException($"no articles in {ExtractionSets.Folder("dev")} to build the batch from.");

        var random = new Random(seed);
        var batch = new List<string>(count);
        var text = new StringBuilder();
        while (batch.Count < count)
        {
            text.Clear();
            while (Encoding.UTF8.GetByteCount(text.ToString()) < size)
            {
                var paragraphs = articles[random.Next(articles.Count)];
                var first = random.Next(paragraphs.Length);
                foreach (var paragraph in paragraphs.AsSpan(first, Math.Min(random.Next(1, 5), paragraphs.Length - first)))
                    text.Append(paragraph).Append("\n\n");
            }
            batch.Add(text.ToString(0, text.Length - 2));
        }
        return batch;
    }
}
