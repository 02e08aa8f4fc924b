using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace Claims.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    const string Scheme = "bearer";

    /// <summary>OpenAPI 3 with the API key scheme declared, and every write marked as needing it.</summary>
    public static IServiceCollection AddClaimsOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Claims",
                Version = "v1",
                Description = "A knowledge base of who said what: speakers, their quotes with provenance, the claims those quotes make, " +
                              "who asserts or disputes them, and how claims counter or support one another. Reads are open; writes need an API key.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key from the ApiKeys configuration.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.HttpMethod is "GET" or "HEAD") return Task.CompletedTask;
            if (context.Description.HttpMethod is "POST" or "PUT" && BodyLimit(context.Description) is { } limit)
                (operation.Responses ??= new OpenApiResponses())["413"] = new OpenApiResponse { Description = $"The body is over {limit / 1024 / 1024} MB." };
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<WritesNothingMetadata>().Any()) return Task.CompletedTask;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["401"] = new OpenApiResponse { Description = "The API key is missing or wrong." };
            operation.Responses["503"] = new OpenApiResponse { Description = "Concurrent writes got in the way and nothing was written; retry after Retry-After seconds." };
            return Task.CompletedTask;
        });
    });

    // The import streams its body and declares no limit (see BodySizeLimitMiddleware).
    static long? BodyLimit(ApiDescription description) =>
        BodySizeLimitMiddleware.LimitOf(description.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault());
}
