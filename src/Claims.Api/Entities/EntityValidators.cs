namespace Claims.Api.Entities;

public sealed class EntityRequestValidator : AbstractValidator<EntityRequest>
{
    public EntityRequestValidator()
    {
        RuleFor(r => r.Name).RequiredText(CommonRules.MaxNameLength);
        RuleFor(r => r.Slug).Slug();
        RuleFor(r => r.Aliases).Must(a => a!.Length <= 50).WithMessage("'aliases' holds at most 50 names.").When(r => r.Aliases is not null);
        RuleForEach(r => r.Aliases).RequiredText(CommonRules.MaxNameLength);
    }
}

public sealed class MentionRequestValidator : AbstractValidator<MentionRequest>
{
    public MentionRequestValidator() =>
        RuleFor(r => r).Must(r => (r.QuoteId is not null) != (r.ClaimId is not null))
            .OverridePropertyName("body")
            .WithMessage("Give exactly one of 'quoteId' and 'claimId'.");
}

public sealed class EntityListQueryValidator : AbstractValidator<EntityListQuery>
{
    public EntityListQueryValidator()
    {
        RuleFor(q => q.Q).StorableText(500);
        this.AddPagingRules();
    }
}
