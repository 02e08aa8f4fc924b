using System.Text.Json;
using Claims.Bench.Load;

namespace Claims.Bench.Compare;

/// <summary>
/// The three compared paths, each as Claims' GET and as the GraphQL query that asks PostGraphile for the same rows and
/// fields, from the same samples. PostGraphile's schema is its default one over the tables, plus the few functions of
/// <see cref="PostGraphileSchema"/>.
/// </summary>
static class ComparedPaths
{
    public static readonly string[] Names = ["quotes", "claim", "search"];

    const string QuotesQuery = """
        query ($slug: String!) {
          speakerBySlug(slug: $slug) {
            id slug name
            quotesBySpeakerId(first: 21, orderBy: [SAID_KEY_DESC, ID_DESC]) {
              nodes {
                id kind text saidOn place spanStart spanEnd createdAt updatedAt statementId variantCount
                sourceBySourceId { id url title publisher publishedOn }
              }
            }
          }
        }
        """;

    const string ClaimQuery = """
        query ($slug: String!) {
          claimBySlug(slug: $slug) {
            id slug text topics createdAt updatedAt
            claimEntitiesByClaimId { nodes { entityByEntityId { id slug name } } }
            stancesByClaimId(orderBy: [POSITION_ASC, ID_ASC]) {
              nodes {
                id position saidOn context createdAt
                speakerBySpeakerId { id slug name }
                quoteByQuoteIdAndSpeakerId { id kind text saidOn sourceBySourceId { id url title publisher publishedOn } }
              }
            }
            claimLinksByFromClaimId { nodes { kind claimByToClaimId { id slug text } } }
            claimLinksByToClaimId { nodes { kind claimByFromClaimId { id slug text } } }
            reviewsByClaimId(orderBy: [REVIEWED_ON_DESC, ID_DESC]) {
              nodes { id claimId publisherName publisherSite url title reviewedOn language ratingText rating createdAt updatedAt }
            }
          }
        }
        """;

    const string SearchQuery = """
        query ($terms: String!) {
          searchHits(terms: $terms, take: 21) { nodes { kind id score slug title snippet } }
        }
        """;

    /// <summary>Claims' requests for a path: the same as <c>load</c> sends.</summary>
    public static ReadPath Claims(string name, Samples samples, int count, int seed) =>
        ReadPaths.Build(name, samples, count, new Random(seed));

    /// <summary>PostGraphile's requests for the same samples, in the same order.</summary>
    public static ReadPath PostGraphile(ReadPath claims)
    {
        var bodies = claims.Urls.Select(url => Body(claims.Name, url)).ToList();
        return new ReadPath(claims.Name, $"POST /graphql ({claims.Name})", Enumerable.Repeat("/graphql", bodies.Count).ToList(), bodies);
    }

    static string Body(string name, string url)
    {
        var (query, variables) = name switch
        {
            "quotes" => (QuotesQuery, (object)new { slug = url.Split('/')[3] }),
            "claim" => (ClaimQuery, new { slug = url.Split('/')[3] }),
            "search" => (SearchQuery, new { terms = Uri.UnescapeDataString(url.Split("q=")[1].Split('&')[0]) }),
            _ => throw new OptionsException($"Unknown path '{name}'; the compared paths are {string.Join(", ", Names)}."),
        };
        return JsonSerializer.Serialize(new { query, variables });
    }
}
