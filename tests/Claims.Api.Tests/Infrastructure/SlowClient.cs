using System.Net;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Npgsql;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// HTTP clients on raw sockets that take their time: an exporter that reads the status line and then nothing more, an
/// importer that sends its body a few bytes at a time. Each may come from its own loopback address (127.0.0.2, …), so the
/// server sees many clients. The status line is what the server answered: 200 for a request it took, 429 or 503 for one
/// it refused.
/// </summary>
public sealed class SlowClient : IAsyncDisposable
{
    readonly Socket socket;
    readonly CancellationTokenSource stop = new();
    readonly Task<int> status;
    Task sending = Task.CompletedTask;

    SlowClient(Socket socket) => (this.socket, status) = (socket, ReadStatusAsync(socket));

    /// <summary>
    /// Adds a few megabytes of source text to a test's database: an export then holds more than the sockets' and the
    /// server's buffers take, so that an exporter that reads none of it keeps its export waiting.
    /// </summary>
    public static async Task MakeExportsLongAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("""
            INSERT INTO source (id, url, body)
            SELECT gen_random_uuid(), 'https://example.org/long/' || n, repeat('A long body for a slow export. ', 35000)
            FROM generate_series(1, 4) n
            ON CONFLICT (url) DO NOTHING
            """);
    }

    /// <summary>The status the server answered with, or 0 if it has not answered (yet).</summary>
    public int Status => status.IsCompletedSuccessfully ? status.Result : 0;

    public Task<int> StatusAsync => status;

    public static async Task<SlowClient> ExportAsync(Uri server, IPAddress from)
    {
        var socket = await ConnectAsync(server, from);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /v1/export HTTP/1.1\r\nHost: {server.Authority}\r\n\r\n"));
        return new SlowClient(socket);
    }

    public static async Task<SlowClient> ImportAsync(Uri server, IPAddress from, string apiKey)
    {
        var socket = await ConnectAsync(server, from);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"POST /v1/import HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {apiKey}\r\n" +
            "Content-Type: application/x-ndjson\r\nContent-Length: 100000000\r\n\r\n"));
        var client = new SlowClient(socket);
        client.sending = client.TrickleAsync();
        return client;
    }

    // 128 bytes every quarter of a second: slow, but twice Kestrel's minimum request body rate (240 bytes a second), so
    // that timer jitter on a busy machine does not push it under and turn the upload into a 408.
    async Task TrickleAsync()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 128));
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await socket.SendAsync(chunk, stop.Token);
                await Task.Delay(250, stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    static async Task<Socket> ConnectAsync(Uri server, IPAddress from)
    {
        // A small receive window, so that what the server sends backs up in its own buffers rather than in ours.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        return socket;
    }

    // "HTTP/1.1 200": twelve bytes, and not one more.
    static async Task<int> ReadStatusAsync(Socket socket)
    {
        var line = new byte[12];
        for (var read = 0; read < line.Length;)
        {
            var n = await socket.ReceiveAsync(line.AsMemory(read));
            if (n == 0) return 0;
            read += n;
        }
        return int.Parse(Encoding.ASCII.GetString(line, 9, 3));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Close(0);
        await sending;
        try { await status; }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        stop.Dispose();
    }
}
