namespace Claims.Api.Transfer;

/// <summary>
/// A field absent from a record keeps the stored row's value, and a field present, even as null, sets it: the rule of
/// JSON Merge Patch. A new row has the parser's defaults where fields are absent; a matched one takes the stored values
/// here, set-based, right after matching, so that the checks and the merge see each record as it would be stored and a
/// record whose present fields equal its row is unchanged. Timestamps keep their own rule (see <see cref="ImportMerge"/>).
/// </summary>
static class ImportAbsentFields
{
    // Only records that left a field out are joined with their rows; the staging tables' statistics show the planner how
    // few, so a file of whole records, such as an export, costs one scan of each staging table.
    public static string Sql { get; } = string.Join('\n',
    [
        .. RecordTypes.InOrder.Where(type => type.Fields[0].Column == "id" && type.Fields.Any(f => f.KeepsStored)).Select(ById),
        ByMention("quote"), ByMention("claim"),
    ]);

    static string ById(RecordType type) => $"""
        UPDATE {type.Staging} f SET {Keep(type)}
        FROM {type.Table} t
        WHERE f.absent <> 0 AND t.id = f.id;
        """;

    static string ByMention(string target) => $"""
        UPDATE import_mention f SET {Keep(RecordTypes.Mention)}
        FROM {target}_entity t
        WHERE f.absent <> 0 AND t.{target}_id = f.{target}_id AND t.entity_id = f.entity_id;
        """;

    static string Keep(RecordType type) => string.Join(", ", type.Fields
        .Select((field, i) => (field, Bit: 1 << i))
        .Where(f => f.field.KeepsStored)
        .SelectMany(f => f.field.Columns.Select(c => $"{c} = CASE WHEN f.absent & {f.Bit} = 0 THEN f.{c} ELSE t.{c} END")));
}
