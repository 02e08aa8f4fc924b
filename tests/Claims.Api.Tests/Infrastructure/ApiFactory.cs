using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// The API over a database of its own, cloned from the seeded template: one per test class. Claim matching is lexical
/// unless a class asks for sentence embeddings (<see cref="SemanticApiFactory"/>): the model is loaded once per process,
/// but every class embedding its claims in the background would take the run's two cores.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync();

    protected virtual Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Claims", ConnectionString);
        builder.UseSetting("ApiKeys:0", ApiKey);
        builder.UseSetting("Matching:Semantic", "false");
        Configure(builder);
    }

    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    /// <summary>A client that sends the API key, as a writer would.</summary>
    public HttpClient Writer()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>A client without a key: a reader.</summary>
    public HttpClient Reader() => CreateClient();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
    }
}

/// <summary>The same, served by Kestrel on a loopback port: for what only a real server and real sockets show.</summary>
public class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    /// <summary>Where the server listens.</summary>
    public Uri Address => CreateClient().BaseAddress!;
}

/// <summary>The API with sentence embeddings on, from the package's model.</summary>
public class SemanticApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matching:Semantic", "true");
    }
}
