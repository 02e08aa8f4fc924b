namespace Claims.Api.Transfer;

/// <summary>
/// The checks that need the whole file or the stored data, set-based over the matched staging tables: each failure is
/// a row of <c>import_error</c> naming its line. Together with the parser's they cover every rule the triggers and
/// constraints would enforce, so a file that passes merges without a constraint error.
/// </summary>
static class ImportValidation
{
    /// <summary>Stands in a message for where the <c>other_line</c> is, which only the import's source can say.</summary>
    public const string Other = "{other}";

    public const string CreateSql =
        "CREATE TEMP TABLE import_error (line integer NOT NULL, message text NOT NULL, other_line integer) ON COMMIT DROP;";

    public const string ErrorsSql = """
        SELECT line, message, other_line FROM import_error ORDER BY line, message LIMIT @Max;
        SELECT count(*) FROM import_error;
        """;

    public static string Sql { get; } = string.Join('\n',
    [
        .. Keyed("speaker", "slug", "slug"), .. Keyed("source", "url", "URL"), .. Keyed("entity", "slug", "slug"), .. Keyed("claim", "slug", "slug"),
        Repeated("quote", "id", $"This quote is also on {Other}."),
        Repeated("stance", "id", $"This stance is also on {Other}."),
        Repeated("stance", "claim_id, speaker_id", $"The stance on {Other} is by the same speaker on the same claim."),
        Taken("stance", ImportMatching.On("claim_id", "speaker_id"), "'Stored stance ' || t.id || ' is by the same speaker on the same claim.'"),
        Repeated("review", "id", $"This review is also on {Other}."),
        Repeated("review", "claim_id, review_url_key(url)", $"The review on {Other} is of the same claim at the same URL."),
        Taken("review", ImportMatching.SameReview, "'Stored review ' || t.id || ' is of the same claim at the same URL.'"),
        // A counter-claim link is one link whichever way it points.
        Repeated("claim_link", """
            kind, CASE kind WHEN 'counters' THEN least(from_claim_id, to_claim_id) ELSE from_claim_id END,
            CASE kind WHEN 'counters' THEN greatest(from_claim_id, to_claim_id) ELSE to_claim_id END
            """, $"This link is also on {Other}."),
        Repeated("mention", "entity_id, quote_id, claim_id", $"This mention is also on {Other}."),
        Reference("review", "claim_id", "claim"), Reference("quote", "speaker_id", "speaker"), Reference("quote", "source_id", "source"),
        Reference("stance", "claim_id", "claim"), Reference("stance", "speaker_id", "speaker"), Reference("stance", "quote_id", "quote"),
        Reference("claim_link", "from_claim_id", "claim"), Reference("claim_link", "to_claim_id", "claim"),
        Reference("mention", "entity_id", "entity"), Reference("mention", "quote_id", "quote"), Reference("mention", "claim_id", "claim"),
        Spans, StoredSpans, EvidenceSpeakers, EvidenceKept, SelfLinks,
    ]);

    // The span against the body its source will have: the file's, reached through its offsets (see BodyOffsets), else
    // the stored one. A span holds its text when it is as long as the text and the body's bytes where it starts are the
    // text's. The body is turned into bytes once (OFFSET 0 keeps the subquery from being merged into the join, which
    // would do it for every quote). A body the file's record leaves out has no offsets: it is the stored one (see
    // ImportAbsentFields), or the default for a new source, and is counted through as a stored body is.
    static string Spans => $"""
        INSERT INTO import_error (line, message)
        SELECT q.line, {SpanError("convert_from(s.bytes, 'UTF8')")}
        FROM import_quote q
        JOIN (SELECT id, convert_to(body, 'UTF8') AS bytes, {BodyOffsets.Column} AS offsets
              FROM import_source WHERE {BodyOffsets.Column} IS NOT NULL OFFSET 0) s ON s.id = q.source_id
        CROSS JOIN LATERAL (SELECT s.offsets[q.span_start / {BodyOffsets.Step} + 1] AS at, s.offsets[q.span_start / {BodyOffsets.Step} + 2] AS next) c
        CROSS JOIN LATERAL (SELECT c.at + octet_length(left(
            convert_from(substring(s.bytes FROM c.at + 1 FOR c.next - c.at), 'UTF8'), q.span_start % {BodyOffsets.Step})) AS at) start
        WHERE q.span_start IS NOT NULL
          AND (q.span_end - q.span_start <> char_length(q.text)
               OR substring(s.bytes FROM start.at + 1 FOR octet_length(q.text)) IS DISTINCT FROM convert_to(q.text, 'UTF8'));

        INSERT INTO import_error (line, message)
        SELECT q.line, {SpanError("s.body")}
        FROM import_quote q JOIN import_source s ON s.id = q.source_id
        WHERE q.span_start IS NOT NULL AND s.{BodyOffsets.Column} IS NULL AND {Misses("s.body")};

        INSERT INTO import_error (line, message)
        SELECT q.line, {SpanError("s.body")}
        FROM import_quote q JOIN source s ON s.id = q.source_id
        WHERE q.span_start IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_source f WHERE f.id = q.source_id) AND {Misses("s.body")};
        """;

    static string Misses(string body) =>
        $"(q.span_end > char_length({body}) OR substr({body}, q.span_start + 1, q.span_end - q.span_start) <> q.text)";

    // Messages as the 0001 trigger's; the body's length is counted only for a span that fails.
    static string SpanError(string body) => $"""
        CASE WHEN q.span_end > char_length({body})
            THEN format('The span [%s, %s) lies outside the source text, which has %s characters.', q.span_start, q.span_end, char_length({body}))
            ELSE format('The source text at span [%s, %s) is %L, which is not the quote''s text.',
                        q.span_start, q.span_end, substr({body}, q.span_start + 1, q.span_end - q.span_start)) END
        """;

    // A new body must still hold the stored quotes the file leaves as they are.
    const string StoredSpans = """
        INSERT INTO import_error (line, message)
        SELECT f.line, format('The new body would no longer hold the text of %s stored quote(s) at their spans.', count(*))
        FROM import_source f
        JOIN source old ON old.id = f.id AND old.body <> f.body
        JOIN quote q ON q.source_id = f.id AND q.span_start IS NOT NULL
        WHERE substr(f.body, q.span_start + 1, q.span_end - q.span_start) IS DISTINCT FROM q.text
          AND NOT EXISTS (SELECT 1 FROM import_quote iq WHERE iq.id = q.id)
        GROUP BY f.line;
        """;

    const string EvidenceSpeakers = """
        INSERT INTO import_error (line, message)
        SELECT s.line, 'The evidence quote was said by another speaker; a stance''s quote must be its own speaker''s.'
        FROM import_stance s
        LEFT JOIN import_quote fq ON fq.id = s.quote_id
        LEFT JOIN quote dq ON dq.id = s.quote_id
        WHERE coalesce(fq.speaker_id, dq.speaker_id) <> s.speaker_id;
        """;

    // The stance's foreign key pins its evidence quote to the stance's speaker.
    const string EvidenceKept = """
        INSERT INTO import_error (line, message)
        SELECT q.line, 'The quote is the evidence of a stored stance; its speaker cannot change under the stance.'
        FROM import_quote q JOIN quote old ON old.id = q.id AND old.speaker_id <> q.speaker_id
        WHERE EXISTS (SELECT 1 FROM stance st WHERE st.quote_id = q.id);
        """;

    const string SelfLinks = """
        INSERT INTO import_error (line, message)
        SELECT line, 'A claim cannot be linked to itself.' FROM import_claim_link WHERE from_claim_id = to_claim_id;
        """;

    /// <summary>A record with a unique key besides its id: neither may repeat, nor may the key be another stored row's.</summary>
    static string[] Keyed(string table, string key, string keyName) =>
    [
        Repeated(table, "id", $"This {table} is also on {Other}."),
        Repeated(table, key, $"The {table} on {Other} has the same {keyName}."),
        Taken(table, ImportMatching.On(key), $"'The {keyName} ' || quote_literal(f.{key}) || ' belongs to stored {table} ' || t.id || '.'"),
    ];

    static string Repeated(string table, string columns, string message) => $"""
        INSERT INTO import_error (line, message, other_line)
        SELECT line, '{message}', first
        FROM (SELECT line, min(line) OVER (PARTITION BY {columns}) AS first FROM import_{table}) d
        WHERE line > first;
        """;

    static string Taken(string table, string on, string message) => $"""
        INSERT INTO import_error (line, message)
        SELECT f.line, {message}
        FROM import_{table} f JOIN {table} t ON {on} AND t.id <> f.id;
        """;

    static string Reference(string staging, string column, string target) => $"""
        INSERT INTO import_error (line, message)
        SELECT f.line, 'There is no {target} ' || f.{column} || ', stored or among the valid records imported.'
        FROM import_{staging} f
        WHERE f.{column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM import_{target} r WHERE r.id = f.{column})
          AND NOT EXISTS (SELECT 1 FROM {target} r WHERE r.id = f.{column});
        """;
}
