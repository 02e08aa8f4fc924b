using Microsoft.AspNetCore.Http.Metadata;

namespace Claims.Api.Transfer;

public static class TransferApi
{
    public static RouteGroupBuilder MapTransfer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Transfer");

        group.MapGet("/export", ExportAll).WithName(nameof(ExportAll))
            .Produces(StatusCodes.Status200OK, contentType: NdjsonExporter.ContentType)
            .WithSummary("Streams the whole knowledge base as NDJSON, one {type, data} record a line: speakers, sources, entities, " +
                         "claims, quotes, stances, claim links, mentions, each in key order.");
        group.MapPost("/import", ImportAll).WithName(nameof(ImportAll))
            .Accepts<string>(NdjsonExporter.ContentType).WithMetadata(new StreamedBody())
            .WithSummary("Imports NDJSON like the export's, all or nothing. Records are matched by id, else by slug, URL or claim and " +
                         "speaker; the report counts what was created, updated and left unchanged. Refused: every error with its line.");

        return group;
    }

    static PushStreamHttpResult ExportAll(NpgsqlDataSource db, CancellationToken ct) =>
        TypedResults.Stream(output => NdjsonExporter.ExportAsync(db, output, ct), NdjsonExporter.ContentType);

    static async Task<Results<Ok<ImportReport>, ValidationProblem>> ImportAll(HttpRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        var result = await NdjsonImporter.ImportAsync(db, request.BodyReader, ct);
        if (result.Report is { } report) return TypedResults.Ok(report);
        var errors = result.Errors.GroupBy(e => e.Line).ToDictionary(g => $"line {g.Key}", g => g.Select(e => e.Message).ToArray());
        return TypedResults.ValidationProblem(errors, result.Summary, title: "The file was not imported");
    }

    /// <summary>No body size limit, neither the server's nor the API's 1 MB: the import reads its body a line at a time.</summary>
    sealed class StreamedBody : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
