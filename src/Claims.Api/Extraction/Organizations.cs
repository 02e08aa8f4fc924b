using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>What makes a name an organisation or a government, and the countries and their adjectives.</summary>
internal static class Organizations
{
    /// <summary>Words that make a name a government body: "Russian Ministry of Defence", "State Department".</summary>
    private static readonly WordSet GovernmentHeads = new("""
        ministry ministries department government cabinet administration embassy presidency kremlin pentagon
        chancellery chancellor's élysée elysee quai foreign-ministry
        """);

    /// <summary>Words that make a name an organisation: "European Commission", "Labour Party".</summary>
    private static readonly WordSet OrganizationHeads = new("""
        office agency council commission committee union organization organisation party bank fund court parliament
        alliance association institute institution foundation university college company corporation corp inc ltd plc
        llc group forces army navy police service authority board bureau senate congress assembly federation league
        club network news press times post herald journal tribune agency guard command secretariat coalition movement
        front tribunal centre center centres centers society trust airlines airways motors industries holdings partners reserve
        airport zoo hospital hospice museum stadium station school united fc rovers wanderers athletic albion hotspur
        """);

    /// <summary>Organisations that go by one word: acronyms and agencies.</summary>
    private static readonly WordSet KnownOrganizations = new("""
        NATO UN EU IAEA WHO IMF OPEC OSCE ASEAN AU G7 G20 WTO UNICEF UNESCO UNHCR ICC ICJ OECD Reuters AFP AP TASS
        Sputnik Xinhua Interfax RIA BBC CNN Bloomberg Hamas Hezbollah Taliban Gazprom Rosneft Google Apple Microsoft
        Amazon Meta Facebook Twitter Tesla Boeing Airbus Europol Interpol FBI CIA NSA FSB SVR GRU MI5 MI6 NASA Frontex
        UNRWA Fed ECB Bundesbank Bundestag Duma Knesset Politico Axios Yonhap Kyodo Anadolu Ukrinform Euronews
        """);

    /// <summary>Bodies of government that go by a name without a head word.</summary>
    private static readonly WordSet KnownGovernments = new("Kremlin Pentagon Élysée Elysee Whitehall Quirinale Bundesregierung");

    private static readonly WordSet Countries = new("""
        Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium
        Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia
        Denmark Ecuador Egypt Estonia Ethiopia Finland France Georgia Germany Ghana Greece Hungary Iceland India
        Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Latvia Lebanon
        Libya Lithuania Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Myanmar Nepal
        Netherlands Nigeria Norway Oman Pakistan Palestine Panama Peru Philippines Poland Portugal Qatar Romania Russia
        Rwanda Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan
        Tajikistan Tanzania Thailand Tunisia Turkey Türkiye Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela
        Vietnam Yemen Zambia Zimbabwe US U.S. USA U.S.A. UK U.K. Britain America Washington Moscow Beijing Kyiv Kiev
        London Paris Berlin Tokyo Tehran Ankara Seoul Pyongyang Delhi Islamabad Damascus Baghdad Cairo Riyadh Warsaw
        Madrid Rome Ottawa Canberra Caracas Havana Minsk Tbilisi Yerevan Baku Taipei
        """);

    private static readonly WordSet Nationalities = new("""
        American British Russian Chinese French German Italian Spanish Ukrainian Polish Japanese Korean Indian Iranian
        Israeli Palestinian Turkish Syrian Iraqi Afghan Pakistani Saudi Egyptian Canadian Australian Mexican Brazilian
        Dutch Belgian Swedish Norwegian Danish Finnish Estonian Latvian Lithuanian Hungarian Czech Slovak Romanian
        Bulgarian Serbian Croatian Greek Irish Scottish Welsh Swiss Austrian Portuguese Belarusian Georgian Armenian
        Azerbaijani Kazakh Qatari Emirati Lebanese Jordanian Libyan Nigerian Kenyan Ethiopian Venezuelan Cuban Nordic
        Baltic Scandinavian Balkan Latin Middle Eastern Northern Southern Central Democratic Republican Conservative
        Colombian Argentine Chilean Peruvian Vietnamese Thai Indonesian Malaysian Filipino Taiwanese European Western
        US U.S. UK U.K. EU UN NATO Allied Soviet Kremlin Arab African Asian Iranian Yemeni Sudanese Moldovan Albanian
        """);

    /// <summary>Lowercase nouns that refer back to an organisation: "the ministry said", "the alliance".</summary>
    private static readonly WordSet ReferringNouns = new("""
        ministry department government cabinet administration embassy presidency agency alliance bloc company
        commission council committee office party organisation organization union court army military police firm
        group bank fund parliament authority authorities board institute federation service navy campaign
        coalition movement regulator watchdog broadcaster newspaper agency secretariat junta university zoo airport
        chamber school hospital club museum prefecture ministry manufacturer maker producer retailer operator carrier
        supplier developer lender insurer distributor owner startup start-up charity chain brand utility airline
        """);

    private static readonly HashSet<string> MultiWordCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        "United States", "United Kingdom", "South Korea", "North Korea", "Saudi Arabia", "New Zealand", "South Africa",
        "United Arab Emirates", "Czech Republic", "Sri Lanka", "Costa Rica", "El Salvador", "Ivory Coast", "South Sudan",
        "United States of America", "Great Britain", "Downing Street", "White House", "State Department",
    };

    public static bool IsMultiWordCountry(string name) => MultiWordCountries.Contains(name);

    public static bool IsGovernmentHead(ReadOnlySpan<char> word) => GovernmentHeads.Contains(word);
    public static bool IsOrganizationHead(ReadOnlySpan<char> word) => OrganizationHeads.Contains(word);
    public static bool IsKnownOrganization(ReadOnlySpan<char> word) => KnownOrganizations.Contains(word);
    public static bool IsKnownGovernment(ReadOnlySpan<char> word) => KnownGovernments.Contains(word);
    public static bool IsCountry(ReadOnlySpan<char> word) => Countries.Contains(word);
    public static bool IsNationality(ReadOnlySpan<char> word) => Nationalities.Contains(word);
    public static bool IsReferringNoun(ReadOnlySpan<char> word) => ReferringNouns.Contains(word) || OrganizationHeads.Contains(word) || GovernmentHeads.Contains(word);

    /// <summary>Government for countries, ministries and the like; organisation for other named bodies.</summary>
    public static SpeakerKind KindOfReferringNoun(ReadOnlySpan<char> noun) =>
        GovernmentHeads.Contains(noun) ? SpeakerKind.Government : SpeakerKind.Organization;
}
