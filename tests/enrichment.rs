//! Facet extraction on real text: the seed release (golden), the labelled `corpus/`, and
//! ReliefWeb's language labels. Scores are printed; floors fail the test when they drop.

mod common;

use pressroom_enrich::eval::{self, EvalRow, GoldRecord};
use pressroom_enrich::Enricher;
use pressroom_ingest::Record;

#[test]
fn seed_release_golden() {
    let shared = shared_or_skip!();
    let records = common::read_records(&[shared.join("corpus/seed")]);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.id, "seed:000_da6cd36295dcc9e9");
    assert_eq!(
        record.title,
        "Central American Women Unite to Fight Trafficking of Women"
    );
    for navigation in [
        "Who we are",
        "WHO WE ARE",
        "Our Work",
        "Take Action",
        "Get involved",
        "2030 Agenda",
        "Partnerships",
    ] {
        assert!(
            !record.body.contains(navigation),
            "navigation `{navigation}` reached the body"
        );
    }
    assert!(record.body.starts_with("Central American ministers took a giant step"));
    assert!(
        record
            .body
            .ends_with("priority item in their regional political agenda."),
        "{}",
        record.body
    );
    let contact = record.contact.as_deref().expect("contact block");
    assert!(contact.starts_with("For further information, please contact:"));
    assert!(contact.contains("Agueda Marin") && contact.contains("amarin@iom.int") && !contact.contains("mailto"));

    let enrichment = Enricher::new().expect("tables load").enrich(record);
    assert_eq!(enrichment.lang, "en");
    assert_eq!(enrichment.main_countries, ["CRI"]);
    assert_eq!(
        enrichment.regions,
        ["/Americas/Latin America and the Caribbean/Central America/Costa Rica"]
    );
    for mentioned in ["CRI", "PHL", "ESP", "JPN", "CAN", "USA"] {
        assert!(
            enrichment.mentioned_countries.iter().any(|c| c == mentioned),
            "{mentioned} not in {:?}",
            enrichment.mentioned_countries
        );
    }
    for organization in ["IOM", "COMMCA", "UNODC"] {
        assert!(
            enrichment.organizations.iter().any(|o| o == organization),
            "{organization} not in {:?}",
            enrichment.organizations
        );
    }
    assert!(
        enrichment
            .topics
            .iter()
            .any(|t| t.starts_with("/Migration/Human trafficking")),
        "topics {:?}",
        enrichment.topics
    );
    assert_eq!(
        enrichment.date, None,
        "a year in the body (\"A 2006 report\") is not the release date"
    );
}

/// The labelled sample releases of `corpus/`, scored like any gold file (`pressroom eval`).
#[test]
fn corpus_labels_are_recovered() {
    #[derive(serde::Deserialize)]
    struct Label {
        file: String,
        #[serde(flatten)]
        gold: serde_json::Value,
    }
    let root = common::repo_root();
    let gold: Vec<GoldRecord> = std::fs::read_to_string(root.join("tests/data/corpus-labels.jsonl"))
        .expect("labels")
        .lines()
        .map(|line| {
            let label: Label = serde_json::from_str(line).expect("label line");
            let stem = label
                .file
                .rsplit_once('.')
                .map_or(label.file.as_str(), |(stem, _)| stem);
            let mut gold = label.gold;
            gold["id"] = format!("corpus:{stem}").into();
            // The labels give no publication date; they are not scored on it.
            serde_json::from_value(gold).expect("gold fields")
        })
        .collect();
    let records = common::read_records(&[root.join("corpus")]);
    let rows = eval::evaluate_gold(&Enricher::new().expect("tables load"), "corpus", &records, &gold, None);
    let score = |facet: &str| {
        rows.iter()
            .find(|row| row.facet == facet)
            .map(EvalRow::score)
            .expect("row")
    };
    for row in &rows {
        eprintln!("{:<22} {:.3} {:?}", row.facet, row.score(), row.examples);
    }
    assert!(
        rows.iter()
            .filter(|row| row.source == "corpus")
            .all(|row| row.documents == 35),
        "every labelled release is read"
    );
    assert_eq!(score("language"), 1.0);
    assert_eq!(score("title"), 1.0);
    // Measured 2026-12-03: main 0.959, mentioned 0.994, organizations 0.955 (0.967 before
    // names were found by shape: two Peruvian state bodies these labels do not list), topics 0.776.
    for (facet, floor) in [
        ("main countries", 0.93),
        ("mentioned countries", 0.97),
        ("organizations", 0.94),
        ("topics", 0.74),
    ] {
        assert!(score(facet) >= floor, "{facet} F1 {:.3} under {floor}", score(facet));
    }
}

fn release(title: &str, body: &str) -> Record {
    Record {
        id: "trap:1".into(),
        ..common::record("trap", title, body)
    }
}

/// Newswire wraps its lines at 70 columns: a name broken by a line break is one name (`the
/// Soviet` / `Union` is the Soviet Union, not a body; `New` / `Jersey` a US state, not Jersey),
/// while a blank line still parts two paragraphs.
#[test]
fn a_name_wrapped_over_two_lines_is_one_name() {
    let enricher = Enricher::new().expect("tables load");
    let enriched = enricher.enrich(&release(
        "Sugar sales",
        "Traders declared the Soviet\nUnion as the destination, and a refinery in New\nJersey bought the rest. The\nFederal Reserve said nothing.",
    ));
    assert_eq!(enriched.mentioned_countries, ["RUS", "USA"]);
    assert!(
        !enriched.organizations.iter().any(|name| name.contains("Soviet")),
        "{:?}",
        enriched.organizations
    );
    assert_eq!(enriched.organizations, ["Federal Reserve"]);
    let parted = enricher.enrich(&release("Sugar sales", "Prices rose in South\n\nAfrica was quiet."));
    assert!(
        parted.mentioned_countries.is_empty(),
        "{:?}",
        parted.mentioned_countries
    );
}

#[test]
fn country_traps_do_not_fire() {
    let enricher = Enricher::new().expect("tables load");
    let mentioned = |title: &str, body: &str| enricher.enrich(&release(title, body)).mentioned_countries;
    assert_eq!(
        mentioned(
            "Floods in Papua New Guinea",
            "Rain hit Papua New Guinea and Equatorial Guinea."
        ),
        ["PNG", "GNQ"]
    );
    assert_eq!(
        mentioned("Nigeria votes", "Voters in Nigeria went to the polls."),
        ["NGA"]
    );
    assert_eq!(
        mentioned(
            "Budget talks",
            "Officials met in Atlanta, Georgia, about the state of Georgia."
        ),
        ["USA"]
    );
    assert!(mentioned("Interview", "Michael Jordan and Chad Smith said they would help.").is_empty());
    assert!(mentioned("Dinner", "Families ate turkey at the shelter on Thursday.").is_empty());
    // `reunión` is a meeting; the island is `Reunión`, capitalised.
    assert_eq!(
        mentioned(
            "Ganaderos de Beni evaluarán el impacto de las lluvias",
            "El sector se reunirá con las autoridades de Bolivia. En esa reunión se espera \
             conocer los datos de lluvia."
        ),
        ["BOL"]
    );
    assert_eq!(
        mentioned("Ciclón", "El ciclón llegó a la isla de la Reunión el lunes."),
        ["REU"]
    );
    // A city whose name holds another country's (`Alemana` is German, `Benin`, `Antigua`):
    // the city is no mention of that country; one named after its own country still is.
    assert_eq!(
        mentioned(
            "Incendio forestal",
            "Se declara alerta roja en Villa Alemana, en la región de Valparaíso, Chile."
        ),
        ["CHL"]
    );
    assert_eq!(
        mentioned(
            "Trafficking",
            "A girl from Benin City, Nigeria, was trafficked to Italy."
        ),
        ["NGA", "ITA"]
    );
    assert_eq!(
        mentioned("Lluvias", "Se registran lluvias en Antigua Guatemala y Ciudad Vieja."),
        ["GTM"]
    );
    assert_eq!(
        mentioned(
            "Refugees",
            "Jordan said it hosts Syrian refugees; Chad and Turkey also host many."
        ),
        ["JOR", "SYR", "TCD", "TUR"]
    );
    let enrichment = enricher.enrich(&release(
        "Aid for displaced families",
        "The Norwegian Refugee Council (NRC) sent blankets.",
    ));
    assert!(
        enrichment.mentioned_countries.is_empty(),
        "{:?}",
        enrichment.mentioned_countries
    );
    assert_eq!(enrichment.organizations, ["NRC"]);
}

/// A release that names only a province, a state or an island of its country is placed in
/// it (`subdivisions.tsv`); a name two countries share (Punjab) places nothing.
#[test]
fn a_province_or_an_island_alone_places_the_release() {
    let enricher = Enricher::new().expect("tables load");
    let main = |title: &str, body: &str| enricher.enrich(&release(title, body)).main_countries;
    assert_eq!(
        main(
            "Llega a El Hierro un cayuco con 51 personas",
            "Un cayuco llegó por sus propios medios al muelle de La Restinga, en El Hierro."
        ),
        ["ESP"]
    );
    assert_eq!(
        main(
            "Landslide in Chimborazo: rescuers search for the missing",
            "Rescue teams in the province of Chimborazo searched through the night."
        ),
        ["ECU"]
    );
    assert_eq!(
        main(
            "Inondations dans le Nord-Kivu",
            "Des milliers de familles ont fui les eaux au Nord-Kivu."
        ),
        ["COD"]
    );
    assert!(main("Floods in Punjab", "Rivers burst their banks across Punjab.").is_empty());
    // A name that is also something else's (a rail line's, Brisbane's Cross River Rail) is
    // left out of the table.
    let mentioned = |title: &str, body: &str| enricher.enrich(&release(title, body)).mentioned_countries;
    assert!(mentioned("Transport", "The Cross River Rail line will open next year.").is_empty());
}

/// "Congo" alone is the Democratic Republic where the text places that country (its capital,
/// a province, a city, `DRC`), and stays the Republic of the Congo otherwise, as it does
/// beside Brazzaville or beside Zaire (1987's name for the larger country).
#[test]
fn congo_alone_takes_the_country_the_text_places() {
    let enricher = Enricher::new().expect("tables load");
    let main = |title: &str, body: &str| enricher.enrich(&release(title, body)).main_countries;
    assert_eq!(
        main(
            "Ebola outbreak in Congo declared an emergency",
            "KINSHASA (Agency) - Health workers in Congo said on Friday that cases had spread from Goma."
        ),
        ["COD"]
    );
    assert_eq!(
        main(
            "Floods in Congo",
            "Rains flooded the outskirts of Brazzaville, Congo, on Monday."
        ),
        ["COG"]
    );
    let newswire = enricher.enrich(&release(
        "Congo coffee exports",
        "Congo raised coffee exports, while Zaire's fell.",
    ));
    assert_eq!(newswire.main_countries, ["COG"]);
    assert_eq!(newswire.mentioned_countries, ["COG", "COD"]);
    assert_eq!(main("Congo votes", "Voters in Congo went to the polls."), ["COG"]);
}

/// Issue 16: a name cut inside a country's name goes on to its end; renamed bodies and the
/// branches of armed forces are their own entries; news agencies and armed groups are named.
#[test]
fn organizations_reach_across_countries_renamings_media_and_armed_groups() {
    let enricher = Enricher::new().expect("tables load");
    let organizations = |title: &str, body: &str| enricher.enrich(&release(title, body)).organizations;
    // (The table now knows the Congo's society as `DRC Red Cross`; the Central African
    // Republic's, named so, it does not.)
    let found = organizations(
        "Épidémie à Bambari",
        "La Croix-Rouge de la République centrafricaine a envoyé des volontaires.",
    );
    assert!(
        found.contains(&"Croix-Rouge de la République centrafricaine".to_string()),
        "{found:?}"
    );
    let found = organizations(
        "Épidémie à Kikwit",
        "La Croix-Rouge de la République démocratique du Congo a envoyé des volontaires.",
    );
    assert_eq!(found, ["DRC Red Cross"]);
    // (The table now knows the Mauritanian Red Crescent; Djibouti's society it does not.)
    let found = organizations(
        "Inondations à Djibouti",
        "Le Croissant-Rouge djiboutien et les Forces armées centrafricaines ont aidé.",
    );
    assert_eq!(
        found,
        ["Croissant-Rouge djiboutien", "Forces armées centrafricaines"],
        "a lowercase demonym after a name is part of it"
    );
    assert_eq!(
        organizations(
            "Regional cooperation",
            "Staff of the Regional Support Office in Bangkok trained officers."
        ),
        ["Regional Support Office"],
        "the place a body sits in is not part of its name"
    );
    assert_eq!(
        organizations(
            "Boat intercepted",
            "The Royal Australian Navy and the Australian Customs Service intercepted the boat."
        ),
        ["Royal Australian Navy", "Australian Customs Service"]
    );
    assert_eq!(
        organizations(
            "Attack in the north",
            "Boko Haram and the FARC were named, a spokesman told Reuters. Reuter"
        ),
        ["Boko Haram", "FARC", "Reuters"]
    );
    // A news outlet cited as a source is named, but the release is not about it.
    let release_citing = enricher.enrich(&release(
        "Attack in the north",
        "Boko Haram fighters attacked the town, a spokesman told Reuters.",
    ));
    assert_eq!(release_citing.main_organizations, ["Boko Haram"]);
}

/// A Spanish-language dateline, `CITY.-` opening a line under a summary, places a release whose
/// text names no country.
#[test]
fn a_spanish_city_stop_dash_dateline_places_the_release() {
    let enricher = Enricher::new().expect("tables load");
    let enrichment = enricher.enrich(&release(
        "Nuevas lluvias amenazan con suspender labores de búsqueda",
        "Se esperan hasta 90 milímetros de precipitaciones en los próximos días.\n\nSANTIAGO.- A pocos días del aluvión que arrasó con gran parte de la villa, se pronostican nuevas precipitaciones.",
    ));
    let dateline = enrichment.dateline.expect("a dateline");
    assert_eq!(dateline.city, "SANTIAGO");
    assert_eq!(dateline.country.as_deref(), Some("CHL"));
    assert_eq!(enrichment.main_countries, ["CHL"]);
    // Capitals and a full stop with no dash after them are no dateline.
    let enrichment = enricher.enrich(&release("Aviso", "Texto breve.\n\nSANTIAGO. Una calle del centro."));
    assert!(enrichment.dateline.is_none(), "{:?}", enrichment.dateline);
}

/// Issue 16: an office of a known body is that body ("Bureau du CICR", "Oficina de la
/// UNESCO"); a long form headed by a programme is none, whatever its acronym.
#[test]
fn offices_are_their_body_and_programmes_are_no_bodies() {
    let enricher = Enricher::new().expect("tables load");
    let organizations = |title: &str, body: &str| enricher.enrich(&release(title, body)).organizations;
    assert_eq!(
        organizations("Eau à Kidal", "Le Bureau du CICR à Gao a livré des pompes."),
        ["ICRC"]
    );
    assert_eq!(
        organizations("Escuelas", "La Oficina de la UNESCO en Quito apoyó a las escuelas."),
        ["UNESCO"]
    );
    let found = organizations(
        "Grants announced",
        "The Settlement Grants Programme (SGP) funds the Refugee Council of Australia (RCOA).",
    );
    assert!(!found.contains(&"SGP".to_string()), "{found:?}");
    assert!(
        found
            .iter()
            .any(|name| name.contains("RCOA") || name.contains("Refugee Council")),
        "{found:?}"
    );
}

/// Enriches one release and checks its organizations: none of `absent`, all of `present`.
fn assert_organizations(enricher: &Enricher, (title, body): (&str, &str), absent: &[&str], present: &[&str]) {
    let found = enricher.enrich(&release(title, body)).organizations;
    for name in absent {
        assert!(!found.iter().any(|found| found == name), "{name} in {found:?}");
    }
    for name in present {
        assert!(found.iter().any(|found| found == name), "{name} not in {found:?}");
    }
}

/// A sentence's first word is cut from a name before `of` ("Shares of Mercantile Stores Co")
/// but not before a conjunction: Reuters opens 113 stories with "Standard and Poor's Corp
/// said", which gave "Poor's Corp".
#[test]
fn a_name_opening_a_sentence_keeps_its_first_word_before_and() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Debt rating cut",
            "Standard and Poor's Corp said it lowered the company's debt rating. Food and Drug \
             Administration officials approved the drug.",
        ),
        &["Poor's Corp", "Drug Administration"],
        &["Standard and Poor's Corp", "Food and Drug Administration"],
    );
    assert_organizations(
        &enricher,
        ("Stake", "Shares of Mercantile Stores Co rose after the offer."),
        &[],
        &["Mercantile Stores Co"],
    );
}

/// A website's section, a ministerial office named by nothing but its minister, and a
/// heading of releases are no organizations; the facet listed them among its top values over
/// Trove (Media Centre 268 releases, Minister's Office 173, Australian Democrats Press Releases
/// 99). A body keeps its name with them in it.
#[test]
fn site_sections_offices_and_release_headings_are_no_bodies() {
    assert_organizations(
        &Enricher::new().expect("tables load"),
        (
            "AUSTRALIAN DEMOCRATS PRESS RELEASES",
            "Home Media Centre Media Releases Subscribe\n\nAustralian Democrats Press Releases\n\nThe \
             Senator said the National Women's Media Centre would close.\n\nContact: Anne Simson, \
             Minister's Office, Canberra, and the Prime Minister's Office.",
        ),
        &[
            "Media Centre",
            "Minister's Office",
            "Australian Democrats Press Releases",
        ],
        &[
            "Australian Democrats",
            "National Women's Media Centre",
            "Prime Minister's Office",
        ],
    );
}

/// Treaties, resolutions and occasions are no bodies, though "Council", "Federation" or a
/// capitalised run make them look like one; bodies with the same words keep their names.
/// The department of the Prime Minister is one name (it was cut at "Minister").
#[test]
fn treaties_resolutions_and_occasions_are_no_bodies() {
    assert_organizations(
        &Enricher::new().expect("tables load"),
        (
            "Detention and rights",
            "Australia is bound by the International Covenant on Civil and Political Rights and by UN \
             Security Council Resolution 1325, the Department of the Prime Minister and Cabinet said at \
             the Centenary of Federation. The Council for Immigration Services and Status Resolution \
             and the Centenary Institute for Cancer Medicine met.",
        ),
        &[
            "International Covenant on Civil and Political Rights",
            "UN Security Council Resolution",
            "Centenary of Federation",
            "Department of the Prime (Australia)",
        ],
        &[
            "UNSC",
            "PM&C",
            "Council for Immigration Services and Status Resolution",
            "Centenary Institute for Cancer Medicine",
        ],
    );
}

/// A treaty's acronym is no body's, wherever the release spells it out ("the International
/// Covenant on Civil and Political Rights (ICCPR)"); the United States' State Department is
/// one body under all its names, in whatever country's release, and the "US" in its name is
/// no mention of the country (the guide's rule for a country word inside a name).
#[test]
fn a_treaty_s_acronym_is_no_body_and_the_state_department_is_the_united_states() {
    let enricher = Enricher::new().expect("tables load");
    let enriched = enricher.enrich(&release(
        "Australia and human rights",
        "Australia ratified the International Covenant on Civil and Political Rights (ICCPR) in 1980. \
         Article 2 of the ICCPR requires remedies, the Department of Foreign Affairs said. A US State \
         Department adviser and a United States Department of State official met the Minister in Canberra.",
    ));
    assert!(
        !enriched.organizations.iter().any(|name| name.contains("ICCPR")),
        "{:?}",
        enriched.organizations
    );
    let state: Vec<&String> = enriched
        .organizations
        .iter()
        .filter(|name| name.contains("State"))
        .collect();
    assert_eq!(
        state,
        ["State Department (United States)"],
        "{:?}",
        enriched.organizations
    );
    assert!(
        !enriched.mentioned_countries.contains(&"USA".to_string()),
        "{:?}",
        enriched.mentioned_countries
    );
}

/// A room is no body ("the Party Room"), a possessive opens no name ("My Department"), the
/// St Vincent de Paul Society is one name, not "Paul Society", and UNHCR is found under the
/// name releases often give it (89 Trove releases).
#[test]
fn rooms_and_possessives_are_no_bodies() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Party room meets",
            "The Coalition Party Room met today. My Department will brief the St Vincent de Paul \
             Society and the Refugee Council of Australia.",
        ),
        &[
            "Coalition Party Room",
            "Party Room",
            "My Department (Australia)",
            "Paul Society",
        ],
        &["St Vincent de Paul Society", "Refugee Council of Australia"],
    );
    let found = enricher
        .enrich(&release(
            "Resettlement",
            "The United Nations High Commission for Refugees referred them.",
        ))
        .organizations;
    assert_eq!(found, ["UNHCR"]);
}

/// What follows "Minister for" or "Secretary for" is a portfolio, not a body, across a list
/// of them ("Minister for Justice, Customs and Border Protection Michael Keenan" gave an
/// organization "Customs and Border Protection Michael Keenan (Australia)"; "Justice and
/// Customs (Australia)" stood in 154 Trove releases). A body named after a spokesman, or after
/// "the", is still one.
#[test]
fn portfolios_are_no_bodies() {
    assert_organizations(
        &Enricher::new().expect("tables load"),
        (
            "Boat arrivals",
            "Shadow Minister for Justice, Customs and Border Protection Michael Keenan said the \
             Minister for Justice and Customs had failed. The Minister for Families, Housing, \
             Community Services and Indigenous Affairs will brief the Refugee Council of Australia, \
             and a spokeswoman for the Asylum Seeker Resource Centre spoke to the Australian \
             Customs and Border Protection Service.",
        ),
        &[
            "Customs and Border Protection Michael Keenan (Australia)",
            "Justice and Customs (Australia)",
            "Community Services and Indigenous Affairs",
        ],
        &["Refugee Council of Australia", "ASRC", "ACBPS"],
    );
}

/// A name ending in a possessive is the body without it ("the Refugee Council of Australia’s
/// policy", "International Monetary Fund's"), so the table knows it again.
#[test]
fn possessives_after_a_name_are_not_part_of_it() {
    assert_organizations(
        &Enricher::new().expect("tables load"),
        (
            "Loans",
            "The International Monetary Fund's board met. Chicago Board of Trade's officials and \
             the Kenya Ports Authority’s managers agreed.",
        ),
        &[
            "International Monetary Fund's",
            "Chicago Board of Trade's",
            "Kenya Ports Authority’s",
        ],
        &["IMF", "Chicago Board of Trade", "Kenya Ports Authority"],
    );
}

/// A national news agency credited in a dateline by its acronym (`(ABI).-`) is named in its
/// own country's releases, once, whether or not the collection spelt it out elsewhere; the
/// acronym means nothing in another country's release.
#[test]
fn a_national_news_agency_is_named_by_its_acronym_in_its_country_releases() {
    let enricher = Enricher::new().expect("tables load");
    let body = "Tarija, 26 dic (ABI).- La Administradora Boliviana de Carreteras activó un plan de \
                emergencias en las rutas de Tarija, Bolivia. El plan sigue en Bolivia.";
    let found = enricher.enrich(&release("Lluvias", body)).organizations;
    assert!(
        found.contains(&"Agencia Boliviana de Información".to_string()),
        "{found:?}"
    );
    assert!(!found.contains(&"ABI".to_string()), "{found:?}");
    let elsewhere = "Lima, 26 dic (ABI).- El plan sigue en el Perú y en Lima.";
    let found = enricher.enrich(&release("Lluvias", elsewhere)).organizations;
    assert!(
        !found.contains(&"Agencia Boliviana de Información".to_string()),
        "{found:?}"
    );
}

/// Issue 16: a country's releases name its bodies short ("Labor", "the Navy", "the High
/// Court"); those names count only in that country's releases, and not inside a longer name.
#[test]
fn short_names_count_in_their_own_country_releases_only() {
    let enricher = Enricher::new().expect("tables load");
    let body = "Labor has again failed on our borders, and our Navy patrol vessels are stretched. \
                The Indonesian Navy took part. The High Court ruled on Friday.";
    let australian = Record {
        home_country: Some("AUS".into()),
        ..release("Border policy", body)
    };
    let found = enricher.enrich(&australian).organizations;
    assert_eq!(
        found,
        [
            "ALP",
            "Royal Australian Navy",
            "Indonesian Navy",
            "High Court of Australia"
        ],
        "{found:?}"
    );
    let elsewhere = enricher.enrich(&release("Border policy", body)).organizations;
    assert_eq!(elsewhere, ["Indonesian Navy", "High Court"], "{elsewhere:?}");
}

/// Reuters-21578 is English newswire, and its reader declares it so. Its earnings reports and
/// dividend notices (`Shr 45 cts vs 58 cts`, `Qtly div nine cts vs nine cts prior`) are
/// tables of figures and abbreviations, on which whatlang is sure of French: the declared
/// language must stand there (before, 18 of these 2,000 stories were read as French, German
/// or Swedish).
#[test]
fn newswire_tables_of_figures_keep_their_declared_language() {
    let shared = shared_or_skip!();
    let dir = shared.join("corpus/reuters21578");
    let records = common::read_records(&[dir.join("reut2-000.sgm"), dir.join("reut2-001.sgm")]);
    assert_eq!(records.len(), 2_000);
    let tables = records
        .iter()
        .filter(|record| {
            let digits = record.body.chars().filter(char::is_ascii_digit).count();
            let letters = record.body.chars().filter(|c| c.is_alphabetic()).count();
            digits * 4 > letters
        })
        .count();
    assert!(tables >= 100, "only {tables} tables of figures");
    let enricher = Enricher::new().expect("tables load");
    let other: Vec<(String, String)> = records
        .iter()
        .map(|record| (record.id.clone(), enricher.enrich(record).lang))
        .filter(|(_, lang)| lang != "en")
        .collect();
    assert!(other.is_empty(), "{other:?}");
}

/// A newswire's ticker symbol names no organization (`<UN.AS>` is Unilever's, not the UN's;
/// `<ADB>` is Adobe Resources'), and an acronym the text spells out means what the text says:
/// "African Development Bank (ADB)" makes every ADB of that story the African bank, not the
/// table's ADB (the Asian one). Over Reuters-21578's test stories these two gave 13 of the
/// main-organization facet's 98 false positives.
#[test]
fn tickers_are_no_bodies_and_a_spelt_out_acronym_means_what_the_text_says() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Unilever seeks buyer",
            "Unilever Plc and NV <UN.AS> has issued a prospectus. Adobe Resources Corp <ADB> said \
             its net rose.",
        ),
        &["UN", "ADB"],
        &["Unilever Plc", "Adobe Resources Corp"],
    );
    let african = enricher.enrich(&release(
        "African bank plans bond",
        "The African Development Bank (ADB) plans a domestic bond. The ADB said it would lend more.",
    ));
    assert!(
        african.organizations.iter().any(|name| name == "AfDB"),
        "{:?}",
        african.organizations
    );
    assert!(
        !african.organizations.iter().any(|name| name == "ADB"),
        "{:?}",
        african.organizations
    );
    let asian = enricher.enrich(&release(
        "Asian bank lends",
        "The ADB said it would lend more to Nepal.",
    ));
    assert_eq!(asian.organizations, ["ADB"]);
}

/// A release that names no country is placed by a large city in its title or lead: a page
/// of a Spanish newspaper about a rescue off Almería is Spain's. Not a statement datelined at
/// a UN seat (it is the organization's), not a given name before a surname (`Norman Tebbit`,
/// Norman being a city of Oklahoma), not a word of a headline in capitals (`SPLIT`, a city of
/// Croatia). Over the real-page sets this placed 28 more of 843 pages right and one wrong
/// (a Bali that the gazetteer knows only as an Indian town's other name).
#[test]
fn a_release_naming_no_country_is_placed_by_its_city() {
    let enricher = Enricher::new().expect("tables load");
    let main = |title: &str, body: &str| enricher.enrich(&release(title, body)).main_countries;
    assert_eq!(
        main(
            "Rescatan a 20 inmigrantes frente a la costa de Almería",
            "Salvamento Marítimo rescató el martes a veinte personas de una patera."
        ),
        ["ESP"]
    );
    assert_eq!(
        main(
            "Rescued migrants land after days at sea",
            "MAKASSAR – A total of 1,140 displaced villagers returned home over the last five days."
        ),
        ["IDN"]
    );
    assert!(main(
        "Agency welcomes report on displacement",
        "GENEVA – The agency welcomed a report on internal displacement published today."
    )
    .is_empty());
    assert!(main(
        "Party chairman to join board",
        "Blue Arrow said Conservative Party Chairman Norman Tebbit would join its board."
    )
    .is_empty());
    assert!(main(
        "TWO-FOR-ONE STOCK SPLIT",
        "The company declared a two-for-one stock split."
    )
    .is_empty());
}

/// A release that names no country but bodies of one is about it, as the guide's
/// Australian minister's release that never names Australia: a French Red Cross page on a
/// rescue in the Val de Saône is France's. The country's word inside the body's name counted
/// for nothing before. Not a body that acts abroad (an aid agency), and not when the text
/// names a country: a British Red Cross appeal for Pakistan is Pakistan's. Over the real-page
/// sets fresh79–97 this placed three more pages right and none wrong; over the domain corpus
/// it places 31 releases, 29 of them USDA crop reports.
#[test]
fn a_release_naming_no_country_but_its_bodies_is_about_their_country() {
    let enricher = Enricher::new().expect("tables load");
    let main = |title: &str, body: &str| enricher.enrich(&release(title, body)).main_countries;
    assert_eq!(
        main(
            "Inondations : les bénévoles mobilisés toute la nuit",
            "Les équipes de la Croix-Rouge française ont hébergé 120 personnes évacuées dans le Val de Saône."
        ),
        ["FRA"]
    );
    assert!(main(
        "Aid reaches flood victims",
        "USAID said its partners had reached 40,000 people with clean water this week."
    )
    .is_empty());
    assert_eq!(
        main(
            "Appeal for flood victims",
            "The British Red Cross launched an appeal for families hit by the floods in Pakistan."
        ),
        ["PAK"]
    );
}

/// The table knows the national bodies releases on migration name most (ICE, the Home Office,
/// OFPRA, Salvamento Marítimo, Fedasil…), each with its country: a Belgian agency's page that
/// names no country is Belgium's, and an Australian release on the US Department of Homeland
/// Security no longer files it as `Department of Homeland Security (Australia)`. A name that
/// holds its country's word is found by its shape, so the word still counts for the country.
#[test]
fn national_migration_bodies_are_known_with_their_country() {
    let enricher = Enricher::new().expect("tables load");
    let fedasil = enricher.enrich(&release(
        "Ouverture d'un nouveau centre d'accueil",
        "Fedasil ouvre ce lundi un centre de 300 places pour les demandeurs de protection internationale.",
    ));
    assert_eq!(fedasil.main_countries, ["BEL"]);
    assert_eq!(fedasil.organizations, ["Fedasil"]);
    let mut trove = release(
        "Minister meets US counterpart",
        "The Minister met the Secretary of the Department of Homeland Security in Washington to discuss border cooperation.",
    );
    trove.home_country = Some("AUS".into());
    let organizations = enricher.enrich(&trove).organizations;
    assert_eq!(organizations, ["DHS"]);
    let rescue = enricher.enrich(&release(
        "Rescatan a 40 personas al sur de Lampedusa",
        "La Guardia Costiera italiana y Salvamento Marítimo coordinaron el rescate de 40 personas.",
    ));
    assert!(
        rescue.organizations.iter().any(|name| name == "Salvamento Marítimo"),
        "{:?}",
        rescue.organizations
    );
    assert!(
        rescue.mentioned_countries.iter().any(|iso3| iso3 == "ITA"),
        "{:?}",
        rescue.mentioned_countries
    );
}

/// The table knows the international bodies, networks, NGOs, foundations and news services
/// humanitarian reports name (FEWS NET, the International Crisis Group, the Protection
/// Cluster, Reporters Without Borders…), but not by a letter sequence that means something
/// else in this news: `RSF` in Sudan is the Rapid Support Forces, `GOAL` in a transcript in
/// capitals is a word, `France 24,000` a number of refugees.
#[test]
fn international_bodies_are_known_but_not_by_words_they_share() {
    let enricher = Enricher::new().expect("tables load");
    let organizations = |title: &str, body: &str| enricher.enrich(&release(title, body)).organizations;
    let found = organizations(
        "Food insecurity deepens in the Sahel",
        "FEWS NET and the International Crisis Group warned on Monday that the Protection Cluster lacks funds, and Reporters Without Borders said two journalists were detained.",
    );
    for name in [
        "FEWS NET",
        "Crisis Group",
        "Protection Cluster",
        "Reporters Without Borders",
    ] {
        assert!(found.iter().any(|found| found == name), "{name} not in {found:?}");
    }
    let sudan = organizations(
        "Fighting in Darfur",
        "The RSF shelled the camp on Tuesday, displacing thousands of families.",
    );
    assert!(
        !sudan.iter().any(|name| name == "Reporters Without Borders"),
        "{sudan:?}"
    );
    let transcript = organizations(
        "TRANSCRIPT OF PRESS CONFERENCE",
        "WE WILL BE MAKING EVERY EFFORT TO HELP ACHIEVE THIS GOAL. Germany offered 30,000 places and France 24,000.",
    );
    assert!(
        !transcript.iter().any(|name| name == "GOAL" || name == "France 24"),
        "{transcript:?}"
    );
}

/// National disaster, migration and security bodies of the countries humanitarian reports
/// cover are known with their country: a Chilean emergency office's bulletin that names no
/// country is Chile's. A name holding its country's word is no alias but the country's local
/// name, so `Migración Colombia` still names Colombia in a story on Venezuelans.
#[test]
fn national_bodies_of_the_countries_reports_cover_are_known() {
    let enricher = Enricher::new().expect("tables load");
    let onemi = enricher.enrich(&release(
        "Alerta temprana preventiva por sistema frontal",
        "La ONEMI declaró alerta temprana preventiva para la región por el sistema frontal que afectará a la zona.",
    ));
    assert_eq!(onemi.main_countries, ["CHL"]);
    assert_eq!(onemi.organizations, ["ONEMI"]);
    let border = enricher.enrich(&release(
        "Controles en la frontera",
        "Migración Colombia informó que más de 2.000 venezolanos cruzaron la frontera el fin de semana por el puente internacional.",
    ));
    assert!(
        border.mentioned_countries.iter().any(|iso3| iso3 == "COL"),
        "{:?}",
        border.mentioned_countries
    );
    assert!(
        border.organizations.iter().any(|name| name == "Migración Colombia"),
        "{:?}",
        border.organizations
    );
}

/// Pages write the apostrophe typographically as often as straight: `Côte d’Ivoire` names
/// the country as `Côte d'Ivoire` does (it named none before, on three of the real pages).
#[test]
fn a_typographic_apostrophe_names_what_a_straight_one_does() {
    let enricher = Enricher::new().expect("tables load");
    for apostrophe in ['\'', '\u{2019}'] {
        let enrichment = enricher.enrich(&release(
            &format!("Opération en Côte d{apostrophe}Ivoire"),
            &format!("Des enfants ont été secourus en Côte d{apostrophe}Ivoire lors d{apostrophe}une opération."),
        ));
        assert_eq!(enrichment.main_countries, ["CIV"], "{apostrophe}");
    }
}

/// A "Long Name (ACR)" pair whose long form does not look like a body's to the pair rules
/// (`direction` is no word of theirs) leaves the name to be found by its shape, as it would
/// be without the acronym; and an acronym's possessive opens no name: `USAID's Office of
/// Food for Peace` is USAID and its office, while possessives inside names stay.
#[test]
fn a_pair_that_names_no_body_leaves_the_name_to_its_shape_and_an_acronym_owns_no_name() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Eau potable en Mauritanie",
            "Le CICR, en collaboration avec la Direction nationale de l’hydraulique (DRH), a réparé des puits.",
        ),
        &[],
        &["Direction nationale de l’hydraulique", "ICRC"],
    );
    assert_organizations(
        &enricher,
        (
            "Food aid",
            "USAID's Office of Food for Peace funded the response. The Lord's Resistance Army withdrew.",
        ),
        &["USAID's Office of Food for Peace", "Resistance Army"],
        &["USAID", "Office of Food for Peace", "LRA"],
    );
}

/// A table name that ends just before another body's acronym in parentheses is the tail of
/// that body's name: "… des Nations Unies (OCHA)" names OCHA, not also the UN.
#[test]
fn a_name_ending_before_another_body_s_acronym_is_part_of_that_body_s_name() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Burundi",
            "Avec le Bureau de la coordination des affaires humanitaires des Nations Unies (OCHA), Caritas a aidé les familles.",
        ),
        &["UN"],
        &["OCHA"],
    );
}

/// A country's possessive before a name says whose body it is, not how the body is named:
/// the body goes without it, with the country in brackets after a government's body or a
/// generic name ("Central Bank (Malaysia)"), as the guide writes government bodies. Reuters
/// writes this way ("Iraq's State Trade Organization for Grains and Foodstuffs", 2 stories;
/// "Japan's Finance Ministry", 3). A saint's possessive names a church; a plural possessive
/// closing a name is not part of it.
#[test]
fn a_country_s_possessive_owns_the_body_after_it() {
    let enricher = Enricher::new().expect("tables load");
    assert_organizations(
        &enricher,
        (
            "Grain tender",
            "Iraq's State Trade Organization for Grains and Foodstuffs bought wheat, traders said. \
             Japan's Finance Ministry and Malaysia's Central Bank declined to comment, and the \
             Council of Ministers' decision was delayed. Prayers were held at St Martin's Anglican \
             Church, Sydney.",
        ),
        &[
            "Iraq's State Trade Organization for Grains and Foodstuffs",
            "Japan's Finance Ministry",
            "Malaysia's Central Bank",
            "Central Bank",
            "Council of Ministers'",
            "Anglican Church",
        ],
        &[
            "State Trade Organization for Grains and Foodstuffs",
            "Ministry of Finance (Japan)",
            "Central Bank (Malaysia)",
            "Council of Ministers",
            "St Martin's Anglican Church",
        ],
    );
}

/// A Spanish or French release whose theme's cues stand in its title and lead has that theme:
/// the model reads those languages only through its lexicon and passes over such a release.
#[test]
fn a_french_release_with_its_theme_in_title_and_lead_has_the_theme() {
    let enricher = Enricher::new().expect("tables load");
    let facets = enricher.enrich(&release(
        "Journée internationale des droits de l'homme",
        "Le 10 décembre, le monde célèbre la Journée des droits de l'homme, soixante-dix ans après \
         la Déclaration universelle. Les Nations unies appellent les États à tenir leurs \
         engagements envers chaque personne, où qu'elle vive.\n\nDes manifestations auront lieu \
         dans plusieurs villes du pays, avec des débats, des expositions et des concerts ouverts \
         à tous.",
    ));
    assert_eq!(facets.lang, "fr");
    assert!(
        facets
            .topics
            .iter()
            .any(|topic| topic == "/Protection and Human Rights"),
        "{:?}",
        facets.topics
    );
}

/// A theme the model reads into a report needs more than one typical cue once in its body: an
/// agro-climatic bulletin that says once that rain may bring floods is about agriculture, not
/// disaster management; the same bulletin with the floods in its title is about both.
#[test]
fn a_theme_named_once_in_the_body_is_no_topic_until_the_title_names_it() {
    let enricher = Enricher::new().expect("tables load");
    let body = "Los técnicos del servicio agrícola regional presentan el resumen de las condiciones \
        del tiempo, el análisis de riesgo y las acciones preventivas para los cultivos de la región.\n\n\
        - Las temperaturas diurnas alcanzaron los 31 °C en los valles bajos, con riesgo para el \
        crecimiento de los cultivos de maíz y de hortalizas, que necesitan más agua.\n\n\
        - La humedad relativa media fue del 70%, con riesgo de enfermedades de hongos en los \
        cultivos que no recibieron poda.\n\n\
        - La precipitación acumulada de la quincena llegó a 380 mm en las zonas altas. Estas \
        precipitaciones pueden causar riadas e inundaciones en las partes bajas.\n\n\
        - Se prevé que las precipitaciones sigan, con riesgo de anomalías por la desigual \
        distribución de las lluvias. Se recomienda un seguimiento riguroso de las precipitaciones \
        y de los pronósticos.";
    let bulletin = enricher.enrich(&release(
        "Boletín agroclimático de la primera quincena de marzo para los valles del sur",
        body,
    ));
    assert_eq!(bulletin.lang, "es");
    assert_eq!(bulletin.topics, vec!["/Agriculture".to_string()]);
    let warning = enricher.enrich(&release(
        "Riesgo de inundaciones en los valles del sur: boletín agroclimático de marzo",
        body,
    ));
    assert!(
        warning.topics.iter().any(|topic| topic == "/Disaster Management"),
        "{:?}",
        warning.topics
    );
}

/// A release spread evenly over more countries than the guide's three main ones is an
/// overview: none of them is main, and its region is the one that holds them all. In a
/// national collection the home country, when it is among them, is the main one.
#[test]
fn a_release_spread_over_four_countries_has_their_region_not_a_main_country() {
    let enricher = Enricher::new().expect("tables load");
    let sahel = enricher.enrich(&release(
        "Sahel: millions face hunger as the lean season begins",
        "DAKAR – Food insecurity is rising across the Sahel. In Niger, Mali, Chad and Burkina \
         Faso, poor harvests, conflict and high food prices have left millions of people without \
         enough to eat, aid agencies said on Tuesday.\n\nIn Niger, 2.3 million people need food \
         assistance. In Mali, fighting in the centre has cut farmers off from their fields. In \
         Chad, refugees from Sudan share scarce food with host communities. In Burkina Faso, more \
         than a million people have fled their homes.\n\nAgencies are appealing to reach people in \
         Niger, Mali, Chad and Burkina Faso before the rains.",
    ));
    assert!(sahel.main_countries.is_empty(), "{:?}", sahel.main_countries);
    for iso3 in ["NER", "MLI", "TCD", "BFA"] {
        assert!(sahel.mentioned_countries.iter().any(|c| c == iso3), "{iso3}");
    }
    assert_eq!(sahel.regions, vec!["/Africa/Sub-Saharan Africa".to_string()]);

    let talks = Record {
        home_country: Some("AUS".into()),
        ..release(
            "Minister to attend refugee talks in the region",
            "The Minister will travel to Thailand, Malaysia, Singapore and Indonesia next week for \
             talks on Indochinese refugees. In Thailand he will visit the camps on the border; in \
             Malaysia, Singapore and Indonesia he will meet the ministers responsible for the \
             camps. Thailand, Malaysia, Singapore and Indonesia have asked for more resettlement \
             places. Australia has taken more than 50,000 refugees from the camps, and Australian \
             officials will discuss how many more Australia can accept.",
        )
    };
    let talks = enricher.enrich(&talks);
    assert_eq!(talks.main_countries, vec!["AUS".to_string()]);
}

/// `US$` is a currency: an amount in US dollars names no country (84 releases of the domain
/// corpus had the United States among their countries for their budgets alone).
#[test]
fn a_dollar_amount_names_no_country() {
    let enricher = Enricher::new().expect("tables load");
    let facets = enricher.enrich(&release(
        "MONUSCO drills two boreholes in Bunia",
        "BUNIA – The UN mission in the Democratic Republic of the Congo has begun drilling two \
         boreholes that will bring drinking water to 20,000 people in Bunia, Ituri. The works \
         cost US$ 250,000 and will take three months; a further US$1.2 million is sought for a \
         third.",
    ));
    assert_eq!(facets.main_countries, vec!["COD".to_string()]);
    assert!(
        !facets.mentioned_countries.iter().any(|c| c == "USA"),
        "{:?}",
        facets.mentioned_countries
    );
    let washington = enricher.enrich(&release(
        "Aid pledged",
        "The US pledged US$5 million for the response, the State Department said.",
    ));
    assert!(
        washington.mentioned_countries.iter().any(|c| c == "USA"),
        "{:?}",
        washington.mentioned_countries
    );
}
