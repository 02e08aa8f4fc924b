using System.Text;
using Claims.Api.Sources;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// An article with its text is a source to be: the source's own rules check its fields (one rule, one place), and the
/// article rules its text. With <c>sourceId</c> the stored source is read, so nothing else may be given.
/// </summary>
public sealed class ArticleRequestValidator : AbstractValidator<ArticleRequest>
{
    static readonly SourceRequestValidator Sources = new();

    public ArticleRequestValidator()
    {
        When(a => a.SourceId is null, () =>
        {
            RuleFor(a => a).Custom((article, context) =>
            {
                foreach (var failure in Sources.Validate(AsSource(article)).Errors) context.AddFailure(failure);
            });
            RuleFor(a => a.Body).ArticleText();
        }).Otherwise(() =>
        {
            RuleFor(a => a.Body).Null().WithMessage("Give 'body' or 'sourceId', not both: with 'sourceId' the stored source's text is read.");
            foreach (var (name, value) in new (string, Func<ArticleRequest, object?>)[]
                     {
                         ("url", a => a.Url), ("publisher", a => a.Publisher), ("publishedOn", a => a.PublishedOn),
                         ("language", a => a.Language), ("title", a => a.Title),
                     })
                RuleFor(a => value(a)).Null().OverridePropertyName(name)
                    .WithMessage($"With 'sourceId' the stored source's fields are used: leave '{name}' out.");
        });
    }

    public static SourceRequest AsSource(ArticleRequest article) =>
        new(article.Url, article.Title, article.Publisher, article.PublishedOn, article.Language, article.Body);
}

public static class ArticleRules
{
    /// <summary>The most text an extraction reads: 1 MB of UTF-8, a long report many times over.</summary>
    public const int MaxTextBytes = 1024 * 1024;

    /// <summary>What an article's text must be: there, readable as text, and no longer than <see cref="MaxTextBytes"/>.</summary>
    public static IRuleBuilderOptions<T, string?> ArticleText<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(text => Problem(text) is null).WithMessage((_, text) => $"'{{PropertyName}}' {Problem(text)}.");

    /// <summary>What is wrong with a text as an article's ("is empty …"), or null.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "is empty: there is no text to read";
        if (Encoding.UTF8.GetByteCount(text) > MaxTextBytes) return $"is over the {MaxTextBytes:N0} bytes (UTF-8) an extraction reads";
        if (BodyText.FirstUnreadable(text) is not { } unreadable) return null;
        return $"holds U+{(int)unreadable.Char:X4} at {unreadable.At}: an article is text, and this looks binary (of the control characters only tab, line and page breaks are text)";
    }
}

public sealed class ExtractionQueryValidator : AbstractValidator<ExtractionQuery>
{
    public ExtractionQueryValidator() => RuleFor(q => q.MinConfidence).Confidence();
}

public sealed class CommitRequestValidator : AbstractValidator<CommitRequest>
{
    public CommitRequestValidator() => RuleFor(r => r.MinConfidence).Confidence();
}

public sealed class ExtractionListQueryValidator : AbstractValidator<ExtractionListQuery>
{
    public ExtractionListQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s?.ToLowerInvariant() is null or "open" or "committed").WithMessage("'status' must be open or committed.");
        this.AddPagingRules();
    }
}

/// <summary>A minimum confidence, wherever one is given (a draft, a commit, an import): from 0 to 1.</summary>
public static class ConfidenceRules
{
    /// <summary>What is wrong with the value ("is …"), or null.</summary>
    public static string? Problem(double? value) => value is null or (>= 0 and <= 1) ? null : "is a confidence, from 0 to 1";

    public static IRuleBuilderOptions<T, double?> Confidence<T>(this IRuleBuilder<T, double?> rule) => rule
        .Must(value => Problem(value) is null).WithMessage((_, value) => $"'{{PropertyName}}' {Problem(value)}.");
}
