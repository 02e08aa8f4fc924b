using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Infrastructure.Database;

/// <summary>The one place a violated constraint becomes an HTTP answer.</summary>
public static class DatabaseErrors
{
    /// <summary>What a constraint's violation tells the client. A <c>Field</c> makes it a validation error on that field;
    /// a null <c>Detail</c> passes on the database's own message (written for clients in the migrations' triggers).</summary>
    sealed record Rule(int Status, string? Detail, string? Field = null);

    static readonly Dictionary<string, Rule> OnWrite = new()
    {
        ["speaker_slug_key"] = new(409, "Another speaker already has this slug."),
        ["claim_slug_key"] = new(409, "Another claim already has this slug."),
        ["entity_slug_key"] = new(409, "Another entity already has this slug."),
        ["source_url_key"] = new(409, "Another source already has this URL."),
        ["quote_speaker_id_fkey"] = new(404, "The speaker does not exist."),
        ["quote_source_id_fkey"] = new(404, "The source does not exist."),
        ["quote_span_inside_source"] = new(400, null, "span"),
        ["quote_span_matches_text"] = new(400, null, "span"),
        ["source_body_keeps_quote_spans"] = new(409, null),
        ["stance_speaker_id_fkey"] = new(404, "The speaker does not exist."),
        ["stance_claim_id_fkey"] = new(404, "The claim does not exist."),
        ["stance_quote_fkey"] = new(404, "The evidence quote does not exist."),
        ["stance_quote_same_speaker"] = new(400, null, "quoteId"),
        ["stance_claim_speaker_key"] = new(409, "This speaker already holds a stance on this claim; remove it first to change it."),
        ["claim_link_pkey"] = new(409, "These claims are already linked this way."),
        ["claim_link_counters_pair_idx"] = new(409, "These claims already counter each other."),
        ["claim_link_not_self"] = new(400, "A claim cannot be linked to itself.", "claimId"),
        ["claim_link_from_claim_id_fkey"] = new(404, "The claim does not exist."),
        ["claim_link_to_claim_id_fkey"] = new(404, "The linked claim does not exist."),
        ["quote_entity_quote_id_fkey"] = new(404, "The quote does not exist."),
        ["claim_entity_claim_id_fkey"] = new(404, "The claim does not exist."),
        ["review_claim_id_fkey"] = new(404, "The claim does not exist."),
        ["review_claim_url_key"] = new(409,
            "The claim already has a review at this URL (URLs are compared without 'www.', trailing slashes or case in the scheme and host)."),
        ["review_url_http"] = new(400, "'url' must be an absolute http or https URL.", "url"),
        ["review_publisher_site_domain"] = new(400, "'publisherSite' must be a domain such as misbar.com.", "publisherSite"),
        ["review_rating_scale"] = new(400, "'rating' is not one of the allowed values.", "rating"),
        ["review_text_length"] = new(400, $"'text' must be at most {Reviews.ReviewRequest.MaxTextLength:N0} characters long, and not empty.", "text"),
        ["claim_slug_not_reserved"] = new(400, $"'slug' must not be '{Slugs.ReservedClaimSlug}': {Slugs.ReservedClaimSlugReason}.", "slug"),
    };

    static readonly Dictionary<string, Rule> OnDelete = new()
    {
        ["quote_speaker_id_fkey"] = new(409, "The speaker still has quotes; delete or reassign them first."),
        ["quote_source_id_fkey"] = new(409, "The source still has quotes; delete them first."),
        ["stance_speaker_id_fkey"] = new(409, "The speaker still holds stances on claims; remove them first."),
        ["stance_quote_fkey"] = new(409, "The quote is the evidence of a stance; a quote's speaker cannot change under its stance."),
    };

    /// <summary>How long a client is asked to wait before retrying a write that met concurrent ones.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>
    /// Whether the statement failed only for what ran beside it (a deadlock, a serialization failure, a lock wait that
    /// timed out): its transaction is undone, and the same request may well succeed when tried again.
    /// </summary>
    public static bool IsTransient(PostgresException e) => e.SqlState is PostgresErrorCodes.DeadlockDetected
        or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable;

    /// <summary>
    /// A statement that outwaited the command timeout, most likely queued behind a long import's locks (restore mode's
    /// hold off readers too), or a request that outwaited the pool's timeout for a connection: nothing was written, and the
    /// same request may well succeed later.
    /// </summary>
    public static ProblemDetails TimedOut() =>
        Problem(503, "The database did not answer in time, most likely held up by a long import or by every connection being in use; " +
                     "nothing was written. Try again shortly.");

    /// <summary>
    /// Whether the request failed to reach the database, or the database could not take it: the connection was refused
    /// or reset, the server is starting up or shutting down (57P01, 57P02, 57P03), has no connection free (53300), or the
    /// connection failed otherwise (class 08). Nothing it asked for was done; once the server is back it may well succeed.
    /// A timeout is not among these: the server was reached, and is busy (<see cref="TimedOut"/>).
    /// </summary>
    public static bool IsUnreachable(NpgsqlException e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        { InnerException: TimeoutException } => false,
        _ => e.IsTransient,
    };

    /// <summary>What a request that could not reach the database is told.</summary>
    public static ProblemDetails Unreachable(NpgsqlException e) => e is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections }
        ? Problem(503, "The database has no connection free for this request; nothing was written. Try again shortly.")
        : Problem(503, "The database cannot be reached right now (it may be restarting); nothing was written. Try again shortly.");

    public static ProblemDetails? ToProblem(PostgresException e)
    {
        if (IsTransient(e))
            return Problem(503, "The write met concurrent writes and was undone; nothing was written. Try again shortly.");
        if (IsUnreachable(e)) return Unreachable(e);
        if (e.SqlState == PostgresErrorCodes.QueryCanceled) return TimedOut();
        // An index entry over 2,704 bytes or a search vector over 1 MB: the error names the index as its constraint, but it
        // is no conflict with another row.
        if (e.SqlState == PostgresErrorCodes.ProgramLimitExceeded)
            return Problem(400, $"A value is too long for the database to index: {e.MessageText}");

        var isDelete = e.MessageText.StartsWith("update or delete", StringComparison.Ordinal);
        if (e.ConstraintName is { } name && (isDelete ? OnDelete : OnWrite).TryGetValue(name, out var rule))
            return ToProblem(rule, e);

        return e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => Problem(409, "A resource with these values already exists."),
            PostgresErrorCodes.ForeignKeyViolation when isDelete => Problem(409, "Other records still refer to this resource."),
            PostgresErrorCodes.ForeignKeyViolation => Problem(404, "A referenced resource does not exist."),
            PostgresErrorCodes.CheckViolation => Problem(400, $"A value breaks the rule '{e.ConstraintName}'."),
            PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
                or PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.UntranslatableCharacter
                or PostgresErrorCodes.CharacterNotInRepertoire => Problem(400, e.MessageText),
            _ => null,
        };
    }

    static ProblemDetails ToProblem(Rule rule, PostgresException e)
    {
        var detail = rule.Detail ?? e.MessageText;
        if (rule.Field is null) return Problem(rule.Status, detail);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [rule.Field] = [detail] })
        {
            Status = rule.Status,
            Title = "The request is not valid",
            Detail = detail,
        };
    }

    static ProblemDetails Problem(int status, string detail) => new()
    {
        Status = status,
        Title = status switch { 404 => "Not found", 409 => "Conflict", 503 => "Busy", _ => "Bad request" },
        Detail = detail,
    };
}
