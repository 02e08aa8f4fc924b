using System.Text.RegularExpressions;

namespace Claims.Api.Reviews;

/// <summary>A publisher's site as one spelling: the bare domain, lower case, without scheme or "www.".</summary>
public static partial class PublisherSites
{
    public const int MaxLength = 253;

    /// <summary>
    /// "misbar.com", "WWW.Misbar.com" and "https://www.misbar.com/" are all "misbar.com"; null when the text is not
    /// a domain (no dot, a path beyond "/", a character no domain holds). Internationalised names come out in punycode.
    /// </summary>
    public static string? Normalise(string? site)
    {
        if (string.IsNullOrWhiteSpace(site) || site.Length > MaxLength + 10) return null;
        var text = site.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0
            || uri.UserInfo.Length > 0 || !uri.IsDefaultPort) return null;
        return FromHost(uri);
    }

    /// <summary>A publisher's name as stored: trimmed, and out of the literal quotes some feeds wrap it in ("\"Misbar\"" is Misbar).</summary>
    public static string? Name(string? name) =>
        name?.Trim().Trim('"', '“', '”').Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>The site of an article: its URL's host, normalised.</summary>
    public static string? OfUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? FromHost(uri) : null;

    static string? FromHost(Uri uri)
    {
        if (DomainNames.AsciiHost(uri)?.ToLowerInvariant().TrimEnd('.') is not { } host) return null;
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        return host.Length <= MaxLength && uri.HostNameType == UriHostNameType.Dns && IsBareDomain(host) ? host : null;
    }

    /// <summary>
    /// Whether a site is spelt as the review table's check (0005) takes it: lower-case labels of letters, digits and '-'
    /// (a host such as "a_b.com", which URLs allow, is not), and no leading "www.".
    /// </summary>
    public static bool IsBareDomain(string site) => Domain().IsMatch(site) && !site.StartsWith("www.", StringComparison.Ordinal);

    // \z, not $: .NET's $ also matches before a final newline, which the table's check refuses.
    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)+\\z")]
    private static partial Regex Domain();
}
