using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Matching;

/// <summary><c>limit</c>: 1 to 50, default 10.</summary>
public sealed record QuoteMatchQuery([property: FromQuery(Name = "limit")] int? Limit);

public sealed class QuoteMatchQueryValidator : AbstractValidator<QuoteMatchQuery>
{
    public QuoteMatchQueryValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MatchQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"'limit' must be between 1 and {MatchQuery.MaxLimit}.").OverridePropertyName("limit");
}
