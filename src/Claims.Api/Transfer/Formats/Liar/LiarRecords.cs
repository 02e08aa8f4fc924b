using System.Globalization;
using System.Text.Json.Nodes;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer.Formats.Liar;

/// <summary>
/// The NDJSON records a LIAR speaker or statement becomes, with ids stable by LIAR's own keys. What LIAR leaves empty is
/// left out, so that a stored speaker or claim keeps its own; so is a speaker's kind unless the party says organization,
/// since LIAR does not tell people from governments.
/// </summary>
static class LiarRecords
{
    const string Publisher = "PolitiFact";
    const string PublisherSite = "politifact.com";

    public static ImportRecord Speaker(LiarSpeaker speaker) => ImportRecord.Known("speaker", new JsonObject
    {
        ["id"] = speaker.Id.ToString(),
        ["slug"] = speaker.Slug,
        ["name"] = speaker.Name,
        ["kind"] = speaker.Party == "organization" ? "organization" : null,
        ["title"] = speaker.Title,
        ["party"] = speaker.Party,
        ["state"] = speaker.State,
    }, speaker.Origin);

    /// <summary>
    /// The slug ends in the statement's number, which makes it unique by itself: LIAR repeats some statements word for
    /// word under other numbers, and a slug must not depend on which other statements an import holds.
    /// </summary>
    public static ImportRecord Claim(LiarRow row)
    {
        var suffix = "-" + row.Number.ToString(CultureInfo.InvariantCulture);
        return ImportRecord.Known("claim", new JsonObject
        {
            ["id"] = IdOf("claim", row).ToString(),
            ["slug"] = Slugs.Slugify(row.Statement, Slugs.MaxLength - suffix.Length) + suffix,
            ["text"] = row.Statement,
            ["topics"] = row.Subjects.Length == 0 ? null : new JsonArray([.. row.Subjects.Select(s => JsonValue.Create(s))]),
        }, row.Origin);
    }

    public static ImportRecord Stance(LiarRow row) => ImportRecord.Known("stance", new JsonObject
    {
        ["id"] = IdOf("stance", row).ToString(),
        ["claimId"] = IdOf("claim", row).ToString(),
        ["speakerId"] = LiarSpeaker.IdOf(row.Speaker).ToString(),
        ["position"] = "asserts",
        ["context"] = row.Context,
    }, row.Origin);

    /// <summary>
    /// LIAR was collected through PolitiFact's API (v2), which is the only address its numbers give: the articles' own
    /// URLs carry a date and a slug LIAR does not have.
    /// </summary>
    public static ImportRecord Review(LiarRow row) => new("review", new JsonObject
    {
        ["id"] = IdOf("review", row).ToString(),
        ["claimId"] = IdOf("claim", row).ToString(),
        ["publisherName"] = Publisher,
        ["publisherSite"] = PublisherSite,
        ["url"] = $"https://www.politifact.com/api/v/2/statement/{row.Number}/?format=json",
        ["language"] = "en",
        ["ratingText"] = row.Label,
        ["rating"] = RatingScale.FromText(row.Label).ToDb(),
    }, row.Origin);

    static Guid IdOf(string kind, LiarRow row) =>
        StableIds.For(LiarFormat.FormatName, kind, row.Number.ToString(CultureInfo.InvariantCulture));
}
