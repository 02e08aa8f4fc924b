using System.Runtime.CompilerServices;
using Claims.Api.Drafts;
using Claims.Api.Extraction;

namespace Claims.Api.Transfer.Formats.Articles;

/// <summary>
/// Article files (docs/extraction.md: text with a small header, or JSON), each read into a draft as POST /v1/extractions
/// reads an article (its speakers matched to the stored ones, a stored source reused, its stored quotes lined up), and
/// what the draft adds imported as records: the source, the new speakers its quotes need, and its new quotes (see
/// <see cref="ArticleRecords"/>). An article the API would refuse is a problem of the import, which then writes nothing.
/// </summary>
public sealed class ArticlesFormat(NpgsqlDataSource? db = null, double? minConfidence = null) : IImportFormat
{
    public const string FormatName = "articles";

    public string Name => FormatName;

    // Both *.txt and *.json: the format picks its files itself (see IsArticle).
    public string FilePattern => "*";

    public IImportFormat For(NpgsqlDataSource database, ImportOptions options) => new ArticlesFormat(database, options.MinConfidence);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        if (db is null) throw new InvalidOperationException("The articles format matches against the database: read with For(db, options).");
        await using var conn = await db.OpenConnectionAsync(ct);
        var records = new ArticleRecords(minConfidence, notes);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!IsArticle(input.Name))
            {
                notes.Skip(input.Name, "Not an article file: the format reads *.txt and *.json files (not gold annotations, *.gold.json).");
                continue;
            }
            if (await ReadAsync(conn, input, notes, urls, ct) is not { } draft) continue;
            foreach (var record in await records.OfAsync(conn, input.Name, draft, ct)) yield return record;
        }
    }

    /// <summary>The draft of one article, or null when the article is noted as a problem.</summary>
    static async Task<MadeDraft?> ReadAsync(
        NpgsqlConnection conn, ImportInput input, ImportNotes notes, Dictionary<string, string> urls, CancellationToken ct)
    {
        ArticleRequest article;
        try
        {
            await using var stream = input.Open();
            if (await ArticleInput.ReadAsync(stream, ExtractionsApi.MaxRequestBytes, ct) is not { } content)
            {
                notes.Problem(input.Name, $"The file is over the {ExtractionsApi.MaxRequestBytes:N0} bytes an article file may have.");
                return null;
            }
            article = ArticleInput.Parse(input.Name, content);
        }
        catch (ArticleFileException e)
        {
            notes.Problem(input.Name, e.Message);
            return null;
        }

        var validation = new ArticleRequestValidator().Validate(article);
        foreach (var (field, messages) in validation.ToErrors())
            foreach (var message in messages) notes.Problem(input.Name, $"{field}: {message}");
        if (!validation.IsValid) return null;
        var url = article.Url!.Trim();
        if (!urls.TryAdd(url, input.Name))
        {
            notes.Problem(input.Name, $"The article at {url} is also {urls[url]}: one URL, one source.");
            return null;
        }

        var (draft, refusal) = await DraftMaker.MakeAsync(conn, article, null, ct);
        if (refusal is not null) notes.Problem(input.Name, refusal.Detail);
        return draft;
    }

    static bool IsArticle(string name) =>
        !name.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase)
        && Path.GetExtension(name).ToLowerInvariant() is "" or ".txt" or ".json";
}
