using Claims.Api.Claims;

namespace Claims.Api.Speakers;

public sealed class SpeakerRequestValidator : AbstractValidator<SpeakerRequest>
{
    public SpeakerRequestValidator()
    {
        RuleFor(r => r.Name).RequiredText(CommonRules.MaxNameLength);
        RuleFor(r => r.Slug).Slug();
        RuleFor(r => r.Kind!.Value).DefinedEnum().OverridePropertyName("kind").When(r => r.Kind is not null);
        RuleFor(r => r.Title).StorableText(CommonRules.MaxNameLength);
        RuleFor(r => r.Aliases).Must(a => a!.Length <= 50).WithMessage("'aliases' holds at most 50 names.").When(r => r.Aliases is not null);
        RuleForEach(r => r.Aliases).RequiredText(CommonRules.MaxNameLength);
        RuleFor(r => r.Party).OptionalText(CommonRules.MaxNameLength);
        RuleFor(r => r.State).OptionalText(CommonRules.MaxNameLength);
    }
}

public sealed class SpeakerListQueryValidator : AbstractValidator<SpeakerListQuery>
{
    public SpeakerListQueryValidator()
    {
        RuleFor(q => q.Kind).EnumName<SpeakerListQuery, SpeakerKind>();
        RuleFor(q => q.Party).StorableText(CommonRules.MaxNameLength);
        RuleFor(q => q.Q).StorableText(500);
        this.AddPagingRules();
    }
}

public sealed class SpeakerClaimListQueryValidator : AbstractValidator<SpeakerClaimListQuery>
{
    public SpeakerClaimListQueryValidator()
    {
        RuleFor(q => q.Position).EnumName<SpeakerClaimListQuery, StancePosition>();
        this.AddPagingRules(PageQueryRules.HasDateKey);
    }
}
