namespace Claims.Api.Infrastructure;

/// <summary>A route value that names a row by its UUID or by its slug; SQL matches <c>id = @Id OR slug = @Slug</c>.</summary>
public readonly record struct IdOrSlug(Guid? Id, string Slug)
{
    public static IdOrSlug Parse(string value) =>
        Guid.TryParse(value, out var id) ? new IdOrSlug(id, "") : new IdOrSlug(null, value);
}
