namespace Claims.Api.Transfer;

/// <summary>
/// An import's body, read whole into a temporary file before the import takes a database connection: a client that
/// sends slowly holds none, only its import permit (see <see cref="TransferLimits"/>). The file is deleted with this.
/// </summary>
sealed class SpooledBody : IAsyncDisposable
{
    const int BufferBytes = 64 * 1024;

    readonly string path;

    SpooledBody(string path) => this.path = path;

    public static async Task<SpooledBody> ReadAsync(Stream body, CancellationToken ct)
    {
        var spooled = new SpooledBody(Path.GetTempFileName());
        try
        {
            await using var file = new FileStream(spooled.path, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous);
            await body.CopyToAsync(file, ct);
        }
        catch
        {
            await spooled.DisposeAsync();
            throw;
        }
        return spooled;
    }

    /// <summary>The body from its start; each call opens it again.</summary>
    public Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferBytes,
        FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        File.Delete(path);
        return ValueTask.CompletedTask;
    }
}
