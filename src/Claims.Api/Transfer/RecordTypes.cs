using System.Text.Json;
using System.Text.RegularExpressions;
using Claims.Api.Infrastructure;
using Claims.Api.Infrastructure.Validation;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer;

/// <summary>How a field is written in a line and stored: a span is one field over two columns.</summary>
enum FieldKind { Uuid, Text, Texts, Date, Bool, Timestamp, Span }

/// <summary>A rule on a text value: null when it holds, else what is wrong ("must not be empty").</summary>
delegate string? TextRule(string value);

/// <summary>
/// One field of a record, named in the line after its column (<c>speaker_id</c> is <c>speakerId</c>). A null field is
/// null, or <paramref name="Default"/>; so is a missing one in a new row, while a stored row keeps its value (see
/// <see cref="ImportAbsentFields"/>). A <paramref name="Required"/> field missing or null is an error. A
/// <paramref name="Key"/> says which row the record is (a mention's <c>quoteId</c> or <c>claimId</c>), so its absence
/// keeps nothing. A text longer than <paramref name="MaxLength"/> characters (texts: in all) is an error.
/// </summary>
sealed record Field(
    string Column, FieldKind Kind, bool Required = false, object? Default = null, TextRule? Rule = null, bool Key = false, int? MaxLength = null)
{
    public string Name { get; } = NameOf(Column);

    /// <summary>Whether a record without the field keeps the stored value; timestamps follow the merge's own rule.</summary>
    public bool KeepsStored { get; } = !Required && !Key && Kind != FieldKind.Timestamp;
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(NameOf(Column));
    public string[] Columns { get; } = Kind == FieldKind.Span ? ["span_start", "span_end"] : [Column];

    static string NameOf(string column) =>
        JsonNamingPolicy.CamelCase.ConvertName(string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])));
}

/// <summary>
/// A type of record: the table it restores (its staging table is <c>import_&lt;table&gt;</c>), its fields in column
/// order, and how it is exported, in key order so that every export of the same data is the same bytes.
/// </summary>
sealed record RecordType(string Name, string Table, Field[] Fields, string OrderBy, string[]? Export = null)
{
    public string Staging => $"import_{Table}";
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(Name);
    public IEnumerable<string> Columns => Fields.SelectMany(f => f.Columns);
    public string[] ExportSql => Export ?? [$"SELECT {string.Join(", ", Columns)} FROM {Table} ORDER BY {OrderBy}"];
}

/// <summary>The records of an export or import, in dependency order: a record refers only to records of earlier types.</summary>
static partial class RecordTypes
{
    // What the database can hold: a b-tree index entry is at most 2,704 bytes, 800 characters at up to three bytes each
    // with room for the index's other columns, and a search vector at most 1 MB, which 100,000 characters stay well under.
    // URLs may be as long as the API lets them be, so that whatever it stored comes back in; the rare one whose bytes
    // still overflow its index is refused by the database, as the API's writes are (see DatabaseErrors).
    const int IndexedLength = 800;
    const int NameLength = 1_000;
    const int SearchedLength = 100_000;

    static readonly Field Id = new("id", FieldKind.Uuid, Required: true);
    static readonly Field Slug = new("slug", FieldKind.Text, Required: true, Rule: Slugs.Problem, MaxLength: Slugs.MaxLength);
    static readonly Field Aliases = new("aliases", FieldKind.Texts, Default: Array.Empty<string>(), MaxLength: 10 * NameLength);
    static readonly Field CreatedAt = new("created_at", FieldKind.Timestamp);
    static readonly Field UpdatedAt = new("updated_at", FieldKind.Timestamp);

    public static readonly RecordType Speaker = new("speaker", "speaker",
    [
        Id, Slug, new("name", FieldKind.Text, Required: true, Rule: NotEmpty, MaxLength: NameLength),
        new("kind", FieldKind.Text, Default: "person", Rule: OneOf("person", "organization", "government")),
        new("title", FieldKind.Text, MaxLength: NameLength), Aliases, new("party", FieldKind.Text, Rule: NotEmpty, MaxLength: IndexedLength),
        new("state", FieldKind.Text, Rule: NotEmpty, MaxLength: IndexedLength),
        CreatedAt, UpdatedAt,
    ], "id");

    public static readonly RecordType Source = new("source", "source",
    [
        Id, new("url", FieldKind.Text, Required: true, Rule: IsHttpUrl, MaxLength: CommonRules.MaxUrlLength), new("title", FieldKind.Text, MaxLength: SearchedLength),
        new("publisher", FieldKind.Text, MaxLength: IndexedLength), new("published_on", FieldKind.Date), new("language", FieldKind.Text, MaxLength: IndexedLength),
        new("body", FieldKind.Text, Default: ""), CreatedAt, UpdatedAt,
    ], "id");

    public static readonly RecordType Entity = new("entity", "entity",
        [Id, Slug, new("name", FieldKind.Text, Required: true, Rule: NotEmpty, MaxLength: NameLength), Aliases, CreatedAt, UpdatedAt], "id");

    public static readonly RecordType Claim = new("claim", "claim",
    [
        Id, Slug with { Rule = Slugs.ClaimProblem }, new("text", FieldKind.Text, Required: true, Rule: NotEmpty, MaxLength: SearchedLength),
        new("topics", FieldKind.Texts, Default: Array.Empty<string>(), MaxLength: IndexedLength),
        CreatedAt, UpdatedAt,
    ], "id");

    // The rules are the 0005 table's checks; the API's friendlier normalising (a site from the URL, a rating from its
    // text) is for people, while a record is the row's state as stored.
    public static readonly RecordType Review = new("review", "review",
    [
        Id, new("claim_id", FieldKind.Uuid, Required: true), new("publisher_name", FieldKind.Text, Rule: NotEmpty, MaxLength: IndexedLength),
        new("publisher_site", FieldKind.Text, Required: true, Rule: IsDomain, MaxLength: PublisherSites.MaxLength),
        new("url", FieldKind.Text, Required: true, Rule: IsReviewUrl, MaxLength: CommonRules.MaxUrlLength),
        new("title", FieldKind.Text), new("reviewed_on", FieldKind.Date), new("language", FieldKind.Text), new("rating_text", FieldKind.Text),
        new("rating", FieldKind.Text, Required: true, Rule: OneOf(Enum.GetValues<Rating>().Select(r => r.ToDb()).ToArray())),
        new("text", FieldKind.Text, Rule: NotEmpty, MaxLength: ReviewRequest.MaxTextLength),
        CreatedAt, UpdatedAt,
    ], "id");

    // A quote without a statementId is a statement of its own (the parser gives it its id).
    public static readonly RecordType Quote = new("quote", "quote",
    [
        Id, new("speaker_id", FieldKind.Uuid, Required: true), new("source_id", FieldKind.Uuid, Required: true),
        new("kind", FieldKind.Text, Default: "direct", Rule: OneOf("direct", "paraphrase")),
        new("text", FieldKind.Text, Required: true, Rule: NotEmpty, MaxLength: SearchedLength), new("said_on", FieldKind.Date), new("place", FieldKind.Text),
        new("span", FieldKind.Span), new("statement_id", FieldKind.Uuid), new("statement_pinned", FieldKind.Bool, Default: false),
        CreatedAt, UpdatedAt,
    ], "id");

    public static readonly RecordType Stance = new("stance", "stance",
    [
        Id, new("claim_id", FieldKind.Uuid, Required: true), new("speaker_id", FieldKind.Uuid, Required: true),
        new("position", FieldKind.Text, Required: true, Rule: OneOf("asserts", "disputes")), new("quote_id", FieldKind.Uuid),
        new("said_on", FieldKind.Date), new("context", FieldKind.Text, Rule: NotEmpty), CreatedAt, UpdatedAt,
    ], "id");

    public static readonly RecordType ClaimLink = new("claimLink", "claim_link",
    [
        new("from_claim_id", FieldKind.Uuid, Required: true), new("to_claim_id", FieldKind.Uuid, Required: true),
        new("kind", FieldKind.Text, Required: true, Rule: OneOf("counters", "supports")), CreatedAt,
    ], "from_claim_id, to_claim_id, kind");

    // Mentions live in two tables; a record names exactly one of quoteId and claimId.
    public static readonly RecordType Mention = new("mention", "mention",
    [
        new("entity_id", FieldKind.Uuid, Required: true), new("quote_id", FieldKind.Uuid, Key: true), new("claim_id", FieldKind.Uuid, Key: true),
        new("origin", FieldKind.Text, Default: "manual", Rule: OneOf("auto", "manual")),
    ], "", Export:
    [
        "SELECT entity_id, quote_id, NULL::uuid AS claim_id, origin FROM quote_entity ORDER BY quote_id, entity_id",
        "SELECT entity_id, NULL::uuid AS quote_id, claim_id, origin FROM claim_entity ORDER BY claim_id, entity_id",
    ]);

    public static readonly RecordType[] InOrder = [Speaker, Source, Entity, Claim, Review, Quote, Stance, ClaimLink, Mention];

    public static RecordType? Find(string name) => Array.Find(InOrder, t => t.Name == name);

    static string? IsHttpUrl(string value) =>
        value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal)
            ? null : "must be an http or https URL";

    static string? IsDomain(string value) =>
        PublisherSites.IsBareDomain(value) ? null : "must be a bare domain in lower case, without 'www.', such as misbar.com";

    static string? IsReviewUrl(string value) =>
        ReviewUrlPattern().IsMatch(value) ? null : "must be an http or https URL with a host";

    static string? NotEmpty(string value) => value.Length > 0 ? null : "must not be empty";

    static TextRule OneOf(params string[] values) =>
        value => values.Contains(value) ? null : $"must be one of: {string.Join(", ", values)}";

    // The table's check is case-insensitive; spelt out, no other alphabet's letters fold into these.
    [GeneratedRegex("^[hH][tT][tT][pP][sS]?://[^/?#]")]
    private static partial Regex ReviewUrlPattern();
}
