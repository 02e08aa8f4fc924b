namespace Claims.Api.Extraction;

/// <summary>What a reporting verb allows: a bare reported clause ("said the plan failed"), an object ("told reporters").</summary>
[Flags]
internal enum CueTraits
{
    None = 0,
    /// <summary>Introduces reported speech without "that": "He said the plan failed."</summary>
    BareClause = 1,
    /// <summary>Introduces reported speech with "that": "He warned that the plan would fail."</summary>
    ThatClause = 2,
    /// <summary>Takes the hearer as its object: "told reporters", "told the BBC".</summary>
    Object = 4,
    /// <summary>A present participle that continues the sentence's subject: ", adding that …".</summary>
    Participle = 8,
}

/// <summary>The lexicon of reporting verbs, in every form a news report writes them.</summary>
internal static class ReportingCues
{
    private static readonly WordMap<CueTraits> Verbs = new(Entries());

    public static bool TryGet(ReadOnlySpan<char> word, out CueTraits traits) => Verbs.TryGet(word, out traits);

    public static bool IsCue(ReadOnlySpan<char> word) => Verbs.TryGet(word, out _);

    private static IEnumerable<KeyValuePair<string, CueTraits>> Entries()
    {
        const CueTraits both = CueTraits.BareClause | CueTraits.ThatClause;
        (string Forms, CueTraits Traits)[] groups =
        [
            ("said says say", both),
            ("told tells tell", both | CueTraits.Object),
            ("added adds wrote writes tweeted tweets posted insisted insists argued argues claimed claims warned warns "
             + "stressed stresses noted notes stated states explained explains acknowledged acknowledges "
             + "asserted asserts maintained maintains contended contends predicted predicts reiterated reiterates "
             + "emphasized emphasizes emphasised emphasises", both),
            ("confirmed confirms denied denies announced announces admitted admits conceded concedes suggested suggests "
             + "revealed reveals disclosed discloses alleged alleges underlined underlines underscored underscores "
             + "declared declares cautioned cautions recalled recalls concluded concludes complained complains promised promises vowed vows "
             + "pledged pledges agreed agrees countered counters responded responds replied replies observed observes "
             + "remarked remarks commented comments reported reports believes believed urged urges", CueTraits.ThatClause),
            ("asked asks continued continues exclaimed shouted joked jokes quipped quips mused wondered wonders boasted "
             + "lamented laments recounted recounts", CueTraits.None),
            // Verbs that characterise words, quoted after them: called the plan "reckless", denounced "a decision".
            ("called calls denounced denounces described describes dismissed dismisses condemned condemns criticised "
             + "criticized criticises criticizes praised praises hailed hails welcomed welcomes slammed slams branded "
             + "brands labelled labeled termed terms rejected rejects accused accuses", CueTraits.None),
            ("adding saying noting stressing warning insisting arguing claiming explaining emphasizing emphasising "
             + "underlining stating declaring acknowledging telling writing", both | CueTraits.Participle),
        ];
        foreach (var (forms, traits) in groups)
            foreach (var form in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return new(form, traits);
    }
}
