namespace Claims.Api.Matching;

/// <summary>The rules of a match, asked in the query or in a body alike.</summary>
public abstract class MatchInputValidator<T> : AbstractValidator<T> where T : IMatchInput
{
    protected MatchInputValidator()
    {
        RuleFor(q => q.Text).RequiredText(MatchQuery.MaxTextLength)
            .Must(text => text is null || !string.IsNullOrWhiteSpace(text)).WithMessage("'text' must have words to match.")
            .OverridePropertyName("text");
        RuleFor(q => q.Speaker).OptionalText(MatchQuery.MaxSpeakerLength).OverridePropertyName("speaker");
        RuleFor(q => q.Limit).InclusiveBetween(1, MatchQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"'limit' must be between 1 and {MatchQuery.MaxLimit}.").OverridePropertyName("limit");
    }
}

public sealed class MatchQueryValidator : MatchInputValidator<MatchQuery>;

public sealed class MatchRequestValidator : MatchInputValidator<MatchRequest>;
