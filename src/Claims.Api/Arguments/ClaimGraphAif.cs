using System.Globalization;
using System.Text.Json;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>
/// The claim graph as an AIF argument map: an I node per claim (its id the claim's), a CA node per counter-claim link
/// (attacker → CA → attacked), an RA node per support (supporter → RA → supported), and per stance the holder's move:
/// an L node "Speaker Name : evidence quote" and a YA node (Asserting or Disagreeing) from it to the claim. A stance
/// without evidence has an L node with no words, "Speaker Name : ", so the holder is still there (and, in its locution
/// entry, when the stance was taken). A locution's <c>start</c> is the day its quote was said. The same claims,
/// links and holders as the JSON graph (the same walk, caps and first holders of each side); other node ids are
/// name-based UUIDs of what they stand for, so the same graph always gives the same map. The AIF import reads it back.
/// </summary>
static class ClaimGraphAif
{
    const string Sql = $"""
        {ClaimGraphApi.WalkSql}
        SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM start) THEN NULL ELSE json_build_object(
            'claims', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'text', c.text, 'createdAt', c.created_at)
                        ORDER BY k.depth, c.slug), '[]'::json)
                       FROM kept k JOIN claim c ON c.id = k.id),
            'links', (SELECT coalesce(json_agg(json_build_object('from', l.from_claim_id, 'to', l.to_claim_id, 'kind', l.kind, 'createdAt', l.created_at)
                        ORDER BY l.kind, l.from_claim_id, l.to_claim_id), '[]'::json)
                      FROM claim_link l
                      WHERE l.from_claim_id IN (SELECT id FROM kept) AND l.to_claim_id IN (SELECT id FROM kept)),
            'stances', (SELECT coalesce(json_agg(json_build_object(
                            'id', st.id, 'claimId', st.claim_id, 'position', st.position, 'saidOn', st.said_on, 'createdAt', st.created_at,
                            'speakerId', sp.id, 'speakerName', sp.name,
                            'quoteId', q.id, 'quoteText', q.text, 'quoteSaidOn', q.said_on, 'quoteCreatedAt', q.created_at, 'sourceUrl', so.url)
                        ORDER BY st.claim_id, st.position, st.id), '[]'::json)
                        FROM kept k
                        CROSS JOIN (VALUES ('asserts'), ('disputes')) AS side (position)
                        CROSS JOIN LATERAL (SELECT s.id, s.claim_id, s.speaker_id, s.position, s.quote_id, s.said_on, s.created_at FROM stance s
                                            WHERE s.claim_id = k.id AND s.position = side.position
                                            ORDER BY s.id LIMIT @HoldersShown) st
                        JOIN speaker sp ON sp.id = st.speaker_id
                        LEFT JOIN quote q ON q.id = st.quote_id
                        LEFT JOIN source so ON so.id = q.source_id)
        )::text END
        """;

    /// <summary>The graph around a claim as AIF JSON, or null when there is no such claim.</summary>
    public static async Task<byte[]?> ExportAsync(NpgsqlDataSource db, IdOrSlug key, int depth, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string?>(new CommandDefinition(Sql,
            new { key.Id, key.Slug, Depth = depth, ClaimGraphApi.MaxNodes, ClaimGraphApi.HoldersShown }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.SerializeToUtf8Bytes(
            Map(JsonSerializer.Deserialize(json, AppJsonContext.Default.AifGraphRows)!), AppJsonContext.Default.AifNodeset);
    }

    static AifNodeset Map(AifGraphRows graph)
    {
        var nodes = new List<AifNode>();
        var edges = new List<AifEdge>();
        var locutions = new List<AifLocutionEntry>();
        void Edge(string from, string to) => edges.Add(new AifEdge(Id("edge", $"{from}:{to}"), from, to, null));

        foreach (var claim in graph.Claims)
            nodes.Add(new AifNode(claim.Id.ToString(), claim.Text, AifVocabulary.I, Timestamp(claim.CreatedAt)));
        foreach (var link in graph.Links)
        {
            var (type, scheme) = link.Kind == "counters" ? (AifVocabulary.CA, AifVocabulary.Conflict) : (AifVocabulary.RA, AifVocabulary.Inference);
            var node = new AifNode(Id("link", $"{link.From}:{link.To}:{link.Kind}"), scheme, type, Timestamp(link.CreatedAt));
            nodes.Add(node);
            Edge(link.From.ToString(), node.NodeID);
            Edge(node.NodeID, link.To.ToString());
        }
        var said = new HashSet<Guid>();
        foreach (var stance in graph.Stances)
        {
            var locution = Id("locution", (stance.QuoteId ?? stance.Id).ToString());
            if (stance.QuoteId is not { } quote || said.Add(quote))
            {
                var at = Timestamp(stance.QuoteCreatedAt ?? stance.CreatedAt);
                var saidOn = stance.QuoteId is null ? stance.SaidOn : stance.QuoteSaidOn;
                nodes.Add(new AifNode(locution, AifVocabulary.LocutionText(stance.SpeakerName, stance.QuoteText ?? ""), AifVocabulary.L, at));
                if (stance.QuoteId is not null || saidOn is not null)
                    locutions.Add(new AifLocutionEntry(locution, stance.SpeakerId.ToString(), at,
                        saidOn is { } day ? Timestamp(new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero)) : null, null, stance.SourceUrl));
            }
            var illocution = new AifNode(Id("illocution", stance.Id.ToString()),
                AifVocabulary.IllocutionOf(stance.Position), AifVocabulary.YA, Timestamp(stance.CreatedAt));
            nodes.Add(illocution);
            Edge(locution, illocution.NodeID);
            Edge(illocution.NodeID, stance.ClaimId.ToString());
        }
        return new AifNodeset(nodes, edges, locutions);
    }

    static string Id(string kind, string key) => StableIds.For("aif", kind, key).ToString();

    // AIFdb's timestamps: "2020-05-28 19:24:45", in UTC here.
    static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>What the export reads: the graph's claims, the links among them, and the stances shown, with speaker and evidence.</summary>
public sealed record AifGraphRows(IReadOnlyList<AifGraphRows.Claim> Claims, IReadOnlyList<AifGraphRows.Link> Links, IReadOnlyList<AifGraphRows.Stance> Stances)
{
    public sealed record Claim(Guid Id, string Text, DateTimeOffset CreatedAt);

    public sealed record Link(Guid From, Guid To, string Kind, DateTimeOffset CreatedAt);

    public sealed record Stance(
        Guid Id, Guid ClaimId, StancePosition Position, DateOnly? SaidOn, DateTimeOffset CreatedAt, Guid SpeakerId, string SpeakerName,
        Guid? QuoteId, string? QuoteText, DateOnly? QuoteSaidOn, DateTimeOffset? QuoteCreatedAt, string? SourceUrl);
}
