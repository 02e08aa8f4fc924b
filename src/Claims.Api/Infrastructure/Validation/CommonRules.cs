
namespace Claims.Api.Infrastructure.Validation;

public static class CommonRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxUrlLength = 2048;

    /// <summary>Text PostgreSQL can store: no NUL characters.</summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .MaximumLength(maxLength)
        .Must(text => text is null || !text.Contains('\0')).WithMessage("'{PropertyName}' must not contain NUL characters.");

    /// <summary>Text that may be left out (null), but not given blank: the database keeps no empty strings for it.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .StorableText(maxLength)
        .Must(text => text is null || !string.IsNullOrWhiteSpace(text)).WithMessage("'{PropertyName}' must not be blank: leave it out instead.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .NotEmpty().WithMessage("'{PropertyName}' is required.")
        .StorableText(maxLength);

    /// <summary>A slug that <paramref name="problem"/> (by default <see cref="Slugs.Problem"/>) finds nothing wrong with.</summary>
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule, Func<string, string?>? problem = null)
    {
        problem ??= Slugs.Problem;
        return rule
            .MaximumLength(Slugs.MaxLength)
            .Must(slug => slug is null || problem(slug) is null).WithMessage((_, slug) => $"'{{PropertyName}}' {problem(slug!)}.");
    }

    public static IRuleBuilderOptions<T, string?> AbsoluteHttpUrl<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("'{PropertyName}' is required.")
        .MaximumLength(MaxUrlLength)
        .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                     && DomainNames.AsciiHost(uri) is { Length: > 0 })
        .WithMessage("'{PropertyName}' must be an absolute http or https URL whose host is a domain or an IP address.");

    /// <summary>A query value naming one of <typeparamref name="TEnum"/>'s members, in any case.</summary>
    public static IRuleBuilderOptions<T, string?> EnumName<T, TEnum>(this IRuleBuilder<T, string?> rule) where TEnum : struct, Enum => rule
        .Must(value => value is null || Enum.GetNames<TEnum>().Contains(value, StringComparer.OrdinalIgnoreCase))
        .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.");

    public static IRuleBuilderOptions<T, TEnum> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule) where TEnum : struct, Enum => rule
        .Must(Enum.IsDefined).WithMessage("'{PropertyName}' is not one of the allowed values.");
}
