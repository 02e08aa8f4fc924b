using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Claims.Api.Infrastructure.Paging;

/// <summary>A list answer: the items and the cursor of the next page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>What every list accepts: how many items (1–100, default 20) and where to continue.</summary>
public interface IPageQuery
{
    int? Limit { get; }
    string? Cursor { get; }
}

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Take(this IPageQuery query) => query.Limit ?? DefaultLimit;

    /// <summary>The position after which a (date, id) keyset list continues; both null on the first page.</summary>
    public static (Guid? AfterId, DateOnly? AfterDate) DateKeyset(this IPageQuery query)
    {
        if (!Cursor.TryDecode(query.Cursor, out var after)) return (null, null);
        after.TryDateKey(out var date);
        return (after.Id, date);
    }

    /// <summary>
    /// Cuts the one extra row fetched beyond the limit and makes the cursor from the last row kept.
    /// Rows arrive in the list's keyset order, so the next page starts strictly after that row.
    /// </summary>
    public static Page<T> ToPage<T>(this List<T> rows, int limit, Func<T, Cursor> cursorOf)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, cursorOf(rows[^1]).Encode());
    }
}

/// <summary>An opaque keyset position: the sort key of the last row seen (text, or empty) and its id.</summary>
public readonly record struct Cursor(string Key, Guid Id)
{
    public static Cursor FromDate(DateOnly? date, Guid id) => new(date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", id);

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Key}|{Id:N}"));

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = new Cursor("", Guid.Empty);
        if (string.IsNullOrEmpty(text) || text.Length > 512) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        var decoded = Encoding.UTF8.GetString(bytes);
        var bar = decoded.LastIndexOf('|');
        // No key this API writes holds a NUL, and PostgreSQL text refuses one.
        if (bar < 0 || decoded.Contains('\0') || !Guid.TryParseExact(decoded[(bar + 1)..], "N", out var id)) return false;
        cursor = new Cursor(decoded[..bar], id);
        return true;
    }

    /// <summary>The key as a date; an empty key is the "no date" position, which sorts last.</summary>
    public bool TryDateKey(out DateOnly? date)
    {
        date = null;
        if (Key.Length == 0) return true;
        if (!DateOnly.TryParseExact(Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }
}
