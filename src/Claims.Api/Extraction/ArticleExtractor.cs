namespace Claims.Api.Extraction;

/// <summary>Finds the quotations of an article and who said them (see docs/extraction.md).</summary>
public static class ArticleExtractor
{
    // Placeholder until the extractor lands: the contract is fixed, the rules are not written yet.
    public static ExtractedArticle Extract(string text) => new([], [], []);
}
