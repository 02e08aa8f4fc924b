
namespace Claims.Api.Infrastructure.Paging;

public static class PageQueryRules
{
    /// <summary>limit within 1–100 and a cursor this list made; <paramref name="keyIsValid"/> checks the cursor's sort key.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<Cursor, bool>? keyIsValid = null) where T : IPageQuery
    {
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"'limit' must be between 1 and {Paging.MaxLimit}.");
        validator.RuleFor(q => q.Cursor)
            .Must(text => Cursor.TryDecode(text, out var cursor) && (keyIsValid?.Invoke(cursor) ?? true))
            .When(q => q.Cursor is not null)
            .WithMessage("'cursor' is not a cursor from this list; pass back a nextCursor exactly as received.");
    }

    public static bool HasDateKey(Cursor cursor) => cursor.TryDateKey(out _);
}
