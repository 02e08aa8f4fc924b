namespace Claims.Api.Sources;

/// <summary>How a source is read and written, for its GET and its conditional writes.</summary>
sealed class SourceStore : IResourceStore<SourceRequest, SourceDetail>
{
    public static readonly SourceStore Instance = new();

    public const string Columns = "id, url, title, publisher, published_on, language, char_length(body) AS body_length, created_at, updated_at";
    public const string DetailColumns = $"{Columns}, body";

    /// <summary>Inserts a source from <see cref="Parameters"/>, answering it with its body.</summary>
    public const string InsertSql = $"""
        INSERT INTO source (id, url, title, publisher, published_on, language, body)
        VALUES (@Id, @Url, @Title, @Publisher, @PublishedOn, @Language, @Body)
        RETURNING {DetailColumns}
        """;

    public string LockSql => "SELECT id FROM source WHERE id = @Id FOR UPDATE";

    public string DeleteSql => "DELETE FROM source WHERE id = @Id";

    public async Task<SourceDetail> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        await conn.QuerySingleAsync<SourceDetail>(new CommandDefinition($"SELECT {DetailColumns} FROM source WHERE id = @id", new { id }, tx, cancellationToken: ct));

    public SourceRequest ToRequest(SourceDetail view) => new(view.Url, view.Title, view.Publisher, view.PublishedOn, view.Language, view.Body);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, SourceRequest request, CancellationToken ct)
    {
        const string sql = """
            UPDATE source
            SET url = @Url, title = @Title, publisher = @Publisher, published_on = @PublishedOn, language = @Language,
                body = @Body, updated_at = now()
            WHERE id = @Id
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, Parameters(id, request), tx, cancellationToken: ct));
    }

    public static object Parameters(Guid id, SourceRequest request) => new
    {
        Id = id,
        Url = request.Url!.Trim(),
        request.Title,
        request.Publisher,
        request.PublishedOn,
        request.Language,
        Body = request.Body ?? "",
    };
}
