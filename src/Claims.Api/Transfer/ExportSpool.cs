namespace Claims.Api.Transfer;

/// <summary>
/// An export over HTTP: the database's rows go into a temporary file as fast as the database reads them, and from the
/// file to the client as fast as the client takes them, so a slow client never holds a database connection; it is let
/// go when the last row is in the file. Nothing is sent before the first rows are in, so a database that cannot be
/// reached is still an error answer. The file is deleted when the export ends; it holds the whole export at most.
/// </summary>
static class ExportSpool
{
    const int BufferBytes = 64 * 1024;

    public static async Task ExportAsync(NpgsqlDataSource db, Stream output, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        const FileShare shared = FileShare.ReadWrite | FileShare.Delete;
        await using var file = new GrowingFile(new FileStream(path, FileMode.Open, FileAccess.Write, shared, 0,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose));
        await using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, shared, 0, FileOptions.Asynchronous);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producing = Task.Run(async () =>
        {
            try
            {
                await NdjsonExporter.ExportAsync(db, file, stop.Token);
            }
            finally
            {
                file.Complete();
            }
        }, CancellationToken.None);
        try
        {
            var buffer = new byte[BufferBytes];
            while (true)
            {
                var grown = file.NextWrite();
                var written = file.IsComplete; // before reading: then a read that finds nothing is at the end
                var read = await reader.ReadAsync(buffer, ct);
                if (read > 0)
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                else if (written)
                    break;
                else
                    await grown.WaitAsync(ct);
            }
            await producing; // its error, if it failed
        }
        finally
        {
            await stop.CancelAsync();
            await producing.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The spool's writing end: each write (and the end) wakes the reader waiting for more.</summary>
    sealed class GrowingFile(FileStream file) : Stream
    {
        TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        volatile bool complete;

        public bool IsComplete => complete;

        /// <summary>A task that completes at the next write or at the end; take it before reading, so none falls in between.</summary>
        public Task NextWrite() => Volatile.Read(ref next).Task;

        public void Complete()
        {
            complete = true;
            Pulse();
        }

        void Pulse() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            await file.WriteAsync(buffer, ct);
            Pulse();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            file.Write(buffer, offset, count);
            Pulse();
        }

        public override Task FlushAsync(CancellationToken ct) => file.FlushAsync(ct);
        public override void Flush() => file.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
