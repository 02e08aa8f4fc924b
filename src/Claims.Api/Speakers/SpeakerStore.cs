namespace Claims.Api.Speakers;

/// <summary>How a speaker is read and written, for its GET and its conditional writes.</summary>
sealed class SpeakerStore : IResourceStore<SpeakerRequest, SpeakerResponse>
{
    public static readonly SpeakerStore Instance = new();

    public const string Columns = "id, slug, name, kind, title, aliases, party, state, created_at, updated_at";

    /// <summary>Inserts a speaker from <see cref="Parameters"/>, answering it.</summary>
    public const string InsertSql = $"""
        INSERT INTO speaker (id, slug, name, kind, title, aliases, party, state)
        VALUES (@Id, @Slug, @Name, @Kind, @Title, @Aliases, @Party, @State)
        RETURNING {Columns}
        """;

    public string LockSql => "SELECT id FROM speaker WHERE id = @Id OR slug = @Slug FOR UPDATE";

    public string DeleteSql => "DELETE FROM speaker WHERE id = @Id";

    public async Task<SpeakerResponse> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        await conn.QuerySingleAsync<SpeakerResponse>(new CommandDefinition($"SELECT {Columns} FROM speaker WHERE id = @id", new { id }, tx, cancellationToken: ct));

    public SpeakerRequest ToRequest(SpeakerResponse view) => new(view.Name, view.Slug, view.Kind, view.Title, view.Aliases, view.Party, view.State);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, SpeakerRequest request, CancellationToken ct)
    {
        const string sql = """
            UPDATE speaker
            SET name = @Name, slug = coalesce(@Slug, slug), kind = @Kind, title = @Title, aliases = @Aliases,
                party = @Party, state = @State, updated_at = now()
            WHERE id = @Id
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, Parameters(id, request.Slug, request), tx, cancellationToken: ct));
    }

    /// <summary>The columns a request writes, as stored: the name, party and state trimmed, the defaults filled in.</summary>
    public static object Parameters(Guid id, string? slug, SpeakerRequest request) => new
    {
        Id = id,
        Slug = slug,
        Name = request.Name!.Trim(),
        Kind = (request.Kind ?? SpeakerKind.Person).ToDb(),
        request.Title,
        Aliases = request.Aliases ?? [],
        Party = request.Party?.Trim(),
        State = request.State?.Trim(),
    };
}
