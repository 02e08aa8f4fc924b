using Microsoft.AspNetCore.Http.Metadata;

namespace Claims.Api.Infrastructure.Http;

/// <summary>
/// Refuses bodies over the limit with 413 whatever the server: a declared Content-Length is refused before reading,
/// a chunked body as soon as it passes the limit. The limit is <see cref="MaxBodyBytes"/>, or the endpoint's own (an
/// article's extraction takes more). (Kestrel's own limit does not apply to in-process test hosts.)
/// </summary>
sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext http)
    {
        // An endpoint that streams its body (the import) declares no limit.
        if (LimitOf(http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()) is not { } limit)
            return next(http);
        if (http.Request.ContentLength > limit)
            return TooLarge(http, limit);
        if (http.Request.ContentLength is null)
            http.Request.Body = new LimitedStream(http.Request.Body, limit);
        return next(http);
    }

    /// <summary>The most bytes an endpoint with this metadata takes; null when it takes any.</summary>
    public static long? LimitOf(IRequestSizeLimitMetadata? declared) => declared is null ? MaxBodyBytes : declared.MaxRequestBodySize;

    static Task TooLarge(HttpContext http, long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"Request bodies are limited to {limit} bytes.").ExecuteAsync(http);

    sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        long read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var n = await inner.ReadAsync(buffer, ct);
            read += n;
            if (read > limit)
                throw new BadHttpRequestException($"Request bodies are limited to {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
