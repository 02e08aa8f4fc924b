using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Reading an extraction in tests: a quote by its text, its speaker's name.</summary>
static class Extracted
{
    public static ExtractedQuote Quote(this ExtractedArticle article, string text, QuoteKind kind = QuoteKind.Direct) =>
        article.Quotes.SingleOrDefault(q => q.Text == text && q.Kind == kind)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} quote \"{text}\"; found: {string.Join(" | ", article.Quotes.Select(q => $"{q.Kind}:{q.Text}"))}");

    public static string? SpeakerOf(this ExtractedArticle article, ExtractedQuote quote) =>
        quote.Speaker is { } id ? article.Speakers.Single(s => s.Id == id).Name : null;

    public static string? SpeakerOf(this ExtractedArticle article, string text, QuoteKind kind = QuoteKind.Direct) =>
        article.SpeakerOf(article.Quote(text, kind));

    public static ExtractedSpeaker Speaker(this ExtractedArticle article, string name) =>
        article.Speakers.SingleOrDefault(s => s.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No speaker \"{name}\"; found: {string.Join(" | ", article.Speakers.Select(s => s.Name))}");

    public static IEnumerable<string> Direct(this ExtractedArticle article) =>
        article.Quotes.Where(q => q.Kind == QuoteKind.Direct).Select(q => q.Text);

    public static IEnumerable<string> Reported(this ExtractedArticle article) =>
        article.Quotes.Where(q => q.Kind == QuoteKind.Paraphrase).Select(q => q.Text);
}
