
namespace Claims.Api.Quotes;

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    public QuoteRequestValidator()
    {
        RuleFor(r => r.SpeakerId).NotEmpty().WithMessage("'speakerId' is required.");
        RuleFor(r => r.SourceId).NotEmpty().WithMessage("'sourceId' is required.");
        RuleFor(r => r.Text).RequiredText(CommonRules.MaxTextLength);
        RuleFor(r => r.Kind!.Value).DefinedEnum().OverridePropertyName("kind").When(r => r.Kind is not null);
        RuleFor(r => r.Place).StorableText(CommonRules.MaxNameLength);
        RuleFor(r => r.Span!.Start).GreaterThanOrEqualTo(0).OverridePropertyName("span.start").When(r => r.Span is not null);
        RuleFor(r => r.Span!.End).GreaterThan(r => r.Span!.Start).OverridePropertyName("span.end").When(r => r.Span is not null)
            .WithMessage("'span.end' must be greater than 'span.start'.");
        RuleFor(r => r.Span).Must((r, span) => span!.End - span.Start == r.Text!.Length)
            .When(r => r.Span is not null && r.Text is not null && r.Span.End > r.Span.Start && !HasSurrogates(r.Text))
            .WithMessage("The span's length must equal the length of 'text'.");
    }

    // Spans count code points; a text outside the Basic Multilingual Plane has more UTF-16 units than code points,
    // so its length is left to the database's check.
    static bool HasSurrogates(string text) => text.Any(char.IsSurrogate);
}

public sealed class QuoteListQueryValidator : AbstractValidator<QuoteListQuery>
{
    public QuoteListQueryValidator()
    {
        RuleFor(q => q.Speaker).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Entity).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Language).StorableText(35);
        RuleFor(q => q.Publisher).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Q).StorableText(500);
        RuleFor(q => q.Collapse).Equal("variants").When(q => q.Collapse is not null)
            .WithMessage("'collapse' can only be 'variants'.");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        this.AddPagingRules(PageQueryRules.HasDateKey);
    }
}

public sealed class VariantRequestValidator : AbstractValidator<VariantRequest>
{
    public VariantRequestValidator() => RuleFor(r => r.QuoteId).NotEmpty().WithMessage("'quoteId' is required.");
}
