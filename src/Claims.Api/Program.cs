using Claims.Api;
using Claims.Api.Changes;
using Claims.Api.Claims;
using Claims.Api.Entities;
using Claims.Api.Drafts;
using Claims.Api.Infrastructure.Http;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Infrastructure.OpenApi;
using Claims.Api.Matching;
using Claims.Api.Quotes;
using Claims.Api.Reviews;
using Claims.Api.Search;
using Claims.Api.Sources;
using Claims.Api.Speakers;
using Claims.Api.Transfer;

var command = CommandLine.Command(args);
var builder = WebApplication.CreateBuilder(args);
// A command's standard output is its result, an export or a report: everything logged goes to standard error.
if (command is not null) builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
try
{
    await builder.AddClaimsDatabaseAsync(logToStandardError: command is not null);
}
catch (EmbeddedPostgresException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Services.ConfigureHttpJsonOptions(o => AppJsonContext.Configure(o.SerializerOptions));
// Binding failures (malformed JSON, wrong types, bad query values) reach ProblemExceptionHandler, which names the field.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddValidators();
builder.Services.AddClaimsOpenApi();
builder.Services.AddSingleton<DatabaseOutage>();
builder.Services.AddSingleton<TransferLimits>();
builder.Services.AddSingleton<ChangeNotifications>();
builder.Services.AddHostedService(services => services.GetRequiredService<ChangeNotifications>());
builder.AddHealth();
builder.Services.AddClaimMatching(builder.Configuration);

var app = builder.Build();

if (command is not null)
    return await CommandLine.RunAsync(app, command);

try
{
    await app.PrepareDatabaseAsync();
}
catch (MigrationChecksumException e)
{
    app.Logger.LogCritical("{Message}", e.Message);
    if (app.Services.GetService<EmbeddedPostgres>() is { } server) await server.DisposeAsync();
    return 1;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<ApiKeyMiddleware>();
app.UseMiddleware<TransferLimitsMiddleware>();
app.UseMiddleware<BodySizeLimitMiddleware>();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "docs";
    o.SwaggerEndpoint("/openapi/v1.json", "Claims v1");
    o.DocumentTitle = "Claims API";
});
app.MapHealthEndpoints();
app.MapSpeakers();
app.MapSources();
app.MapQuotes();
app.MapClaims();
app.MapReviews();
app.MapEntities();
app.MapSearch();
app.MapChanges();
app.MapTransfer();
app.MapExtractions();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("Claims API at {Url}/v1 — docs at {Url}/docs", url, url);
});

await app.RunAsync();
return 0;

public partial class Program;
