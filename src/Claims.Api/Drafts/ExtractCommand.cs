using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// <c>dotnet run -- extract FILE</c>: the draft of an article file (or of standard input, <c>-</c>) as POST
/// /v1/extractions/preview would answer it, matched against the configured database and kept nowhere.
/// </summary>
static class ExtractCommand
{
    static readonly JsonSerializerOptions Indented = new(AppJsonContext.ApiOptions) { WriteIndented = true };

    public static async Task<int> RunAsync(NpgsqlDataSource db, string file, double? minConfidence)
    {
        ArticleRequest article;
        try
        {
            article = file == "-"
                ? ArticleInput.Parse("stdin", await ArticleInput.ReadAsync(Console.OpenStandardInput(), long.MaxValue, CancellationToken.None) ?? [])
                : ArticleFile.Read(file);
        }
        catch (Exception e) when (e is ArticleFileException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        var validation = new ArticleRequestValidator().Validate(article);
        foreach (var (field, messages) in validation.ToErrors())
            foreach (var message in messages) Console.Error.WriteLine($"{field}: {message}");
        if (!validation.IsValid) return 1;

        await using var conn = await db.OpenConnectionAsync();
        var (made, refusal) = await DraftMaker.MakeAsync(conn, article, minConfidence, CancellationToken.None);
        if (refusal is not null)
        {
            Console.Error.WriteLine(refusal.Detail);
            return 1;
        }
        var document = made!.Document;
        var draft = new ExtractionDraft(null, DraftStatus.Preview, document.Source, document.Speakers, document.Quotes, document.Warnings);
        Console.WriteLine(JsonSerializer.Serialize(draft, Indented.GetTypeInfo(typeof(ExtractionDraft))));
        return 0;
    }
}
