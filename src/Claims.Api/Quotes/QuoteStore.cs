namespace Claims.Api.Quotes;

/// <summary>How a quote is read and written, for its GET and its conditional writes.</summary>
sealed class QuoteStore : IResourceStore<QuoteRequest, QuoteResponse>
{
    public static readonly QuoteStore Instance = new();

    /// <summary>Inserts a quote from <see cref="Parameters"/>.</summary>
    public const string InsertSql = """
        INSERT INTO quote (id, speaker_id, source_id, kind, text, said_on, place, span_start, span_end)
        VALUES (@Id, @SpeakerId, @SourceId, @Kind, @Text, @SaidOn, @Place, @SpanStart, @SpanEnd)
        """;

    public string LockSql => "SELECT id FROM quote WHERE id = @Id FOR UPDATE";

    public string DeleteSql => "DELETE FROM quote WHERE id = @Id";

    public async Task<QuoteResponse> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await QuoteQueries.GetAsync(conn, id, tx, ct))!;

    public QuoteRequest ToRequest(QuoteResponse view) =>
        new(view.Speaker.Id, view.Source.Id, view.Text, view.Kind, view.SaidOn, view.Place, view.Span);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, QuoteRequest request, CancellationToken ct)
    {
        const string sql = """
            UPDATE quote
            SET speaker_id = @SpeakerId, source_id = @SourceId, kind = @Kind, text = @Text, said_on = @SaidOn, place = @Place,
                span_start = @SpanStart, span_end = @SpanEnd, updated_at = now()
            WHERE id = @Id
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, Parameters(id, request), tx, cancellationToken: ct));
    }

    public static object Parameters(Guid id, QuoteRequest request) => new
    {
        Id = id,
        request.SpeakerId,
        request.SourceId,
        Kind = (request.Kind ?? QuoteKind.Direct).ToDb(),
        request.Text,
        request.SaidOn,
        request.Place,
        SpanStart = request.Span?.Start,
        SpanEnd = request.Span?.End,
    };
}
