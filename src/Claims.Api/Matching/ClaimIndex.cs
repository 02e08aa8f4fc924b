using System.Security.Cryptography;
using System.Text;

namespace Claims.Api.Matching;

/// <summary>
/// Every claim's words and sentence vector in memory, for matching: a cache of the database, never a source of truth.
/// It is loaded at start-up and follows the change feed (claims and reviews created, changed or deleted, by the API or
/// an import alike, in commit order) and the embeddings table (by version), so it holds exactly what the database
/// holds, a moment later; a match first catches up, so it sees every write committed before it began. The words are
/// PostgreSQL's lexemes (the claim's <c>search</c> column, <c>to_tsvector('english', …)</c> of its reviews' titles, and
/// its reviews' <c>text_search</c>), so a claim is matched on the same words it is searched by.
/// </summary>
public sealed partial class ClaimIndex(NpgsqlDataSource db, MatchingOptions options, ILogger<ClaimIndex> logger) : IDisposable
{
    sealed class Entry(Guid id)
    {
        public Guid Id { get; } = id;
        public byte[] InputHash { get; set; } = [];
        public byte[]? VectorHash { get; set; }
        public Guid[] Reviews { get; set; } = [];
    }

    readonly ReaderWriterLockSlim gate = new();
    readonly SemaphoreSlim catchingUp = new(1, 1);
    readonly Dictionary<Guid, int> slots = [];
    readonly List<Entry?> entries = [];
    readonly Dictionary<Guid, Guid> reviewClaims = [];
    readonly HashSet<int> pending = [];
    readonly LexicalIndex lexical = new();
    readonly VectorIndex? vectors = options.Semantic ? new VectorIndex() : null;
    readonly string? model = options.Semantic ? MatchingOptions.ModelName : null;
    long position = -1, version;
    bool vectorsLoaded;

    /// <summary>Whether the first load has been done.</summary>
    public bool Loaded => Volatile.Read(ref position) >= 0;

    /// <summary>Whether every vector stored at start-up has been read, so that what is pending is known.</summary>
    public bool VectorsLoaded => Volatile.Read(ref vectorsLoaded);

    public IndexState State() => Read(() => new IndexState(slots.Count, lexical.Lexemes, vectors?.Count, VectorsLoaded ? pending.Count : null));

    /// <summary>The claims whose vector is missing or older than their text, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<Guid> Pending(int count) =>
        VectorsLoaded ? Read(() => pending.Take(count).Select(slot => entries[slot]!.Id).ToList()) : [];

    /// <summary>
    /// What a claim's vector is made from: its text, then its reviews' titles, which say what was checked in other words
    /// (on the CheckThat! train and dev queries, better than the text alone); its hash is stored beside the vector.
    /// </summary>
    public static string EmbeddingInput(string text, string? titles) => titles is null ? text : $"{text} {titles}";

    /// <summary>The parts of the claims' embedding inputs: each claim's text and its reviews' titles, in review order.</summary>
    public const string EmbeddingInputsSql = """
        SELECT c.id, c.text, (SELECT string_agg(r.title, ' ' ORDER BY r.id) FROM review r WHERE r.claim_id = c.id) AS titles
        FROM claim c WHERE c.id = ANY(@Ids)
        """;

    public static byte[] HashOf(string modelName, string input) => MD5.HashData(Encoding.UTF8.GetBytes($"{modelName}\n{input}"));

    /// <summary>
    /// Applies the claims and reviews written since the last look, unless the feed is known to be no further than the index
    /// (<paramref name="feedPosition"/>); the first call loads them all. Vectors are not waited for: see <see cref="CatchUpVectorsAsync"/>.
    /// </summary>
    public async Task CatchUpAsync(long? feedPosition, CancellationToken ct)
    {
        if (Loaded && feedPosition <= Volatile.Read(ref position)) return;
        await catchingUp.WaitAsync(ct);
        try
        {
            if (!Loaded) await LoadAllAsync(ct);
            else await ApplyChangesAsync(ct);
        }
        finally
        {
            catchingUp.Release();
        }
    }

    /// <summary>Reads the vectors written since the last look, a chunk at a time, so that matching goes on meanwhile.</summary>
    public async Task CatchUpVectorsAsync(CancellationToken ct)
    {
        if (vectors is null) return;
        await CatchUpAsync(null, ct);
        while (true)
        {
            await catchingUp.WaitAsync(ct);
            try
            {
                if (await ApplyVectorsAsync(ct) == 0) break;
            }
            finally
            {
                catchingUp.Release();
            }
        }
        Volatile.Write(ref vectorsLoaded, true);
    }

    T Read<T>(Func<T> read)
    {
        gate.EnterReadLock();
        try { return read(); }
        finally { gate.ExitReadLock(); }
    }

    void Write(Action write)
    {
        gate.EnterWriteLock();
        try { write(); }
        finally { gate.ExitWriteLock(); }
    }

    public void Dispose()
    {
        vectors?.Dispose();
        gate.Dispose();
        catchingUp.Dispose();
    }
}

/// <summary>How many claims the index holds, with how many distinct lexemes and vectors, and how many wait for one.</summary>
public sealed record IndexState(int Claims, int Lexemes, int? Vectors, int? Pending);
