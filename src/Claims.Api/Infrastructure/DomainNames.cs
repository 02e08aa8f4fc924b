using System.Buffers;
using System.Globalization;
using System.Text;

namespace Claims.Api.Infrastructure;

/// <summary>What can be a host on the web, for every field and filter that takes a domain, a site or a URL.</summary>
public static class DomainNames
{
    /// <summary>
    /// The host of an absolute URL as DNS spells it (internationalised names in punycode), or null when it cannot be one:
    /// it holds a character no name holds (see <see cref="IsPrintable"/>; IDN mapping would drop a zero-width one silently),
    /// or one that IDN refuses, such as a combining mark that begins a label.
    /// </summary>
    public static string? AsciiHost(Uri uri)
    {
        if (!IsPrintable(uri.Host)) return null;
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether text holds only what a name or a domain can: no control or format character (zero-width ones among them),
    /// no private-use, unassigned or non-character code point (U+10FFFF), no half of a surrogate pair, and no combining
    /// mark without a letter or digit before it.
    /// </summary>
    public static bool IsPrintable(string text)
    {
        var rest = text.AsSpan();
        var canCarryMark = false;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done) return false;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    return false;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    if (!canCarryMark) return false;
                    break;
                default:
                    canCarryMark = Rune.IsLetterOrDigit(rune);
                    break;
            }
            rest = rest[length..];
        }
        return true;
    }
}
