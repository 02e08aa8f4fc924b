namespace Claims.Api.Changes;

public sealed class ChangesQueryValidator : AbstractValidator<ChangesQuery>
{
    public const int MaxWaitSeconds = 30;
    public const int MaxLimit = 1000;

    public ChangesQueryValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).When(q => q.After is not null);
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"'limit' must be between 1 and {MaxLimit}.");
        RuleFor(q => q.Wait).InclusiveBetween(0, MaxWaitSeconds).When(q => q.Wait is not null)
            .WithMessage($"'wait' must be between 0 and {MaxWaitSeconds} seconds.");
        RuleForEach(q => q.ResourceNames()).Must(ChangesQuery.Resources.Contains).OverridePropertyName("types")
            .WithMessage($"'types' is a comma-separated list of: {string.Join(", ", ChangesQuery.Resources)}.");
    }
}
