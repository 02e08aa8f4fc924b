namespace Claims.Api.Search;

public sealed class SearchQueryValidator : AbstractValidator<SearchQuery>
{
    public SearchQueryValidator()
    {
        RuleFor(q => q.Q).RequiredText(500);
        RuleForEach(q => q.KindNames()).Must(k => Enum.GetNames<HitKind>().Contains(k, StringComparer.OrdinalIgnoreCase))
            .OverridePropertyName("types")
            .WithMessage($"'types' is a comma-separated list of: {string.Join(", ", Enum.GetNames<HitKind>().Select(n => n.ToLowerInvariant()))}.");
        this.AddPagingRules(cursor => SearchCursor.TryParse(cursor, out _, out _));
    }
}

/// <summary>Search pages continue after the last hit's (score, kind, id).</summary>
static class SearchCursor
{
    public static Cursor For(SearchHit hit) =>
        new($"{hit.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}:{hit.Kind.ToDb()}", hit.Id);

    public static bool TryParse(Cursor cursor, out float score, out string kind)
    {
        kind = "";
        score = 0;
        var colon = cursor.Key.IndexOf(':');
        if (colon < 0) return false;
        kind = cursor.Key[(colon + 1)..];
        return float.TryParse(cursor.Key[..colon], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out score)
            && Enum.GetNames<HitKind>().Contains(kind, StringComparer.OrdinalIgnoreCase);
    }
}
