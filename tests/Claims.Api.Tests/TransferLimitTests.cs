using System.Net;
using System.Net.Sockets;
using System.Text;
using Claims.Api.Transfer;
using Claims.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Claims.Api.Tests;

/// <summary>One export and one import per client, two exports and one import overall.</summary>
public sealed class TransferLimitFactory : KestrelApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Export:PerClient", "1");
        builder.UseSetting("Export:Overall", "2");
        builder.UseSetting("Import:PerClient", "1");
        builder.UseSetting("Import:Overall", "1");
    }
}

/// <summary>
/// Exports and imports past a client's limit are a 429, past the server's a 503, each problem+json with Retry-After and
/// at once, without waiting for a turn; a permit comes free when its request ends.
/// </summary>
public sealed class TransferLimitTests(TransferLimitFactory api) : IClassFixture<TransferLimitFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => SlowClient.MakeExportsLongAsync(api.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    static readonly IPAddress First = IPAddress.Parse("127.0.0.2"), Second = IPAddress.Parse("127.0.0.3"), Third = IPAddress.Parse("127.0.0.4");

    [Fact]
    public async Task AnExportPastAClientsLimitIsTooManyRequestsAndPastTheServersIsBusy()
    {
        await using var first = await SlowClient.ExportAsync(api.Address, First);
        Assert.Equal(200, await first.StatusAsync);

        await AssertRefusedAsync(await From(First).GetAsync("/v1/export"), HttpStatusCode.TooManyRequests);

        await using (var second = await SlowClient.ExportAsync(api.Address, Second))
        {
            Assert.Equal(200, await second.StatusAsync);
            await AssertRefusedAsync(await From(Third).GetAsync("/v1/export"), HttpStatusCode.ServiceUnavailable);
        }

        Assert.Equal(HttpStatusCode.OK, (await EventuallyAsync(() => From(Third).GetAsync("/v1/export"))).StatusCode);
    }

    [Fact]
    public async Task AnImportPastAClientsLimitIsTooManyRequestsAndPastTheServersIsBusy()
    {
        await using var uploading = await SlowClient.ImportAsync(api.Address, First, ApiFactory.ApiKey);
        await Task.Delay(500);
        Assert.Equal(0, uploading.Status); // still sending its body

        await AssertRefusedAsync(await Import(From(First)), HttpStatusCode.TooManyRequests);
        await AssertRefusedAsync(await Import(From(Second)), HttpStatusCode.ServiceUnavailable);
    }

    static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await response.AssertProblemAsync(status);
        Assert.Equal(TimeSpan.FromSeconds(TransferLimits.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    static Task<HttpResponseMessage> Import(HttpClient client) =>
        client.PostAsync("/v1/import", new StringContent("", Encoding.UTF8, "application/x-ndjson"));

    // The slot of a client that hung up comes free once the server notices.
    static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.IsSuccessStatusCode || attempt == 50) return response;
            await Task.Delay(100);
        }
    }

    /// <summary>A client with the API key whose connections come from <paramref name="address"/>.</summary>
    HttpClient From(IPAddress address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = api.Address, DefaultRequestHeaders = { Authorization = new("Bearer", ApiFactory.ApiKey) } };
    }
}
