using System.ComponentModel;
using System.IO.Pipelines;
using System.Text.Json.Nodes;
using Claims.Api.Drafts;
using Claims.Api.Transfer.Formats;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Claims.Api.Transfer;

public static class TransferApi
{
    public static RouteGroupBuilder MapTransfer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Transfer");

        group.MapGet("/export", ExportAll).WithName(nameof(ExportAll)).WithMetadata(LongRequest.Export)
            .Produces(StatusCodes.Status200OK, contentType: NdjsonExporter.ContentType).ProducesLimits()
            .WithSummary("Streams the whole knowledge base as NDJSON, one {type, data} record a line: speakers, sources, entities, " +
                         "claims, reviews, quotes, stances, claim links, mentions, each in key order.");
        // Any media type routes here: NDJSON must say it is, a field format's body is whatever that format reads.
        group.MapPost("/import", ImportAll).WithName(nameof(ImportAll))
            .Accepts<string>(NdjsonExporter.ContentType, "*/*").WithMetadata(new StreamedBody(), LongRequest.Import)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesLimits()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Parameters?.FirstOrDefault(p => p.Name == "format")?.Schema is OpenApiSchema format)
                    format.Enum = [.. FormatImporter.Names.Select(name => JsonValue.Create(name))];
                return Task.CompletedTask;
            })
            .WithSummary("Imports NDJSON like the export's, or a field format's input (format=), all or nothing. Records are matched by id, " +
                         "else by slug, URL or claim and speaker; the report counts what was created, updated and left unchanged, and " +
                         "lists what the format skipped. Refused: every error with its line, or the format's origin of the record.");

        return group;
    }

    static RouteHandlerBuilder ProducesLimits(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    static PushStreamHttpResult ExportAll(NpgsqlDataSource db, CancellationToken ct) =>
        TypedResults.Stream(output => ExportSpool.ExportAsync(db, output, ct), NdjsonExporter.ContentType);

    static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAll(
        HttpRequest request, NpgsqlDataSource db, ILoggerFactory loggers, IConfiguration configuration, CancellationToken ct,
        [Description("ndjson (the default, application/x-ndjson) or a field format's name; an unknown name is a 400 that lists them.")]
        string? format = null,
        [Description("format=articles: the confidence (0 to 1) below which extracted quotes are left out, and counted in the report.")]
        double? minConfidence = null)
    {
        if (ConfidenceRules.Problem(minConfidence) is { } problem)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minConfidence"] = [$"'minConfidence' {problem}."] });
        var options = ImportOptions.From(configuration) with { MinConfidence = minConfidence };
        var found = format is null or FormatImporter.Ndjson ? null : ImportFormats.Find(format);
        if (found is null && format is not (null or FormatImporter.Ndjson))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [FormatImporter.UnknownFormat(format)] });
        if (found is null && !IsNdjson(request.ContentType))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"An NDJSON import is sent as {NdjsonExporter.ContentType}.");

        // The whole body first, and only then a database connection: a client that sends slowly holds none.
        await using var body = await SpooledBody.ReadAsync(request.Body, ct);
        var result = found is null
            ? await NdjsonImporter.ImportAsync(db, PipeReader.Create(body.Open()), loggers, ct, options: options)
            : await FormatImporter.ImportAsync(db, found, [new ImportInput("body", body.Open)], loggers, ct, options: options);
        if (result.Report is { } report) return TypedResults.Ok(report);
        var errors = result.Errors.GroupBy(e => e.At).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.ValidationProblem(errors, result.Summary, title: "The input was not imported");
    }

    static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals(NdjsonExporter.ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>No body size limit, neither the server's nor the API's 1 MB: the import reads its body as it goes.</summary>
    sealed class StreamedBody : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
