using System.Net;
using System.Text;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>
/// A property test over the whole API: every operation of its OpenAPI document gets generated odd input (see
/// <see cref="OddInput"/>) in its path, query and body, with the API key so that writes are reached too, from a fixed
/// seed, through Kestrel (which refuses some of it, such as a NUL in the path, before the API sees it). No answer may
/// be a 5xx, and every error the API writes is problem+json.
/// </summary>
public sealed class OddInputTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    const int Seed = 20_240_612;
    const int CasesPerOperation = 40;

    [Fact]
    public async Task NoOperationAnswersOddInputWithAServerError()
    {
        var writer = api.Writer();
        var document = await (await writer.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>();
        var (keys, ids) = await KnownKeysAsync(writer);
        var odd = new OddInput(new Random(Seed), document.GetProperty("components").GetProperty("schemas"), keys, ids);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            var content = operation.Value.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").EnumerateObject().First() : default;
            for (var i = 0; i < CasesPerOperation; i++)
            {
                var url = new StringBuilder(path.Name);
                var query = new List<string>();
                foreach (var parameter in parameters)
                {
                    var (name, schema) = (parameter.GetProperty("name").GetString()!, parameter.GetProperty("schema"));
                    if (parameter.GetProperty("in").GetString() == "path") url.Replace($"{{{name}}}", odd.PathValue(schema));
                    else if (i % 3 != 0) query.Add($"{name}={odd.QueryValue(schema)}");
                }
                if (query.Count > 0) url.Append('?').AppendJoin('&', query);

                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url.ToString());
                if (content.Value.ValueKind == JsonValueKind.Object)
                {
                    var mediaType = content.Name == "*/*" ? "application/json" : content.Name;
                    var text = mediaType == "application/x-ndjson" ? odd.NdjsonBody() : odd.Body(content.Value.GetProperty("schema"));
                    request.Content = new StringContent(text, Encoding.UTF8);
                    request.Content.Headers.ContentType = new(mediaType);
                }
                var sentBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                using var response = await writer.SendAsync(request);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || status >= 400 && response.Content.Headers.ContentLength != 0 && type != "application/problem+json")
                    failures.Add($"{request.Method} {url} {Shorten(sentBody)} → {status} {type}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        var answers = string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(failures.Count == 0, $"{failures.Count} answers failed ({answers}):\n{string.Join('\n', failures.Take(30))}");
        Assert.True(statuses.Values.Sum() > 2000 && statuses.Keys.Any(s => s < 300), $"Too little was sent, or nothing got through: {answers}");
    }

    /// <summary>Slugs and ids the knowledge base holds, so that generated requests also reach the rows behind them.</summary>
    static async Task<(List<string> Keys, List<Guid> Ids)> KnownKeysAsync(HttpClient client)
    {
        List<string> keys = [Seeded.Nato, Seeded.Stoltenberg, Seeded.ViolationClaim, Seeded.ComplianceClaim];
        var ids = new List<Guid>();
        foreach (var list in new[] { "/v1/speakers", "/v1/sources", "/v1/quotes", "/v1/claims", "/v1/entities" })
        foreach (var item in (await (await client.GetAsync($"{list}?limit=5")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray())
        {
            ids.Add(item.GetProperty("id").GetGuid());
            if (item.TryGetProperty("slug", out var slug)) keys.Add(slug.GetString()!);
        }
        return (keys, ids);
    }

    static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
