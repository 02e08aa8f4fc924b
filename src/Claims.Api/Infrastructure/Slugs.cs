using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Claims.Api.Infrastructure;

public static partial class Slugs
{
    public const int MaxLength = 80;

    /// <summary>"Russia's 9M729 (SSC-8) violates…" → "russias-9m729-ssc-8-violates"; accents folded, cut at a word.</summary>
    public static string Slugify(string text, int maxLength = MaxLength)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’') continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > maxLength)
        {
            var cut = result.LastIndexOf('-', maxLength);
            result = result[..(cut > 0 ? cut : maxLength)].Trim('-');
        }
        if (result.Length == 0) return "item";
        return IsId(result) ? $"item-{result}" : result;
    }

    /// <summary>Whether a path would read this slug as a UUID, so that the row could never be found by it.</summary>
    public static bool IsId(string? slug) => Guid.TryParse(slug, out _);

    /// <summary>What is wrong with a slug as the API and the import take it ("must be …"); null when nothing is.</summary>
    public static string? Problem(string slug) =>
        !Pattern().IsMatch(slug) ? "must be lower-case letters and digits in words joined by '-'"
        : IsId(slug) ? "must not be a UUID: a UUID in a path names a resource by its id"
        : null;

    /// <summary>
    /// The claim slug a path under /v1/claims takes: a claim slugged so could not be read by its slug. The database refuses
    /// it too (claim_slug_not_reserved, db/migrations/0016_reserved_claim_slug.sql); a derived slug passes over it.
    /// </summary>
    public const string ReservedClaimSlug = "matches";

    public const string ReservedClaimSlugReason = "/v1/claims/matches is the claim matcher's path";

    /// <summary>What is wrong with a claim's slug: what is wrong with any slug, or that it is the reserved one.</summary>
    public static string? ClaimProblem(string slug) =>
        Problem(slug) ?? (slug == ReservedClaimSlug ? $"must not be '{ReservedClaimSlug}': {ReservedClaimSlugReason}" : null);

    // \z, not $: .NET's $ also matches before a final newline, which the tables' checks refuse.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex Pattern();

    /// <summary>
    /// Inserts a row with <paramref name="insert"/> under the given slug, or else under the first of base, base-2, base-3…
    /// derived from <paramref name="wanted"/> and not yet taken in <paramref name="table"/>. A concurrent create may take
    /// that one first, and the unique index refuses the second: the next free one is tried then, so creates of one name
    /// all succeed. A slug the client gave is tried once; taken, it is a 409.
    /// </summary>
    public static async Task<T> InsertAsync<T>(NpgsqlConnection conn, SlugTable table, string? given, string wanted,
        Func<string, Task<T>> insert, CancellationToken ct)
    {
        if (given is not null) return await insert(given);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await insert(await FreeSlugAsync(conn, table, wanted, ct));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation
                                              && e.ConstraintName == SlugKeys[table] && attempt < MaxAttempts)
            {
            }
        }
    }

    // Each attempt loses only to a create that committed since the last one looked.
    const int MaxAttempts = 100;

    /// <summary>The first of base, base-2, base-3… not yet taken; for a writer that holds the write order's lock, which no other create passes.</summary>
    public static async Task<string> FreeSlugAsync(NpgsqlConnection conn, SlugTable table, string wanted, CancellationToken ct)
    {
        var baseSlug = Slugify(wanted);
        var taken = (await conn.QueryAsync<string>(new CommandDefinition(TakenSql[table],
            new { Slug = baseSlug, Prefix = baseSlug + "-" }, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        if (table == SlugTable.Claim && baseSlug == ReservedClaimSlug) taken.Add(baseSlug);
        if (!taken.Contains(baseSlug)) return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    static readonly Dictionary<SlugTable, string> SlugKeys = new()
    {
        [SlugTable.Speaker] = "speaker_slug_key",
        [SlugTable.Claim] = "claim_slug_key",
        [SlugTable.Entity] = "entity_slug_key",
    };

    // One constant statement per table, so each stays a prepared statement; the range (not LIKE) keeps the slug index usable
    // by a generic plan, and '~' sorts after every slug character.
    static readonly Dictionary<SlugTable, string> TakenSql = new()
    {
        [SlugTable.Speaker] = "SELECT slug FROM speaker WHERE slug = @Slug OR (slug >= @Prefix AND slug < @Prefix || '~')",
        [SlugTable.Claim] = "SELECT slug FROM claim WHERE slug = @Slug OR (slug >= @Prefix AND slug < @Prefix || '~')",
        [SlugTable.Entity] = "SELECT slug FROM entity WHERE slug = @Slug OR (slug >= @Prefix AND slug < @Prefix || '~')",
    };
}

public enum SlugTable { Speaker, Claim, Entity }
