using System.Net;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>
/// A request that waits out the command timeout, as readers do behind an import in restore mode, is a 503 with
/// Retry-After that names the likely cause, never a 500; and it writes nothing.
/// </summary>
public sealed class CommandTimeoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ARequestHeldUpPastTheCommandTimeoutIsABusyAnswer()
    {
        using var impatient = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Claims", $"{api.ConnectionString};Command Timeout=1"));
        var (reader, writer) = (impatient.CreateClient(), impatient.CreateClient());
        writer.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.ApiKey);
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        await using (var holder = new NpgsqlConnection(api.ConnectionString))
        {
            await holder.OpenAsync();
            await using var restoring = await holder.BeginTransactionAsync();
            await holder.ExecuteAsync("LOCK TABLE speaker IN ACCESS EXCLUSIVE MODE", transaction: restoring);

            var read = await reader.GetAsync($"/v1/speakers/{Seeded.Nato}");
            var write = await writer.PostJsonAsync("/v1/speakers", new { name = "Held Up" });

            foreach (var response in new[] { read, write })
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Contains("did not answer in time", problem.GetProperty("detail").GetString());
                Assert.Equal(TimeSpan.FromSeconds(DatabaseErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            }
        }
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }
}
