using System.Net;
using System.Net.Http.Headers;
using Claims.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Claims.Api.Tests;

public sealed class AuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/v1/speakers" },
        { "PUT", $"/v1/speakers/{Seeded.Stoltenberg}" },
        { "DELETE", $"/v1/speakers/{Seeded.Stoltenberg}" },
        { "POST", "/v1/sources" },
        { "POST", "/v1/quotes" },
        { "POST", "/v1/claims" },
        { "POST", $"/v1/claims/{Seeded.ViolationClaim}/counter-claims" },
        { "DELETE", $"/v1/claims/{Seeded.ViolationClaim}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WritesWithoutAKeyAreUnauthorized(string method, string path)
    {
        var response = await api.Reader().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("""{"name":"x","text":"x"}""", System.Text.Encoding.UTF8, "application/json"),
        });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync($"/v1/speakers/{Seeded.Stoltenberg}")).StatusCode);
    }

    [Theory]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("test-key-0123456789")]
    public async Task AWrongKeyIsUnauthorized(string authorization)
    {
        var client = api.Reader();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        await (await client.PostJsonAsync("/v1/claims", new { text = "Should not be written" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadsNeedNoKey()
    {
        var reader = api.Reader();
        foreach (var path in new[] { "/v1/speakers", "/v1/sources", "/v1/quotes", "/v1/claims", $"/v1/claims/{Seeded.ViolationClaim}" })
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task WithNoKeysConfiguredNothingCanBeWritten()
    {
        using var readOnly = api.WithWebHostBuilder(b => b.UseSetting("ApiKeys:0", ""));
        var client = readOnly.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "");

        await (await client.PostJsonAsync("/v1/claims", new { text = "Should not be written" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
