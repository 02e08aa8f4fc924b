using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Claims.Api.Claims;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ConditionalRequestsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static HttpRequestMessage Request(HttpMethod method, string url, string? etag = null, string? json = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        if (etag is not null) request.Headers.TryAddWithoutValidation(method == HttpMethod.Get ? "If-None-Match" : "If-Match", etag);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        return request;
    }

    static HttpRequestMessage Patch(string url, string json, string? etag = null) =>
        Request(HttpMethod.Patch, url, etag, json, "application/merge-patch+json");

    async Task<string> ETagOfAsync(string url)
    {
        var response = await api.Reader().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    [Fact]
    public async Task EverySingleResourceAnswersNotModifiedWhileUnchanged()
    {
        var writer = api.Writer();
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync((await writer.NewSpeakerAsync()).Id, source, "We will build it.");
        string[] urls =
        [
            $"/v1/speakers/{Seeded.Stoltenberg}", $"/v1/sources/{source.Id}", $"/v1/quotes/{quote.Id}",
            $"/v1/claims/{Seeded.ViolationClaim}", "/v1/entities/9m729",
        ];

        foreach (var url in urls)
        {
            var etag = await ETagOfAsync(url);
            Assert.StartsWith("\"", etag);
            var again = await api.Reader().SendAsync(Request(HttpMethod.Get, url, etag));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.OK, (await api.Reader().SendAsync(Request(HttpMethod.Get, url, "\"other\""))).StatusCode);
        }
    }

    [Fact]
    public async Task AClaimsETagChangesWhenAStanceIsAdded()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Tagged claim");
        var before = await ETagOfAsync($"/v1/claims/{claim.Slug}");

        await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = (await writer.NewSpeakerAsync()).Id, position = "asserts" });

        Assert.NotEqual(before, await ETagOfAsync($"/v1/claims/{claim.Slug}"));
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().SendAsync(Request(HttpMethod.Get, $"/v1/claims/{claim.Slug}", before))).StatusCode);
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedAndTheNewerValueSurvives()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Edited Twice");
        var url = $"/v1/speakers/{speaker.Slug}";
        var etag = await ETagOfAsync(url);

        var first = await writer.SendAsync(Request(HttpMethod.Put, url, etag, """{"name": "Edited Twice", "title": "First editor"}"""));
        var second = await writer.SendAsync(Request(HttpMethod.Put, url, etag, """{"name": "Edited Twice", "title": "Second editor"}"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("First editor", (await (await writer.GetAsync(url)).ReadAsync<SpeakerResponse>()).Title);
        Assert.Equal(first.Headers.ETag!.ToString(), await ETagOfAsync(url));
    }

    [Fact]
    public async Task ConcurrentEditorsLoseNoUpdate()
    {
        var speaker = await api.Writer().NewSpeakerAsync("Counter");
        var url = $"/v1/speakers/{speaker.Slug}";
        const int editors = 8;

        await Task.WhenAll(Enumerable.Range(0, editors).Select(async _ =>
        {
            using var client = api.Writer();
            while (true)
            {
                var response = await client.GetAsync(url);
                var current = await response.ReadAsync<SpeakerResponse>();
                var count = int.Parse(current.Title ?? "0");
                var put = await client.SendAsync(Request(HttpMethod.Put, url, response.Headers.ETag!.ToString(),
                    $$"""{"name": "Counter", "title": "{{count + 1}}"}"""));
                if (put.StatusCode == HttpStatusCode.OK) return;
                Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
            }
        }));

        Assert.Equal($"{editors}", (await (await api.Reader().GetAsync(url)).ReadAsync<SpeakerResponse>()).Title);
    }

    [Fact]
    public async Task AMergePatchChangesOnlyWhatItNames()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Patched", title = "Minister", aliases = new[] { "P" } }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);
        var url = $"/v1/speakers/{created.Slug}";

        var kind = await (await writer.SendAsync(Patch(url, """{"kind": "government"}"""))).ReadAsync<SpeakerResponse>();
        var untitled = await (await writer.SendAsync(Patch(url, """{"title": null}"""))).ReadAsync<SpeakerResponse>();

        Assert.Equal((SpeakerKind.Government, "Minister", "Patched"), (kind.Kind, kind.Title, kind.Name));
        Assert.Equal(["P"], kind.Aliases);
        Assert.Null(untitled.Title);
        Assert.Equal(SpeakerKind.Government, untitled.Kind);
    }

    [Fact]
    public async Task EveryResourceCanBePatched()
    {
        var writer = api.Writer();
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync((await writer.NewSpeakerAsync()).Id, source, "We will build it.");
        var claim = await writer.NewClaimAsync("Patchable claim");

        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(Patch($"/v1/sources/{source.Id}", """{"title": "Retitled"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(Patch($"/v1/quotes/{quote.Id}", """{"place": "Oslo"}"""))).StatusCode);
        var patched = await (await writer.SendAsync(Patch($"/v1/claims/{claim.Slug}", """{"text": "Patched claim"}"""))).ReadAsync<ClaimDetail>();
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(Patch("/v1/entities/9m729", """{"aliases": ["SSC-8", "Novator"]}"""))).StatusCode);

        Assert.Equal(("Patched claim", claim.Slug), (patched.Text, patched.Slug));
    }

    [Fact]
    public async Task ABadPatchIsRefusedAndChangesNothing()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Unpatchable");
        var url = $"/v1/speakers/{speaker.Slug}";
        var etag = await ETagOfAsync(url);

        await (await writer.SendAsync(Request(HttpMethod.Patch, url, json: """{"title": "x"}"""))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await writer.SendAsync(Patch(url, """{"name": null}"""))).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await writer.SendAsync(Patch(url, """{"kind": "robot"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await writer.SendAsync(Patch(url, """{"title": """))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await writer.SendAsync(Patch("/v1/speakers/no-such-speaker", """{"title": "x"}"""))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.SendAsync(Patch(url, """{"title": "y"}""", "\"stale\""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(etag, await ETagOfAsync(url));
    }

    [Theory]
    [InlineData("PUT", "*")]
    [InlineData("PUT", "current")]
    [InlineData("PATCH", "current")]
    [InlineData("DELETE", "*")]
    public async Task AWriteWhoseIfNoneMatchNamesTheResourceIsRefused(string method, string ifNoneMatch)
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Written only if new");
        var url = $"/v1/speakers/{speaker.Slug}";
        var etag = await ETagOfAsync(url);
        var request = method == "PATCH"
            ? Patch(url, """{"title": "Overwritten"}""")
            : Request(new HttpMethod(method), url, json: method == "PUT" ? """{"name": "Written only if new", "title": "Overwritten"}""" : null);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch == "*" ? "*" : etag);

        await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(etag, await ETagOfAsync(url));
    }

    [Fact]
    public async Task AWeakIfNoneMatchOfTheCurrentETagIsNotModified()
    {
        var url = $"/v1/speakers/{Seeded.Stoltenberg}";
        var etag = await ETagOfAsync(url);

        var response = await api.Reader().SendAsync(Request(HttpMethod.Get, url, $"W/{etag}"));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task ADeleteWithAStaleIfMatchIsRefused()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Deleted carefully");
        var url = $"/v1/claims/{claim.Slug}";
        var etag = await ETagOfAsync(url);
        await writer.SendAsync(Patch(url, """{"text": "Changed meanwhile"}"""));

        await (await writer.SendAsync(Request(HttpMethod.Delete, url, etag))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await ETagOfAsync(url);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.SendAsync(Request(HttpMethod.Delete, url, current))).StatusCode);
    }
}
