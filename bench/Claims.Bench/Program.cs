using Claims.Bench;
using Claims.Bench.Compare;
using Claims.Bench.Extraction;
using Claims.Bench.Generation;
using Claims.Bench.Load;
using Claims.Bench.Matching;

const string Usage = """
    Claims scale benchmark.

      generate [--quotes 1000000] [--database claims_<quotes>] [--seed 42]
          Builds a fresh database of that size on the bench's private PostgreSQL (bench/.data/postgres).
      up [--database claims_<quotes>] [--quotes 1000000] [--fresh no|yes]
          Starts the bench's PostgreSQL if it is not running, leaves it running and prints the database's connection string;
          --fresh yes first drops and recreates that database.
      load --url http://127.0.0.1:5199 [--database …] [--quotes …] [--paths quotes,claim,graph,search|match]
           [--requests 2000] [--warmup 200] [--concurrency 4] [--seconds-per-path 120] [--seed 42]
          Samples ids from the database, then measures the API's read paths (loopback only).
      capture-sql --url http://127.0.0.1:5196 --out DIR [--database …] [--log bench/.data/postgres/server.log] [--samples 100]
          Sends the compared paths' first requests to an API whose connections log every statement and writes each
          request's one statement, with its values, as a pgbench script in DIR/<path>/.
      compare --url http://127.0.0.1:5199 --graphql http://127.0.0.1:5198 --scripts DIR [--database …] [--rounds 3]
              [--requests 2000] [--warmup 200] [--concurrency 4]
          Claims, PostGraphile and pgbench on Claims' captured SQL, in alternating rounds: req/s, p50, p99 and ratios.
      postgraphile-schema [--database …]
          Creates the functions PostGraphile needs to answer as Claims does (quote order, variant count, search) and
          prints the database's postgres:// URL.
      feedlag --url http://127.0.0.1:5199 --key KEY [--writers 4] [--seconds 20]
          Writers create speakers while a consumer long-polls /v1/changes: the lag from acknowledgement to event.
      soak --url http://127.0.0.1:5199 --key KEY [--writers 8] [--seconds 60] [--seed 42]
          Mixed writers race over a few shared rows (quotes naming entities, entity renames and deletes, claim edits and
          deletes, links, stances): fails on any 5xx, a deadlock's 503 included, or an answer the race cannot explain.
      extraction-quality [--sets dev,seeds,test] [--articles 1-31] [--threshold 0.9[,0.95…]] [--details]
          Runs the article extractor on the gold sets of bench/extraction/ and prints its quality per set and overall;
          --articles scores only the articles whose name begins with a number in the range; --threshold gives the
          confidences to report precision and coverage at; --details lists each miss, extra quote and wrong speaker.
      extraction-speed [--articles 5000] [--seconds 10]
          The extractor alone on one thread, over a batch of about 4 KB articles recombined from the dev set.
      checkthat --url http://127.0.0.1:5197 --data DIR [--key bench-key] [--splits train,dev,test] [--speakers yes|no]
          Imports the CheckThat! 2022 Task 2B pool through the API unless it is there, waits for its embeddings, and scores
          POST /v1/claims/matches on each split (MAP@1/3/5, MRR, P@1), with its latency.
      stand-in-vectors [--database claims_<quotes>] [--quotes …]
          Gives every claim without a vector a random unit vector, as if embedded, so that matching's latency can be
          measured at the scale benchmark's sizes without embedding 300,000 synthetic claims (about an hour on a core).
      match-profile [--database claims_<quotes>] [--quotes …] [--requests 300]
          Where a match's time goes, in process: the sentence's lexemes, its embedding, the candidates by words, by
          meaning and by the hint, and the fusion, over quotes drawn as the load's match path draws them.
      checkthat-tune --data DIR [--database checkthat] [--sweeps lexical,fused,fields,pool,rrf,hint,threshold | inputs]
          Chooses the matcher's numbers on train and dev, in process, over the database checkthat imported; "inputs"
          tries other inputs for the claims' vectors (the review's title), embedding the pool twice more.
      extraction-endpoint --url http://127.0.0.1:5199 --key KEY [--requests 500] [--warmup 200] [--size 20480]
          p50/p95 of POST /v1/extractions/preview and POST /v1/extractions for 20 KB articles, one request at a time.
      extraction-import --connection CONNECTION_STRING [--articles 1000] [--size 4096] [--min-confidence C]
          The articles import of a folder of generated articles into that database: articles and quotes a second.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = Options.Parse(args[1..]);
    return args[0] switch
    {
        "generate" => await GenerateCommand.RunAsync(options),
        "up" => await UpCommand.RunAsync(options),
        "load" => await LoadCommand.RunAsync(options),
        "capture-sql" => await CaptureSqlCommand.RunAsync(options),
        "compare" => await CompareCommand.RunAsync(options),
        "postgraphile-schema" => await PostGraphileSchemaCommand.RunAsync(options),
        "feedlag" => await FeedLagCommand.RunAsync(options),
        "soak" => await SoakCommand.RunAsync(options),
        "extraction-quality" => ExtractionQualityCommand.Run(options),
        "extraction-speed" => ExtractionSpeedCommand.Run(options),
        "checkthat" => await CheckThatCommand.RunAsync(options),
        "checkthat-tune" => await CheckThatTuneCommand.RunAsync(options),
        "stand-in-vectors" => await StandInVectorsCommand.RunAsync(options),
        "match-profile" => await MatchProfileCommand.RunAsync(options),
        "extraction-endpoint" => await EndpointCommand.RunAsync(options),
        "extraction-import" => await ArticlesImportCommand.RunAsync(options),
        _ => throw new OptionsException($"Unknown command '{args[0]}'.\n\n{Usage}"),
    };
}
catch (OptionsException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (BenchFailedException e)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}
