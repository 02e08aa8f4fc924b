using Claims.Api.Reviews;

namespace Claims.Api.Claims;

public sealed class ClaimRequestValidator : AbstractValidator<ClaimRequest>
{
    public ClaimRequestValidator()
    {
        RuleFor(r => r.Text).RequiredText(2_000);
        RuleFor(r => r.Slug).Slug(Slugs.ClaimProblem);
        RuleFor(r => r.Topics).Must(t => t!.Length <= 50).WithMessage("'topics' holds at most 50 topics.").When(r => r.Topics is not null);
        RuleForEach(r => r.Topics).RequiredText(CommonRules.MaxNameLength);
    }
}

public sealed class StanceRequestValidator : AbstractValidator<StanceRequest>
{
    public StanceRequestValidator()
    {
        RuleFor(r => r.SpeakerId).NotEmpty().WithMessage("'speakerId' is required.");
        RuleFor(r => r.Position).NotNull().WithMessage("'position' is required: 'asserts' or 'disputes'.");
        RuleFor(r => r.Position!.Value).DefinedEnum().OverridePropertyName("position").When(r => r.Position is not null);
        RuleFor(r => r.QuoteId).NotEqual(Guid.Empty).WithMessage("'quoteId' must be a quote's id.");
        RuleFor(r => r.Context).OptionalText(2_000);
    }
}

public sealed class ClaimLinkRequestValidator : AbstractValidator<ClaimLinkRequest>
{
    public ClaimLinkRequestValidator() =>
        RuleFor(r => r.ClaimId).NotEmpty().WithMessage("'claimId' is required.");
}

public sealed class ClaimListQueryValidator : AbstractValidator<ClaimListQuery>
{
    public ClaimListQueryValidator()
    {
        RuleFor(q => q.AssertedBy).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.DisputedBy).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Entity).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Q).StorableText(500);
        RuleFor(q => q.Topic).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Rating).EnumName<ClaimListQuery, Rating>();
        RuleFor(q => q.ReviewedBy).StorableText(CommonRules.MaxNameLength)
            .Must(by => by is null || DomainNames.IsPrintable(by)).WithMessage("'reviewedBy' must be a publisher's site or name, and holds " +
                "a character neither can: a control or zero-width one, an unassigned one, or a mark with no letter before it.");
        this.AddPagingRules(cursor => cursor.Key.Length == 0);
    }
}

public sealed class ClaimGraphQueryValidator : AbstractValidator<ClaimGraphQuery>
{
    public ClaimGraphQueryValidator()
    {
        RuleFor(q => q.Depth).InclusiveBetween(1, ClaimGraphApi.MaxDepth).When(q => q.Depth is not null)
            .WithMessage($"'depth' must be between 1 and {ClaimGraphApi.MaxDepth}.");
        RuleFor(q => q.Format).Must(f => f is null or ClaimGraphQuery.Json or ClaimGraphQuery.Aif)
            .WithMessage($"'format' must be {ClaimGraphQuery.Json} or {ClaimGraphQuery.Aif}.");
    }
}
