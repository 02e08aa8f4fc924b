namespace Claims.Api.Reviews;

public sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public ReviewRequestValidator()
    {
        RuleFor(r => r.Url).Cascade(CascadeMode.Stop).AbsoluteHttpUrl()
            .Must(url => PublisherSites.OfUrl(url!) is not null).WithMessage("'url' must name its host by a domain, such as misbar.com.");
        RuleFor(r => r.PublisherName).StorableText(CommonRules.MaxNameLength);
        RuleFor(r => r.PublisherSite).Must(site => PublisherSites.Normalise(site) is not null).When(r => r.PublisherSite is not null)
            .WithMessage("'publisherSite' must be a domain such as misbar.com (a scheme, 'www.' and a trailing '/' are dropped).");
        RuleFor(r => r.Title).StorableText(1_000);
        RuleFor(r => r.ReviewedOn).Must(date => date <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            .When(r => r.ReviewedOn is not null).WithMessage("'reviewedOn' must not be in the future.");
        RuleFor(r => r.Language).LanguageTag();
        RuleFor(r => r.RatingText).StorableText(500);
        RuleFor(r => r.RatingText).NotEmpty().When(r => r.Rating is null)
            .WithMessage("'ratingText' (the publisher's words) or 'rating' is required.");
        RuleFor(r => r.Text).StorableText(ReviewRequest.MaxTextLength);
        RuleFor(r => r.Rating!.Value).DefinedEnum().OverridePropertyName("rating").When(r => r.Rating is not null);
    }
}

public static class ReviewRules
{
    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule) => rule
        .Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$").WithMessage("'{PropertyName}' must be a language tag such as 'ar' or 'pt-BR'.");
}

public sealed class FactCheckQueryValidator : AbstractValidator<FactCheckQuery>
{
    public const int MaxPageSize = 100;

    public FactCheckQueryValidator()
    {
        RuleFor(q => q.Query).RequiredText(500);
        RuleFor(q => q.LanguageCode).LanguageTag();
        RuleFor(q => q.MaxAgeDays).InclusiveBetween(1, 100_000).When(q => q.MaxAgeDays is not null)
            .WithMessage("'maxAgeDays' must be a number of days between 1 and 100000.");
        RuleFor(q => q.ReviewPublisherSiteFilter).Must(site => PublisherSites.Normalise(site) is not null)
            .When(q => q.ReviewPublisherSiteFilter is not null).WithMessage("'reviewPublisherSiteFilter' must be a domain such as misbar.com.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).When(q => q.PageSize is not null)
            .WithMessage($"'pageSize' must be between 1 and {MaxPageSize}.");
        RuleFor(q => q.PageToken).Must(token => Cursor.TryDecode(token, out var cursor)
                && float.TryParse(cursor.Key, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            .When(q => q.PageToken is not null).WithMessage("'pageToken' is not a token from this search; pass back a nextPageToken exactly as received.");
    }
}
