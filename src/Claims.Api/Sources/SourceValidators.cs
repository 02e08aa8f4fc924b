
namespace Claims.Api.Sources;

public sealed class SourceRequestValidator : AbstractValidator<SourceRequest>
{
    public SourceRequestValidator()
    {
        RuleFor(r => r.Url).AbsoluteHttpUrl();
        RuleFor(r => r.Title).StorableText(500);
        RuleFor(r => r.Publisher).StorableText(CommonRules.MaxNameLength);
        RuleFor(r => r.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
            .WithMessage("'language' must be a language tag such as 'en' or 'pt-BR'.");
        RuleFor(r => r.Body).StorableText(int.MaxValue);
    }
}

public sealed class SourceListQueryValidator : AbstractValidator<SourceListQuery>
{
    public SourceListQueryValidator()
    {
        RuleFor(q => q.Publisher).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Language).StorableText(35);
        RuleFor(q => q.Q).StorableText(500);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        this.AddPagingRules(PageQueryRules.HasDateKey);
    }
}
