//! The shapes of the lines around a scraped page's headline, in English, French and Spanish:
//! what is never a title nor the start of a release (date lines, `URL:` lines, document
//! symbols, meeting lines, breadcrumbs, bullets, share buttons, photo credits, section
//! labels, skip links, leftover markup), what reads as a headline, and what reads as prose.
//! Shapes, not one site's words: a menu is recognised by its bullets and short lines, a date
//! by a month name beside a number.

use std::sync::LazyLock;

use regex::Regex;

pub(super) use crate::clean::in_title_case;
use crate::clean::{capitalised_words, in_capitals, truncate_words, word_count, words_at};

/// Months (full and abbreviated) and weekdays in English, French and Spanish, folded to
/// lower case without accents.
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|avr|juil|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|abr|ago|dic";

/// A day, a month and a year (`4 June 2018`, `16 de junio de 2023`, `8 février 2021`), as a
/// pattern to build others from: the accented French months are written out besides the
/// folded ones of [`MONTHS`].
fn day_month_year() -> String {
    format!(r"\d{{1,2}}(st|nd|rd|th|er)?\.?\s+(de\s+)?({MONTHS}|février|décembre|août)\.?,?\s+(de\s+)?\d{{4}}")
}

/// A month name beside a number (a day or a year), or a date in figures.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\b\d{{1,2}}(\s?(st|nd|rd|th)|er|º|o)?\.?\s+(de\s+)?({MONTHS})\b|\b({MONTHS})\.?\s+(de\s+)?\d{{1,4}}(st|nd|rd|th)?\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b)"
    ))
    .expect("date pattern is valid")
});

static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(url\s*:|source\s*:\s*https?:|https?://|www\.)").expect("url pattern is valid"));

/// A UN document symbol on a line of its own: `SC/16102`, `GA/SHC/4153`, `A/HRC/55/L.2`.
static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{1,8}(/[A-Z0-9.\-]+){1,5}$").expect("symbol pattern is valid"));

/// `46th Meeting (PM)`, `43rd & 44th Meetings (AM & PM)`, `Seventieth Session,`, `9631e séance`:
/// a number beside the meeting word, a half-day in brackets, or a session named alone.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d+(st|nd|rd|th|e|ème|er|ª|º|a|o)?\s+(meetings?|s[ée]ances?|sesi[oó]n(es)?|sessions?|reuni[oó]n(es)?)\b|\b(meetings?|s[ée]ances?|sesi[oó]n|session)\s+(no\.?\s*)?\d|\((am|pm|matin|après-midi|mañana|tarde)( & (am|pm))?\)$|^\S+\s+(session|sesi[oó]n)\s*,?$)",
    )
    .expect("meeting pattern is valid")
});

/// Lines that open with what a page puts around an article, never in its headline.
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
            (\d{1,2}\.\s+)?(skip\s+to | jump\s+to | aller\s+au | passer\s+au | ir\s+al | saltar\s+al | pasar\s+al)
          | editor['’]?s\s+note | notes?\s+(to|for)\s+editors | nota\s+(del|para\s+el|para\s+los)\s+(editor|editores)
          | note\s+(de\s+la\s+r[ée]daction|aux\s+r[ée]dactions)
          | photo\s*: | photos?\s+credit | foto\s*: | crédits?\s*(photo)?\s*: | credits?\s*: | © | copyright\s*[:©]
          | posted\s+(by|on|in)\b | published\s+(by|on)\b | publié\s+(le|par)\b | publicado\s+(el|por)\b
          | published\s*: | publié\s*: | publicado\s*: | \d{1,2}\s*(h|hrs?|hours?|mins?)\s+ago
          | publisher\s*: | published\s+under\s*: | éditeur\s*: | editorial\s*:
          | for\s+immediate\s+release | pour\s+(diffusion|publication)\s+imm[ée]diate
          | para\s+(su\s+)?(publicaci[oó]n|difusi[oó]n)\s+inmediata
          | submitted\s+by\b | content\s+by\b | view\s+all\b | ver\s+tod[oa]s\b | voir\s+tou[ts]\b
          | \d+\s+min(ute)?s?\s+read\b | (imagen|image|foto|photo)\s+v[ií]a\b
          | subscribe\s+(free\s+)?to\b | suscr[ií]bete\b | abonnez-vous\b
          | foto\s+de\s+archivo | file\s+photo | photo\s+d'archives? | archivo\s+[-–]\s
          | mis\s+à\s+jour | last\s+updated | actualizado | updated\s*:\s*(\d|$|\p{L}+\.?\s+\d)
          | disponible\s+aussi | also\s+available | tambi[ée]n\s+disponible | disponible\s+en\s*:
          | read\s+(more|in) | lire\s+(la\s+suite|en) | leer\s+(m[aá]s|en)
          | terms\s+(and|&)\s+conditions | t[ée]rminos\s+y\s+condiciones | conditions\s+g[ée]n[ée]rales
          | you\s+are\s+(here|viewing) | vous\s+êtes\s+ici | usted\s+est[aá]\s+aqu[ií]
          | ((lhs|rhs|left|right|section|main)\s+)+navigation\b
          | edited\s+news\b | b-roll\b | shot\s*list\b
          | source\s*: | sources?\s*\(s\)\s*: | fuente\s*: | contacts?\s*: | contacto\s*: | media\s+contacts?\b
          | reading\s+time\s*: | temps\s+de\s+lecture\s*: | tiempo\s+de\s+lectura\s*:
          | an\s+official\s+website\s+of\b | un\s+site\s+officiel\s+d | un\s+sitio\s+(web\s+)?oficial\s+d
          | official\s+websites\s+use\b | secure\s+\.gov\s+websites\b | here['’]s\s+how\s+you\s+know
          | a\s+\.gov\s+website\s+belongs\b | a\s+lock\s+\(
          | tags?\s*: | mots[-\s]cl[ée]s\s*: | etiquetas\s*: | topics?\s*: | th[èe]mes?\s*: | temas?\s*:
          | (click|tap)\s+to\s+(play|watch|view|expand|enlarge)\b | cliquez\s+pour\s+(lire|voir|agrandir) | haga\s+clic\s+para
          | welcome\s+to\s+(the\s+)?(official\s+)?(web\s*site|site|portal|pages?)\s+of\b | bienvenue\s+sur\b | willkommen\s+auf\b
          | bienvenid[oa]s?\s+al?\s+(la\s+)?(sitio|portal|p[aá]gina)\b
        )",
    )
    .expect("chrome pattern is valid")
});

/// Section labels and taglines, compared whole (folded, without a closing colon).
/// A newspaper's sections: a story's kicker, above its headline only.
const SECTIONS: &[&str] = &[
    "world",
    "international",
    "monde",
    "societe",
    "politique",
    "mundo",
    "internacional",
    "sociedad",
    "politica",
];

const LABELS: &[&str] = &[
    "press release",
    "press releases",
    "news release",
    "news releases",
    "media release",
    "media releases",
    "news",
    "latest news",
    "off the wire",
    "news and press releases",
    "news and press release",
    "originally published",
    "news & stories",
    "stories",
    "story",
    "statement",
    "statements",
    "joint statement",
    "briefing notes",
    "briefing note",
    "meetings coverage",
    "meeting summaries",
    "meeting summary",
    "press briefing",
    "global",
    "local",
    "regional",
    "feature",
    "features",
    "communique",
    "communiques",
    "communique de presse",
    "communiques de presse",
    "declaration",
    "declarations",
    "actualite",
    "actualites",
    "nouvelles",
    "histoires",
    "notes d'information",
    "points de presse",
    "couverture des reunions",
    "compte rendu de seance",
    "comptes rendus de seance",
    "resumen de sesion",
    "resumenes de sesiones",
    "comunicado",
    "comunicados",
    "comunicado de prensa",
    "comunicados de prensa",
    "noticias",
    "actualidad",
    "historias",
    "declaracion",
    "declaraciones",
    "notas informativas",
    "sala de prensa",
    // Lists of other stories.
    "minuto a minuto",
    "ultimas historias",
    "ultimas noticias",
    "latest stories",
    "dernieres actualites",
    "lo mas leido",
    "most read",
    "les plus lus",
    "en direct",
    "en vivo",
    // Outbreak bulletins, and their own section headings and a situation report's.
    "disease outbreak news",
    "bulletins d'information sur les flambees epidemiques",
    "noticias sobre brotes de enfermedades",
    "emergency preparedness and response",
    "preparation et riposte aux situations d'urgence",
    "preparacion y respuesta ante emergencias",
    "situation at a glance",
    "current situation",
    "situation actuelle",
    "situacion actual",
    "description of the situation",
    "description of situation",
    "situation overview",
    "public health response",
    "who risk assessment",
    "who advice",
    "key messages",
    "key figures",
    "apercu de la situation",
    "description de la situation",
    "action de sante publique",
    "evaluation du risque par l'oms",
    "conseils de l'oms",
    "messages cles",
    "chiffres cles",
    "resumen de la situacion",
    "descripcion de la situacion",
    "respuesta de salud publica",
    "evaluacion del riesgo por la oms",
    "recomendaciones de la oms",
    "mensajes clave",
    "cifras clave",
    // A caption's own labels are `CAPTION_LABELS`.
    // A site's light and dark themes.
    "light",
    "dark",
    "light/dark",
    // A headline's flag, and an editorial's.
    "breaking news",
    "breaking",
    // (Not `updated`, `actualizado`: a date's label, whose line gives the page's layout.)
    "update",
    "mise a jour",
    "actualizacion",
    "edito",
    "editorial",
    "ultima hora",
    "derniere minute",
];

/// Articles, prepositions and conjunctions of EN/FR/ES, folded.
pub(super) const SMALL_WORDS: &[&str] = &[
    "the", "of", "for", "and", "to", "in", "on", "at", "a", "an", "with", "by", "from", "into", "than", "that",
    "which", "who", "or", "but", "as", "de", "du", "des", "la", "le", "les", "et", "au", "aux", "en", "pour", "sur",
    "dans", "par", "que", "qui", "del", "el", "los", "las", "y", "para", "con", "por", "un", "una", "al",
];

/// Letters folded to lower case without accents (enough for labels and months).
pub(super) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'á' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ó' | 'ö' => 'o',
            'û' | 'ù' | 'ú' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// A line that is never a title nor the start of a release, whatever is around it.
pub(super) fn is_boilerplate(line: &str) -> bool {
    let words = word_count(line);
    if words == 0 || !line.chars().any(char::is_alphabetic) {
        return true;
    }
    if URL_LINE.is_match(line) || CHROME.is_match(line) || SYMBOL.is_match(line) || SKIP_LINK_END.is_match(line) {
        return true;
    }
    // Words with letters: `23e & 24e séances plénières – matin & après-midi` is six.
    if lettered_words(line) <= 8 && MEETING.is_match(line) {
        return true;
    }
    // A name and a telephone number: a contact, not a headline; so is a line opening with a
    // contact's field (`Telephone: 0044 (0)20 …, email: …`).
    if (lettered_words(line) <= 6 && PHONE.is_match(line)) || CONTACT_FIELD.is_match(line) {
        return true;
    }
    if words <= 3 && BUTTON.is_match(line) {
        return true;
    }
    // A shop's cart (`Subtotal: UGX0.00`, `No products in the cart.`).
    if words <= 8 && CART.is_match(line) {
        return true;
    }
    // Share buttons naming their networks (`Compartir en WhatsappCompartir en Facebook`,
    // `Share on X`), and a script's or a style's name left in the text (`facebook-pixel`).
    if (words <= 8 && SHARE_ON.is_match(line)) || is_code_name(line) {
        return true;
    }
    // A row of share buttons (`Facebook Twitter LinkedIn Pinterest Email Reddit WhatsApp Copy
    // Link`), and a paywall's notice (`Este artículo es exclusivo para suscriptores (1)`) or
    // its meter (`Encore 1/5 articles gratuits à lire`).
    if is_share_row(line) || (words <= 12 && PAYWALL.is_match(line)) {
        return true;
    }
    // A request to turn off an ad blocker (`Veuillez désactiver le bloqueur de publicité SVP!`).
    if words <= 20 && AD_BLOCKER.is_match(line) {
        return true;
    }
    // Another story's teaser with its link glued on (`… Exploitation! Read the story`), and a
    // plea for readers' support (`Readers like you keep news free for everyone.`).
    if ((4..=TEASER_WORDS).contains(&words) && TEASER_LINK_END.is_match(line))
        || (words <= 20 && READER_SUPPORT.is_match(line))
    {
        return true;
    }
    // A notice of the document's other formats (`Where available, the PDF/Word icon below is
    // provided to view the complete document`), and a line of labels in brackets only
    // (`[Ministry of Foreign Affairs] [Friday, Nov 7, 2014]`).
    if (words <= 25 && FORMATS_NOTICE.is_match(line)) || BRACKETED_ONLY.is_match(line) {
        return true;
    }
    // A notice that the page has moved (`This content from the Department has moved to
    // example.org`), and a line holding an image's file name (a headline glued to its
    // picture's path: `… la Cimade18/11/2009images/une2155.jpg.445x577`).
    if (words <= 25 && MOVED_NOTICE.is_match(line)) || IMAGE_FILE.is_match(line) {
        return true;
    }
    // Hashtags alone (`#StopBombing #Syria`).
    if line
        .split_whitespace()
        .all(|word| word.starts_with('#') && word.len() > 1)
    {
        return true;
    }
    // A weather widget (`14.4° c YEREVAN`), a poll's results (`Sí 54% No 46%`), and a byline
    // with its outlet's web address (`By Jane Roe, example.com`).
    if (words <= 4 && TEMPERATURE.is_match(line)) || is_poll_result(line, words) || BYLINE_WITH_SITE.is_match(line) {
        return true;
    }
    // A site's name given twice in one line (a logo's text glued to its caption).
    if is_doubled(line) {
        return true;
    }
    if words <= 12 && (DOWNLOAD.is_match(line) || RSS.is_match(line)) {
        return true;
    }
    if words <= 15 && UPDATED.is_match(line) {
        return true;
    }
    // A reading time (`3 minutos`, `5 min read`) or a news agency's name on its own line.
    if READING_TIME.is_match(line) || AGENCY_ALONE.is_match(line) || (words <= 8 && GLUED_READING_TIME.is_match(line)) {
        return true;
    }
    // A web server's error message (`Strict Standards: … in /home/…/default.php on line 24`).
    if SERVER_ERROR.is_match(line) {
        return true;
    }
    // A newspaper's name on a line of its own (`The Jakarta Post`, `Sunday Mail`), a reporter
    // and a news agency, or a digest's source before a quoted headline (`Reuters: Q&A with
    // WHO: …`).
    if (words <= 5 && MASTHEAD.is_match(line))
        || (words <= 12 && BYLINE_WITH_PAPER.is_match(line))
        || BYLINE_WITH_AGENCY.is_match(line)
        || CITED_SOURCE.is_match(line)
        || (BRACKETED_CREDIT.is_match(line) && without_language_tags(line) == line)
    {
        return true;
    }
    if is_image_id(line) || is_reference_code(line) {
        return true;
    }
    // A rating's stars (`Star ActiveStar ActiveStar Active`), a caption ending with its
    // credit's label (`… have been told. Photograph: Jane Roe/Agency`), a press office named
    // under its release (`Oficina de Prensa y Comunicación de la CIDH`) and a link to more
    // about a body (`Más sobre la CIDH`).
    if RATING_STARS.is_match(line)
        || (words >= 8 && CAPTION_CREDIT_LABEL.is_match(line))
        || (words <= 12 && PRESS_OFFICE.is_match(line))
        || (words <= 5 && MORE_ABOUT.is_match(line))
        || (words <= 20 && WRITTEN_BY.is_match(line))
        || (words <= 12 && is_project_code(line))
    {
        return true;
    }
    // A menu's entries run into one line (`GIEWS home GIEWS Tools About GIEWS FAQ Mailing
    // Lists Site Map français español`, `Email this article Print this article Subscribe`):
    // three of a site's usual entries.
    if words <= 25 && MENU_ENTRY.find_iter(line).count() >= 3 {
        return true;
    }
    // A theme switch, a masthead's slogan, a notice of first publication, a site's own
    // description and a map's caption.
    if (words <= 8 && THEME_SWITCH.is_match(line))
        || (words <= 6 && SINCE_YEAR.is_match(line))
        || (words <= 15 && FIRST_PUBLISHED.is_match(line))
        || (words <= 10 && SITE_NEWS_OF.is_match(line))
        || (words <= 6 && MAP_OF.is_match(line))
    {
        return true;
    }
    // A field's label waiting for its value (`Available languages:`, `Etiquetas:`): a
    // headline never ends on a colon.
    if words <= LABEL_WORDS && line.trim_end().ends_with(':') && line.starts_with(char::is_uppercase) {
        return true;
    }
    // Another story's entry in a list of the latest (`One stabbed in altercation on Metro bus
    // - August 31, 2024`): a headline with its date after a dash.
    if words >= 4 && LISTED_WITH_DATE.is_match(line) {
        return true;
    }
    // A byline (`By political reporter Jane Doe`, `Por Ana Pérez y Juan Ruiz`), and the
    // office a release comes from, however long its name (`Press Release by Office of the UN
    // Resident Coordinator and Humanitarian Coordinator`, `Office of the Spokesperson`).
    let issuer_label = (words <= 8 || (words <= ISSUER_LABEL_WORDS && in_capitals(line))) && is_issuer_label(line);
    if (words <= 8 && BYLINE.is_match(line)) || issuer_label || ISSUER.is_match(line) {
        return true;
    }
    let folded = fold(line);
    // A logo's alternative text (`My Unicef logo`), a seal's (`Department of Health Seal
    // Department of Health`) or a coat of arms' (`Escudo de Colombia y texto de la Unidad para
    // las Víctimas`).
    if (words <= 5 && (folded.ends_with(" logo") || folded.starts_with("logo ")))
        || (words <= 10 && is_seal(line))
        || (words <= 12 && COAT_OF_ARMS.is_match(&folded))
    {
        return true;
    }
    // A postal address (`26, Kakabadzeebi Brothers street, 0108 Tbilisi, Georgia`).
    if words <= 14 && ADDRESS.is_match(&folded) {
        return true;
    }
    // A cookie notice: its heading (`Règles de confidentialité et cookies`) or its text.
    if folded.contains("cookie") && COOKIE_NOTICE.is_match(&folded) {
        return true;
    }
    // A date, alone or with a label, a place or a byline (`Communiqué de presse – 8 novembre
    // 2022`): three words at most besides it (`At Least 20 May Have Drowned` is a headline).
    if is_folded_date_line(&folded, words) {
        return true;
    }
    if words <= 16 && DATED_KIND.is_match(line) && DATE.is_match(&folded) {
        return true;
    }
    // An observance's label is its name and day; a headline may end with the day it marks
    // (`Declaración de la Directora Ejecutiva con motivo del Día Mundial de la Asistencia
    // Humanitaria (19 de agosto)`).
    if words <= OBSERVANCE_WORDS && BRACKETED_DAY.is_match(&folded) {
        return true;
    }
    // A programme's or a post's time and date (`From Morning Report, 8:46 am on 18 May 2021`).
    if words <= 12 && CLOCK.is_match(&folded) && DATE.is_match(&folded) {
        return true;
    }
    if VIEWS.is_match(&folded) {
        return true;
    }
    if words >= 8 && PLACE_MONTH_CAPTION.is_match(&folded) {
        return true;
    }
    // A notice of the story's age or its government (`This story is from May 3, 2016`,
    // `This was published under the 2010 to 2015 Conservative and Liberal Democrat coalition
    // government`).
    if words <= 20 && STORY_AGE.is_match(&folded) {
        return true;
    }
    // A notice that the browser is out of date, or that the page is archived.
    if (words <= 30 && (OLD_BROWSER.is_match(&folded) || OUTDATED_ARCHIVE.is_match(&folded)))
        || (words <= 12 && ARCHIVED.is_match(&folded))
    {
        return true;
    }
    // A photo's caption ending with the day it was taken, with no full stop (`Des migrants …
    // de la Manche, le 15 mars 2022`, `… in Calais, on October 26, 2016`); a sentence of the
    // release may end so (`…, le 22 avril 2020.`), and a headline in capitals (`CONFÉRENCE DE
    // PRESSE DU PRÉSIDENT …, LE 12 JUIN 2007`): captions are not written in capitals.
    if (6..=30).contains(&words) && !line.ends_with('.') && !in_capitals(line) && DATED_CAPTION.is_match(&folded) {
        return true;
    }
    // A UN notice (`For information only - not an official document`), a site's account of
    // itself as a service (`… — a service provided by UN OCHA`), a prompt to join a
    // messaging channel or to sign in (`Tap to join … WhatsApp News Channel`, `Si tienes
    // cuenta en EL DIARIO, puedes utilizarla para identificarte`).
    if words <= 16 && (UN_NOTICE.is_match(&folded) || SITE_PROMPT.is_match(&folded) || SERVICE_OF.is_match(&folded)) {
        return true;
    }
    // A notice that a summary was written by a machine (`Este resumen se realiza
    // automáticamente.`, `This summary was generated by AI`).
    if words <= 16 && AUTOMATIC_SUMMARY.is_match(&folded) {
        return true;
    }
    // A notice that the story came from an agency's feed, and its explanation.
    if words <= 40 && FEED_NOTICE.is_match(&folded) {
        return true;
    }
    // A photo's alternative text (`Photo of migrants walking into …`, `Foto de familias …`).
    if words >= 4 && PHOTO_OF.is_match(line) {
        return true;
    }
    // An observance named under its date (`12 de febrero: Día Internacional contra …`).
    if words <= 14 && OBSERVANCE.is_match(&folded) {
        return true;
    }
    if is_label(line) {
        return true;
    }
    is_bullet(line)
        || is_breadcrumb(line)
        || is_credit(line)
        || is_byline(line)
        || is_credited_caption(line)
        || is_author_names(line)
}

/// Reporters' names alone, as a scraper glues them with a bare comma (`Reza Saifullah,Edna
/// Tarigan`): a byline without its `By`. (`Sierra Leone, Liberia Vaccinate Children`, with
/// its space after the comma, is a headline.)
/// Two people's names joined by `and` (`Jane Roe and John Doe Smith`): a byline without its
/// `By` when the page gives it twice; a headline given twice is seldom shaped so.
pub(super) fn is_names_joined(line: &str) -> bool {
    let Some((left, right)) = [" and ", " y ", " et ", " & "]
        .iter()
        .find_map(|joint| line.split_once(joint))
    else {
        return false;
    };
    [left, right].iter().all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|word| word.chars().nth(1).is_some() && is_name_word(word))
    })
}

/// A word shaped as a person's name: a capital, then lower-case letters (or an initial).
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’' | '.'))
}

fn is_author_names(line: &str) -> bool {
    if line.chars().count() > 60 || line.contains(", ") {
        return false;
    }
    let parts: Vec<&str> = line.split(',').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            (2..=3).contains(&words.len()) && words.iter().all(|word| is_name_word(word))
        })
}

/// A line as the label tables hold it: folded, without a closing colon or full stop.
fn label_key(line: &str) -> String {
    // A menu's numbered entry is its label (`5. Media Releases`).
    let line = line.trim_start();
    let unnumbered = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let line = match unnumbered.strip_prefix(". ") {
        Some(rest) if unnumbered.len() < line.len() => rest,
        _ => line,
    };
    fold(line.trim_end_matches([':', '.', ' ']))
}

/// A caption's own labels (folded), labels like those of [`LABELS`].
const CAPTION_LABELS: &[&str] = &[
    "image caption",
    "image caption and rights information",
    "caption",
    "legende",
    "pie de foto",
];

/// A caption's own label on its line (`Image caption`, `Légende`, `Pie de foto`): the line
/// under it is the caption.
pub(super) fn is_caption_label(line: &str) -> bool {
    CAPTION_LABELS.contains(&label_key(line).as_str())
}

/// A section or kind label on its own line (`Société`, `Press release`, `Image caption`).
pub(super) fn is_label(line: &str) -> bool {
    let label = label_key(line);
    [LABELS, CAPTION_LABELS, SECTIONS]
        .iter()
        .any(|labels| labels.contains(&label.as_str()))
}

/// A line opening with a label and going on (`Communiqués de presse Comité des droits de
/// l'homme`): a breadcrumb glued into one line, no headline; not when the words after the
/// label open in lower case.
pub(super) fn opens_with_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    // A label the sentence goes on from in lower case is the headline's own word (`Statement
    // on the suspension of programmes …`).
    (1..words.len().min(4)).any(|taken| {
        is_label(&words[..taken].join(" ")) && !words[taken].chars().next().is_some_and(char::is_lowercase)
    })
}

/// Titles written short with a full stop before a name, in EN/FR/ES.
const HONORIFIC_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mme", "Mlle", "Me", "Sr", "Sra", "Srta", "Dra", "Lic", "Ing", "Gen", "Col",
    "Lt", "Sgt", "Gov", "Sen", "Rep", "Hon",
];

/// The first sentence of a page's line, cut at a word boundary after at most `max_chars`: a
/// full stop between two abbreviations does not end it (`deportados desde EE. UU.`), as it
/// does for OCR'd text (`crate::clean::first_sentence`); `con EU. Ayer` ends at `EU.`.
pub(super) fn opening_sentence(line: &str, max_chars: usize) -> String {
    let line = line.trim();
    let abbreviated = |at: usize| {
        let before = line[..at].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let after = line[at + 2..].split_whitespace().next().unwrap_or("");
        // An initial or a title before a name (`Communiqué de M. Bernard Kouchner`, `Dr. Jane
        // Roe`) ends no sentence.
        let title_before_name = (before.chars().count() == 1 && before.chars().all(char::is_uppercase)
            || HONORIFIC_ABBREVIATIONS.contains(&before))
            && after.chars().next().is_some_and(char::is_uppercase);
        title_before_name || (before.chars().count() <= 2 && after.chars().count() <= 3 && after.ends_with('.'))
    };
    let sentence_end = line
        .match_indices(". ")
        .map(|(at, _)| at)
        .find(|&at| !abbreviated(at))
        .map_or(line.len(), |at| at + 1);
    truncate_words(&line[..sentence_end], max_chars)
}

/// Whether a line ends with a full stop (`… dans le pays.*`): not an ellipsis, a question or an
/// exclamation, which headlines end with too ([`ends_sentence`] counts those).
pub(super) fn ends_with_full_stop(line: &str) -> bool {
    let end = line.trim_end_matches(|c: char| c.is_whitespace() || c == '*');
    end.ends_with('.') && !end.ends_with("..")
}

/// The words of `text` that hold a letter (figures and dashes are not counted).
fn lettered_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .count()
}

/// A photo caption that ends with its credit after a slash (`Personal de Cruz Roja asiste a
/// los dos menores en la playa / lp`, `… at the border / EFE`): a sentence of six words or
/// more, then one or two words.
fn is_credited_caption(line: &str) -> bool {
    let slashed = line.rsplit_once(" / ").is_some_and(|(caption, credit)| {
        word_count(caption) >= 6 && (1..=2).contains(&word_count(credit)) && !caption.contains(" / ")
    });
    slashed
        || credited_after_sentence(line)
        || AGENCY_PHOTO.is_match(line)
        || (word_count(line) >= 7
            && (AGENCY_AFTER_SENTENCE.is_match(line)
                || PHOTO_SLASH_END.is_match(line)
                || PHOTO_BY_END.is_match(line)
                || NAME_SLASH_AGENCY_END.is_match(line)
                || AGENCY_SLASH_NAME_END.is_match(line)
                || BRACKETED_PIC_END.is_match(line)
                || BRACKETED_SLASH_CREDIT_END.is_match(line)
                || DASHED_CREDIT_END.is_match(line)
                || AT_SOURCE_END.is_match(line)
                || BRACKETED_PHOTO_BY_END.is_match(line)))
}

static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}\s*(min|mins|minutes?|minutos?)(\s+(de\s+)?(lectura|lecture|read))?\.?$")
        .expect("reading time pattern is valid")
});

/// A label with its reading time glued to it (`République démocratique du Congo (RDC)3 min`).
static GLUED_READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\p{L})]\s*\d{1,2}\s*(min|mins|minutes?|minutos?)(\s+(de\s+)?(lectura|lecture|read))?\.?$")
        .expect("glued reading time pattern is valid")
});

/// A caption opening with its place and month (`Fiji, June 2020: Red Cross teams …`).
static PLACE_MONTH_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\p{{Lu}}[\p{{L}} .'-]{{1,40}},\s+({MONTHS})\.?\s+\d{{4}}\s*:\s+\S"
    ))
    .expect("place and month caption pattern is valid")
});

static AGENCY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Associated Press|AP|AFP|Agence France-Presse|Reuters|EFE|Agencia EFE|Europa Press|Xinhua|Sputnik|dpa|ANSA|Prensa Latina|Notimex)\.?$")
        .expect("agency pattern is valid")
});

/// A link to skip the page's navigation glued to the end of a banner (`The Campaign to …
/// skip to primary page content`).
static SKIP_LINK_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(skip|jump)\s+to\s+(the\s+)?(main|primary)?\s*(page\s+)?(content|navigation)\s*$")
        .expect("skip link pattern is valid")
});

/// A web server's error message (`Notice: … on line 24`, Drupal's `Deprecated function: … (line
/// 1442 of /var/www/…/bootstrap.inc).`), and the heading it comes under (`Mensaje de error`).
static SERVER_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Strict Standards|Warning|Notice|Deprecated( function)?|Fatal error|Parse error)\s*:.*\s(on line \d+|\(line \d+ of [^()]*\)\.?)\s*$|^(?i:error message|mensaje de error|message d['’]erreur|status message|mensaje de estado|message d['’][ée]tat)$")
        .expect("server error pattern is valid")
});

/// A newspaper's name: capitalised words ending in a word for a newspaper.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(The\s+)?(\p{Lu}[\p{L}.'’-]*\s+){1,3}(Post|Times|Herald|Tribune|Journal|Gazette|Mail|Telegraph|Chronicle|Observer|Courier|Inquirer|Monitor|Star|Standard|Guardian|Express|Independent|Sun|Mirror|Nation|Times of \p{Lu}\p{L}+)$")
        .expect("masthead pattern is valid")
});

/// A notice that a page has moved or redirects.
static MOVED_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(has|have)\s+moved\s+to\b|^this (content|page) from the\b|\bif\s+you\s+are\s+not\s+redirected\b|\ba\s+[ée]t[ée]\s+d[ée]plac[ée]e?\s+(vers|sur)\b|\bse\s+ha\s+(trasladado|mudado)\s+a\b")
        .expect("moved notice pattern is valid")
});

/// An image's file name.
static IMAGE_FILE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[\w-]\.(jpe?g|png|gif|webp)\b").expect("image file pattern is valid"));

/// A notice pointing to the document in another format (PDF, Word) by its icon or version.
static FORMATS_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(pdf|word)\b.{0,40}\b(icon|version\s+of|fully\s+formatted)\b").expect("formats pattern is valid")
});

/// Labels in square brackets and nothing else.
static BRACKETED_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*\[[^\[\]]{1,80}\])+\s*$").expect("bracketed labels pattern is valid"));

/// An issuer and the page's kind (`UNHCR statement`, `Geneva Palais briefing note`,
/// `Comunicado de la OIM`): three words at most besides the kind; or a news brief's label
/// (`En bref`, `In brief`, `En breve`, `Brèves`).
fn names_its_kind(prefix: &str) -> bool {
    static KIND_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(\S+\s+){0,3}(statement|press\s+release|news\s+release|media\s+release|reaction|briefing\s+notes?|media\s+advisory)$|^(comunicado|declaraci[oó]n|communiqu[ée]|d[ée]claration|reacci[oó]n|r[ée]action|nota\s+de\s+prensa|nota\s+informativa|note\s+d'information|point\s+de\s+presse)(\s+\S+){0,3}$|^((news\s+)?in\s+brief|en\s+bref|en\s+breve|br[eè]ves?)$")
            .expect("kind words pattern is valid")
    });
    KIND_WORDS.is_match(prefix.trim())
}

/// A notice that a summary was written by a machine, folded.
static AUTOMATIC_SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(summary|resumen|resume)\b.{0,40}\b(automatica(mente)?|automatically|automatiquement|by ai|par l'ia|por ia|artificial intelligence|inteligencia artificial|intelligence artificielle)\b")
        .expect("automatic summary pattern is valid")
});

/// A temperature (`14.4° c`, `-3°C`).
static TEMPERATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)[-−]?\d{1,2}([.,]\d)?\s?°\s?[cCfF]?(\s|$)").expect("temperature pattern is valid")
});

/// A byline naming its outlet by its web address (`By Jane Roe, example.com`).
static BYLINE_WITH_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|\s)By\s+\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){1,2},\s+[\w-]+\.(com|org|net)\b")
        .expect("byline pattern is valid")
});

/// A poll's results: two shares or more in a line of six words at most, none of them in lower
/// case (`Progresista 86.8%Conservador 13.2%`); a headline has words in lower case.
fn is_poll_result(line: &str, words: usize) -> bool {
    words <= 6
        && line.matches('%').count() >= 2
        && !line
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word.chars().next().is_some_and(char::is_lowercase))
}

/// A reporter's name and a news agency (`Jane Roe, The Associated Press`).
static BYLINE_WITH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){1,2},\s+(The\s+)?(Associated Press|Canadian Press|Press Association|Agence France-Presse|AP|AFP|Reuters|Bloomberg|EFE|Europa Press|dpa|ANSA|Xinhua)$")
        .expect("byline pattern is valid")
});

/// Reporters' names and their newspaper, capitalised throughout (`John Roe And Jane Doe Los
/// Angeles Times`).
static BYLINE_WITH_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|And|and|&))+\s+(Post|Times|Herald|Tribune|Journal|Gazette|Telegraph|Chronicle|Observer|Courier|Inquirer)$")
        .expect("byline pattern is valid")
});

/// A caption ending in its credit in brackets (`… le 29 mars 2015. [Keystone - Jane Roe]`,
/// `… (image prétexte). - [Keystone - Jane Roe]`), or after its last sentence in parentheses,
/// a photographer and an agency (`… outside of Goz Beida, Chad. (Jane Roe — Jesuit Refugee
/// Service/USA)`). Not a language tag after a headline's bracket (`… Situation Report (25
/// February 2023) [EN/AR]`).
static BRACKETED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([.!?)]\s*(-\s*)?\[[^\]]{2,60}\]|[.!?]\s*\([^()]{2,60}(/|\s[—–-]\s)[^()]{2,60}\))\s*$")
        .expect("bracketed credit pattern is valid")
});

/// A news digest's source before the headline it quotes.
static CITED_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Reuters|AP|AFP|Associated Press|Bloomberg|CNN|BBC( News)?|NPR|VOA|Al Jazeera|Devex|STAT|The (New York Times|Washington Post|Guardian|Hill|Wall Street Journal|Economist|Lancet)|Financial Times|Wall Street Journal|New York Times|Washington Post)\s*:\s+\S")
        .expect("cited source pattern is valid")
});

/// A caption's credit in parentheses naming an agency's photo (`(AP Foto/Matías Delacroix)`).
static AGENCY_PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((AP|AFP|EFE|Reuters|EPA|Xinhua)\s+(Photo|Foto)\s*/").expect("agency photo pattern is valid")
});

/// Initials before a full stop: `S`, `U.S`, `U.N`.
static INITIALS_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}\.)*\p{Lu}$").expect("initials pattern is valid"));

/// A caption in sentence case whose credit follows its last full stop: one to four capitalised
/// words (`Salvamento Marítimo rescata a cinco migrantes a bordo de una patera este viernes.
/// Salvamento Marítimo`); a headline in title case with two sentences is not one, nor a
/// paragraph (over fifty words) ending in a link (`… the previous weekend. Read More>`), nor a
/// headline with an initial (`… in war-torn S. Sudan`).
fn credited_after_sentence(line: &str) -> bool {
    let Some((caption, credit)) = line.trim_end().rsplit_once(". ") else {
        return false;
    };
    let credit_words: Vec<&str> = credit.split_whitespace().collect();
    let caption_words: Vec<&str> = caption.split_whitespace().collect();
    // An initial's full stop ends no sentence (`… freed in war-torn S. Sudan`, `… U.S. Army`).
    if caption_words.last().is_some_and(|word| INITIALS_WORD.is_match(word)) {
        return false;
    }
    let lower = caption_words
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .count();
    (1..=4).contains(&credit_words.len())
        && credit_words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
        && (7..=50).contains(&caption_words.len())
        && lower * 2 >= caption_words.len()
}

/// A caption's last sentence crediting its photographer (`… after being evacuated. Associated
/// Press/Photo by Altaf Qadri`, `… en Tegucigalpa. Foto de Juan Pérez`, `… 39 arrests. Photo by
/// National Crime Agency/Twitter`).
static PHOTO_BY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?]\s+([^.!?/]{0,40}/\s*)?(?i:photos?|fotos?|photograph)\s+(?i:by|de|par|por)\s+\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}(/\p{L}+)?\s*$")
        .expect("photographer credit pattern is valid")
});

/// A caption ending in a photographer and an agency (`… Niger, July 2010 Jane Roe/IRIN`).
static NAME_SLASH_AGENCY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s\p{Lu}[\p{L}'-]+(\s\p{Lu}[\p{L}'-]+){0,2}/[\p{Lu}]{2,}$").expect("name and agency pattern is valid")
});

/// A caption's last sentence naming an agency (or two) and its photographer (`… on the island
/// of Lesbos, Greece, November 30, 2017. REUTERS/Jane Roe/File photo`, `… 13 September 2023.
/// EFE/EPA/JANE ROE`).
static AGENCY_SLASH_NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?]\s+\p{Lu}{2,}(\s\p{Lu}{2,})?(/\p{Lu}{2,}){0,2}/\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}(/(?i:file\s+)?(?i:photo|foto))?(\s+\(\p{Lu}[\p{L} ]{1,20}\))?\s*$")
        .expect("agency and photographer pattern is valid")
});

/// A caption ending in its credit in brackets (`… due to shortages (Pic: Jane Roe)`).
static BRACKETED_PIC_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((pics?|photos?|fotos?|images?|imagen)\s*:\s*[^()]{2,60}\)?\s*$")
        .expect("bracketed picture credit pattern is valid")
});

/// A caption ending in its photographer and agency in brackets (`… for deportation (Jane
/// Roe/IRIN)`, `… people smuggling.(Australian Defence Force/Jane Roe)`).
static BRACKETED_SLASH_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\p{Lu}[\p{L}'’. &-]{1,40}/\s*\p{L}[^()/]{0,40}\)?\s*$").expect("bracketed credit pattern is valid")
});

/// A caption ending in its source after an at sign (`… dans l'ouest du pays @Agence Nouvelles`).
static AT_SOURCE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s@\s?\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,2}\s*$").expect("at-sign credit pattern is valid")
});

/// A caption ending in its photographer's credit in parentheses, however long (`… April 8,
/// 2023. (Agency photo by Field Officer Jane Roe)`).
static BRACKETED_PHOTO_BY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\([^()]{0,60}\b(photo|foto|photograph)\s+(by|de|par|por|courtesy)\b[^()]{1,80}\)\s*$")
        .expect("bracketed photographer credit pattern is valid")
});

/// A caption's last sentence followed by a dash and its source (`… in Cheras. — Bernama`).
static DASHED_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?]\s+[—–-]\s*\p{Lu}[\p{L}&.'-]*(\s+\p{Lu}[\p{L}&.'-]*)?\s*$")
        .expect("dashed credit pattern is valid")
});

/// A caption's credit after a dash (`… en el coche patrulla - PHOTO/GUARDIA CIVIL`).
static PHOTO_SLASH_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s[-–—]\s*(photo|foto)\s*/\s*[^/]{2,40}$").expect("photo credit pattern is valid")
});

/// A caption's last sentence naming a news agency (`… cerca de la costa de Gran Canaria. EFE`,
/// `… en una imagen de archivo. (AFP)`).
static AGENCY_AFTER_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?]\s+\(?(EFE|AFP|AP|Reuters|REUTERS|EPA|Europa Press|Xinhua|ANSA|dpa|Getty Images)\)?\.?$")
        .expect("agency credit pattern is valid")
});

/// What follows a caption given again with its credit: `Photo credit …`, `(MSF photo)`, `—
/// Dawn photo`, `Foto: …`, `Crédit …`, `Credits: …`.
static CREDIT_AFTER_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(\(|[—–-]\s*)?\S*\s*(photo|foto|crédits?|credits?|picture|image|imagen)\b|^\.\s*\([^()]{2,40}\)\s*$",
    )
    .expect("credit pattern is valid")
});

/// A caption's credit at the end of its line: `… Kenneth Lavelle. (MSF photo)`, `… border
/// point. — Dawn photo`. A headline given twice in a row has none; a caption given as a
/// photo's text and again as its caption has.
static CREDIT_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\([^()]{0,30}\b(photo|foto|pic|picture|image|imagen)\b[^()]{0,30}\)|\s[—–-]\s*[\w .'’]{0,30}\b(photo|foto|pic|picture|image|imagen))\s*$")
        .expect("credit pattern is valid")
});

/// Whether `rest`, what follows a caption given again, is its credit (`Photo credit …`), or
/// the caption's full stop and its photographer's name in brackets (`.(Jane Roe)`).
pub(super) fn opens_with_credit(rest: &str) -> bool {
    CREDIT_AFTER_CAPTION.is_match(rest)
}

/// Whether a line is a caption closed by its photographer's credit after a bar or a colon
/// (`… returned home from Rwanda. PHOTO | JANE ROE`, `… en Tenerife. Foto: EFE`).
pub(super) fn ends_with_photo_credit(line: &str) -> bool {
    static PHOTO_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s(photo|foto|picture|image|imagen)\s*[|:]\s*[^|:]{2,40}$").expect("credit pattern is valid")
    });
    PHOTO_CREDIT_END.is_match(line.trim_end())
}

/// Whether a line ends with a caption's credit (`… (MSF photo)`).
pub(super) fn ends_with_credit(line: &str) -> bool {
    CREDIT_AT_END.is_match(line)
}

/// A photo's credit on a line of its own: `Photo: IFRC`, `© UNICEF`, or an agency's
/// initials and a name or an image number joined by a slash (`MSF/Juan Carlos Tomasi`,
/// `UNICEF/UN0321649/Carrillo`, `UN Photo/Mark Garten`; `Chad/Sudan …` is not one).
pub(super) fn is_credit(line: &str) -> bool {
    line.contains('©')
        || (CAPTION.is_match(line) && !is_gallery_headline(line))
        || SLASH_CREDIT.is_match(line)
        || PHOTO_AGENCY.is_match(line)
        || COURTESY.is_match(line)
        || CAPITALS_CREDIT_END.is_match(line)
}

/// A photo's credit given as a courtesy (`… August 8 - Photo courtesy of Agency/Jane Roe`).
static COURTESY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(photo\s+courtesy|courtesy\s+photo|foto\s+cortes[ií]a|photo\s+gracieuset[ée])\b")
        .expect("courtesy pattern is valid")
});

/// A caption's sentence, then its photographer and outlet in capitals (`… walk home from
/// school. JANE ROE FOR THE DAILY PAPER`).
static CAPITALS_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?]\s+\p{Lu}{2,}(\s+\p{Lu}[\p{Lu}'’.-]+){1,3}\s+(FOR|PARA|POUR)\s+\p{Lu}[\p{Lu}\s'’.-]+$")
        .expect("capitals credit pattern is valid")
});

/// A gallery's headline after its medium and a colon (`Photos: Thousands leave their homes in
/// the flooded north`): the plural, five words or more, two of them in lower case, no full
/// stop at the end; a credit names its photographer (`Photo: Jane Roe/Agency`), a caption is
/// a sentence (`Image: A Border Patrol agent gathers belongings before a transfer.`).
fn is_gallery_headline(line: &str) -> bool {
    static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(photos|fotos|pictures|images|im[aá]genes)\s*:\s+").expect("gallery label pattern is valid")
    });
    GALLERY.find(line).is_some_and(|label| {
        let rest = &line[label.end()..];
        !ends_with_full_stop(rest)
            && word_count(rest) >= 5
            && rest
                .split_whitespace()
                .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
                .count()
                >= 2
    })
}

/// A credit ending in a photo agency's name (`Anadolu Agency via Getty Images`, `Jane Roe /
/// Getty Images file`).
static PHOTO_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(getty\s+images|shutterstock|istockphoto)(\s+file(\s+photo)?)?\s*$")
        .expect("photo agency pattern is valid")
});

/// A telephone number: an international one (`+41 22 917 1234`, `+33 1 45 67 89 00`), a
/// North American one (`267.992.6356`), or one opening with a trunk 0 (`0418 743 789`,
/// `01 45 67 89 00`); figures grouped by thousands (`500 000 000`) are not one.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\+\d{1,3}([\s.-]?\(?\d{1,4}\)?){3,}|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|\b0\d{1,3}[\s.-]\d{3,4}[\s.-]\d{3,4}\b|\b0\d([\s.]\d{2}){4}\b",
    )
    .expect("phone pattern is valid")
});

/// A contact's field opening a line, with a number of six figures or more, or an address
/// (`Tel: +41 22 …`, `Téléphone : 01 45 …`, `Correo: prensa@…`).
static CONTACT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(tel|t[ée]l[ée]phone|tel[ée]fono|phone|mobile|mob|cell|fax|e-?mail|courriel|correo)\.?\s*:\s*(.*\d.*\d.*\d.*\d.*\d.*\d|\S+@\S+)",
    )
    .expect("contact field pattern is valid")
});

/// A line without the date a scraper wrote at its start (`date 2025-11-15 Llegan 54 personas…`,
/// `date 2018-12 Cruz Roja solicita…`), when three words or more are left: the line is then
/// read as the page gives it (a headline, or a paragraph it repeats).
pub(super) fn without_scraper_date(line: &str) -> &str {
    static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:date\s*:?\s*)?\d{4}-\d{2}(-\d{2})?\s+").expect("glued date pattern is valid")
    });
    match GLUED_DATE.find(line) {
        Some(found) if word_count(&line[found.end()..]) > 2 => &line[found.end()..],
        _ => line,
    }
}

/// A line without the bars a site sets around it (`| Le Maroc intensifie ses efforts … |`).
pub(super) fn without_framing_bars(line: &str) -> &str {
    match line.strip_prefix("| ").and_then(|inner| inner.strip_suffix(" |")) {
        Some(inner) if !inner.contains(" | ") && word_count(inner) > 2 => inner.trim(),
        _ => line,
    }
}

/// What a scraper or a site puts before a headline on its line, dropped when three words or
/// more are left: a scraper's date (`date 2018-12 Cruz Roja solicita…`), a media tag
/// (`[Images] …`, `VIDEO. …`), then a release's number and a colon (`Nº 12/19: …`), an
/// agency's kicker (`Chad.- …`), a label of the page's kind and a colon (`Media Release:
/// …`; not before a dash: `News Release — …` stays), a date and a colon
/// (`4 June 2018: …`), a release number and a date (`No: 145, 16 de junio de 2023, …`) or a
/// `Text:` label (`Texto íntegro:`).
pub(super) fn without_headline_prefixes<'t>(title: &'t str) -> &'t str {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^((no\.?\s*:?\s*\d+\s*,\s*)?{}\s*[:,]|(full\s+)?(text|texte|texto)(\s+(intégral|integral|íntegro|integro|completo))?\s*:)\s+",
            day_month_year()
        ))
        .expect("headline prefix pattern is valid")
    });
    // A full date glued before a capitalised headline without a colon, or with a dash
    // (`February 8, 2021 First batch of OFWs…`, `8 février 2021 Plus de…`, `13 February, 2015 -
    // Valentine's Day: …`).
    static GLUED_FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^({}|({MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}})\s+([-–—]\s+)?",
            day_month_year()
        ))
        .expect("glued date pattern is valid")
    });
    // A release's number and a colon (`Nº 12/19: Llegan familias…`).
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(n[º°]|no\.|n\.º)\s*\d+(/\d+)?\s*:\s+").expect("release number pattern is valid")
    });
    // The page's kind and a colon or a dash (`Media Release: Two charged…`).
    static KIND: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([^:—–]{4,40}?)\s*(:|\s—|\s–)\s+").expect("kind prefix pattern is valid"));
    // A news agency's kicker, a place or a subject and `.-` (`Chad.- Las agencias…`), or its
    // region and country in capitals, the country's letters in brackets or not, and a dash
    // (`AFRICA/CHAD - Thousands…`, `AFRIQUE/CONGO (RD) - Les crises…`), before a capital.
    static WIRE_KICKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\p{Lu}[\p{L}'’ ]{1,30}\.-|\p{Lu}{2,}(\s?/\s?\p{Lu}[\p{Lu}' ]{1,30})+(\s?\(\p{Lu}{1,6}\))?\s-)\s+",
        )
        .expect("wire kicker pattern is valid")
    });
    // A media or subject tag in brackets ([`TAG_BEFORE`]: `[Images] La Marine intercepte…`,
    // `[VIDEO] …`, `[Sri Lanka Floods] Singapore Red Cross sends…`), or a medium and a full
    // stop or a colon (`VIDEO. Inondations…`), glued to the headline's capital when the
    // medium is in capitals (`VIDEO.Hautes-Alpes: …`).
    static MEDIA_TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(photos?|fotos?|pics?|pictures|v[ií]d[eé]os?|audio)\s*[.:]\s+|(?-i:^(PHOTOS?|FOTOS?|V[IÍ]D[EÉ]OS?|AUDIO)[.:](?<capital>\p{Lu}))")
            .expect("media tag pattern is valid")
    });
    // A blog theme's notice of the post shown (`You are currently viewing …`, `En este
    // momento estás viendo …`).
    static VIEWING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(you\s+are\s+currently\s+viewing|en\s+este\s+momento\s+est[aá]s\s+viendo|vous\s+consultez\s+actuellement)\s+")
            .expect("viewing notice pattern is valid")
    });
    // A flag that the story was updated, before a capital (`Updated: Armed Forces rescue…`).
    static UPDATED_FLAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(updated|actualizad[oa]|mis\s+à\s+jour)\s*:\s+(?<capital>(?-i:\p{Lu}))")
            .expect("update flag pattern is valid")
    });
    // What follows a prefix ending at `end`, when three words or more are left.
    let headline_after = |title: &'t str, end: usize| Some(&title[end..]).filter(|rest| word_count(rest) > 2);
    let title = without_scraper_date(title);
    let title = TAG_BEFORE
        .find(title)
        .map(|found| found.end())
        // After the spaces, or at the capital glued to the tag.
        .or_else(|| {
            MEDIA_TAG.captures(title).and_then(|found| {
                found
                    .name("capital")
                    .map(|capital| capital.start())
                    .or_else(|| found.get(0).map(|whole| whole.end()))
            })
        })
        .or_else(|| VIEWING.find(title).map(|found| found.end()))
        // The headline starts at its capital, which may take more than one byte (`É`).
        .or_else(|| {
            UPDATED_FLAG
                .captures(title)
                .and_then(|found| found.name("capital"))
                .map(|capital| capital.start())
        })
        .and_then(|end| headline_after(title, end))
        .unwrap_or(title);
    if let Some(rest) = NUMBER.find(title).and_then(|found| headline_after(title, found.end())) {
        return rest;
    }
    if let Some(rest) = WIRE_KICKER
        .find(title)
        .and_then(|found| headline_after(title, found.end()))
        .filter(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    {
        return rest;
    }
    if let Some(found) = KIND.captures(title) {
        let rest = found.get(0).and_then(|whole| headline_after(title, whole.end()));
        // A label of the page's kind is left out before a colon only: before a dash it is the
        // headline's own wording (`Embassy Statement – Honoring …`, `PRESS RELEASE – LIRS
        // Announces …`), as the guide has it.
        let colon = found.get(2).is_some_and(|separator| separator.as_str() == ":");
        let is_kind = |kind: &str| colon && (is_label(kind) || names_its_kind(kind));
        if let Some(rest) = rest.filter(|_| found.get(1).is_some_and(|kind| is_kind(kind.as_str()))) {
            return rest;
        }
    }
    // A section's label in capitals glued before the headline (`ACTUALITES 410 Réfugiés…`).
    if let Some((label, rest)) = title.split_once(' ') {
        let rest_opens = rest.split_whitespace().next().is_some_and(|word| !in_capitals(word));
        if in_capitals(label) && is_label(label) && rest_opens && word_count(rest) >= 4 {
            return rest;
        }
    }
    match LABEL.find(title).and_then(|found| headline_after(title, found.end())) {
        Some(rest) => rest,
        None => match GLUED_FULL_DATE.find(title) {
            Some(found)
                if word_count(&title[found.end()..]) > 3
                    && title[found.end()..].chars().next().is_some_and(char::is_uppercase) =>
            {
                &title[found.end()..]
            }
            _ => title,
        },
    }
}

/// Does `line` hold `words` with word boundaries around it?
pub(super) fn contains_words(line: &str, words: &str) -> bool {
    line.match_indices(words).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A headline without a section or place name glued to its first word with no space
/// (`IndonésieDes centaines de Rohingyas…`, `TessinNouvel afflux…`): a capitalised word of
/// five letters or more runs straight into a capitalised word of three or more, and four
/// words at least follow. Names written in two capitals (`DeSantis`, `McDonald`, `YouTube`)
/// have a shorter first part, or are written so again in the page's `lines` outside the
/// headline (`ShelterBox delivers aid…` over `ShelterBox is working to distribute tents…`).
pub(super) fn without_glued_kicker<'t>(title: &'t str, lines: &[&str]) -> &'t str {
    // A kicker of a few words whose last, in lower case, runs into the headline's capitalised
    // first word (`Crise migratoireEn 24 heures, plus de 200 migrants…`).
    static LOWER_CASE_KICKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}\S*(\s+\S+){0,2}\s+\p{Ll}{5,}(?<headline>\p{Lu}\p{Ll}+\s)")
            .expect("kicker pattern is valid")
    });
    if let Some(headline) = LOWER_CASE_KICKER
        .captures(title)
        .and_then(|found| found.name("headline"))
    {
        let rest = &title[headline.start()..];
        if word_count(rest) >= 5 {
            return rest;
        }
    }
    // Offsets are taken in the first word, so in the title from its first letter on.
    let trimmed = title.trim_start();
    let first = trimmed.split_whitespace().next().unwrap_or("");
    let mut chars = first.char_indices();
    let Some((_, opening)) = chars.next() else {
        return title;
    };
    if !opening.is_uppercase() {
        return title;
    }
    let mut letters = 1;
    for (at, c) in chars {
        if c.is_lowercase() {
            letters += 1;
            continue;
        }
        if !c.is_uppercase() || letters < 5 {
            return title;
        }
        let rest = &trimmed[at..];
        let next_word = rest.split_whitespace().next().unwrap_or("");
        let next_lowercase = next_word.chars().skip(1).take_while(|c| c.is_lowercase()).count();
        if next_lowercase < 2 || word_count(rest) < 5 {
            return title;
        }
        // A name the page writes again outside the headline's copies (told apart by the
        // headline's opening: its glued word and the next two).
        let opening: String = trimmed.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        let name = first.trim_matches(|c: char| !c.is_alphanumeric());
        let written_elsewhere = lines
            .iter()
            .any(|line| contains_words(line, name) && !line.contains(opening.as_str()));
        return if written_elsewhere { title } else { rest };
    }
    title
}

/// A Spanish or French headline without a section's or a place's kicker glued before it on
/// one line (`Cayucos hacia Canarias El mayor cayuco en diez años…`, `Selon l'ONU Le convoi
/// d'aide…`, `Seguirían las precipitaciones Hay más de 5.100 evacuados…`): an article or a
/// word that opens a sentence, capitalised inside the line and followed by a word in lower
/// case, starts the headline. Sentence case writes no such capital inside a sentence; a name
/// that opens with an article has a capital after it (`Las Raíces`, `El Hierro`, `Le HCR`).
/// The kicker is one to five words and does not end in a small word (`Mensaje de La…`); the
/// headline keeps five words at least.
pub(super) fn without_glued_section(title: &str) -> &str {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"\s(?<headline>(?:El|La|Los|Las|Un|Una|Unos|Unas|Le|Les|Une|Des|Du|Hay|Más|Miles|Cientos|Decenas|",
            r"Plus|Près|Milliers|Centaines|Dizaines|L['’]\p{L}+)\s+\p{Ll})"
        ))
        .expect("section kicker pattern is valid")
    });
    let Some(found) = OPENER.captures(title).and_then(|found| found.name("headline")) else {
        return title;
    };
    let (kicker, rest) = (title[..found.start()].trim_end(), &title[found.start()..]);
    let kicker_words: Vec<&str> = kicker.split_whitespace().collect();
    let opens_capitalised = kicker.chars().next().is_some_and(char::is_uppercase);
    let ends_in_small_word = kicker_words
        .last()
        .is_some_and(|last| SMALL_WORDS.contains(&fold(last).as_str()) || last.ends_with(['\'', '’']));
    // A kicker set off by a colon, a full stop or a dash is part of the headline (the guide
    // keeps `Niger : Les migrants…`); a glued one ends in a letter or a figure.
    let glued = kicker.chars().next_back().is_some_and(char::is_alphanumeric)
        && !kicker.contains([':', '.', '-', '–', '—', '|', ',', ';']);
    let kicker_ok = opens_capitalised && (1..=5).contains(&kicker_words.len()) && !ends_in_small_word && glued;
    if kicker_ok && word_count(rest) >= 5 {
        rest
    } else {
        title
    }
}

/// A headline without the date and source an archive writes after it, parts set off by
/// dashes (`… del 'Plan Colchane' - 11 de Febrero de 2021 - El Mercurio - Noticias - VLEX
/// 857441544`): from a dash followed by a date, when every part after it is short.
pub(super) fn without_dated_source(title: &str) -> &str {
    for (at, _) in title.match_indices(" - ") {
        let (headline, rest) = (&title[..at], &title[at + 3..]);
        let dated = DATE.find(rest).is_some_and(|date| date.start() == 0);
        if dated && word_count(headline) >= 4 && rest.split(" - ").all(|part| word_count(part) <= 5) {
            return headline.trim_end();
        }
    }
    title
}

/// Words from which a title may be a headline with its standfirst glued on.
const GLUED_STANDFIRST_WORDS: usize = 20;
/// Words at least on either side of a glued standfirst's start.
const GLUED_STANDFIRST_PART_WORDS: usize = 6;

/// A headline without its standfirst glued on in one line (`Rescatado un cayuco con casi 200
/// personas al sur de El Hierro La embarcación, detectada por…`): in a line of
/// [`GLUED_STANDFIRST_WORDS`] words or more, the standfirst starts at a capitalised article
/// that follows neither a small word (`al sur de El Hierro`, `si El Niño`) nor punctuation
/// (`… : La entidad`, `… - Le gouvernement`), with [`GLUED_STANDFIRST_PART_WORDS`] words or
/// more on either side; never in a title in capitals.
pub(super) fn without_glued_standfirst(title: &str) -> &str {
    const ARTICLES: &[&str] = &[
        "La", "El", "Los", "Las", "Un", "Una", "Unos", "Unas", "Le", "Les", "Une", "Des", "The", "A", "An",
    ];
    // Joining words besides [`SMALL_WORDS`], folded as they are.
    const JOINING: &[&str] = &[
        "e", "o", "u", "si", "como", "cuando", "sin", "sobre", "entre", "hacia", "desde", "contra", "segun", "tras",
        "ante", "bajo", "durante", "mientras", "pero", "porque", "donde", "if", "when", "while", "ou", "comme",
        "quand", "avec", "sans", "vers", "chez", "contre", "selon", "apres", "avant",
    ];
    let words: Vec<(usize, &str)> = words_at(title).collect();
    // In capitals every word is capitalised: `… UNA RESPUESTA LATINOAMERICANA A LA CRISIS`
    // holds a preposition, no article opening a standfirst.
    if words.len() < GLUED_STANDFIRST_WORDS || in_capitals(title) {
        return title;
    }
    let start = (GLUED_STANDFIRST_PART_WORDS..words.len() - GLUED_STANDFIRST_PART_WORDS).find(|&index| {
        let before = words[index - 1].1;
        let joined = fold(before.trim_end_matches(','));
        ARTICLES.contains(&words[index].1)
            && !before.ends_with([':', ';', '.', '!', '?', ',', '»', '"', '”', '-', '–', '—'])
            && !SMALL_WORDS.contains(&joined.as_str())
            && !JOINING.contains(&joined.as_str())
    });
    match start {
        Some(index) => title[..words[index].0].trim_end(),
        None => title,
    }
}

/// A headline without a date glued to its end: a feed's (`… off Djibouti: UNTue, 23 Apr 2024
/// 12:56:51 GMT`), a numeric one (`… Public Service Licence Vehicles (PSV) 5/03/19`) or a
/// weekday's (`… preparedness campaignWednesday, May 19, 2021`), or a month's or a French
/// or Spanish weekday's run into the last word (`… shipwreckApril 9, 2024`).
pub(super) fn without_glued_feed_date(title: &str) -> &str {
    static FEED_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})? (GMT|UTC|[+-]\d{4})$|\s+\d{1,2}/\d{1,2}/(\d{2}|\d{4})$|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}$",
        )
        .expect("feed date pattern is valid")
    });
    // A month's or a French or Spanish weekday's date run into the last word with no space
    // (`… die in shipwreckApril 9, 2024`, `… à KaleheLundi 27 Octobre 2014 - 15:45`), and
    // whatever the scraper ran on after it.
    static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"\p{Ll}(?<date>(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}",
            r"|(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo) \d{1,2}( de)? \p{L}+( de)? \d{4}( - \d{1,2}[:h]\d{2})?)"
        ))
        .expect("glued date pattern is valid")
    });
    let start = match (
        FEED_DATE.find(title),
        GLUED_DATE.captures(title).and_then(|found| found.name("date")),
    ) {
        (Some(found), _) => found.start(),
        (None, Some(date)) => date.start(),
        (None, None) => return title,
    };
    if word_count(&title[..start]) > 2 {
        &title[..start]
    } else {
        title
    }
}

/// A headline without the language tags a site puts after it (`… displaced people [EN/AR]`,
/// a link to the English page: `… aide d’urgence en Haïti [en]`).
pub(super) fn without_language_tags(title: &str) -> &str {
    static TAGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\s*\[([A-Z]{2}(/[A-Z]{2})*|[a-z]{2}(/[a-z]{2})*|中文|简体中文|繁體中文|English|Français|Español|Deutsch|Português|Русский|العربية|日本語|한국어)\])+$")
            .expect("language tags pattern is valid")
    });
    TAGS.find(title).map_or(title, |found| &title[..found.start()])
}

/// A headline without a tag in square brackets at its end, of four words at most (`…
/// outbreak [AGENCY PRESS RELEASE]`, a footnote's number `[1]`, `[VIDEO]`), or a medium in
/// parentheses (`… engulfs Philippines (PHOTOS)`, `… (+ b-roll)`, `… (cartes)`), or a date in
/// parentheses (`… (09/03/2007)`, `… (19.08.20)`, `… (25 June 2021)`, `… (20 juin 2017)`; not a
/// periodic report's: `Situation Report (25 February 2023)`), or a source's acronym (`… (HCR)`,
/// `… (AFP)`; not one the words before spell), when three words or more are left: a
/// headline's own words are not bracketed so.
pub(super) fn without_bracketed_tag(title: &str) -> &str {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\s*(\[([^\[\]]{{1,40}})\]|\(\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\)|(?<written>\((?i:{}|({MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\))|\((?<source>\p{{Lu}}{{2,6}})\)|\((\+\s*)?((?i)photos?|fotos?|pictures?|v[ií]d[eé]os?|audio|live|en vivo|en direct|graphics?|maps?|mapas?|cartes?|b-roll|infographics?|infographies?|infograf[ií]as?|podcast|diaporama|galerie|galer[ií]a)\))$", day_month_year()))
            .expect("bracketed tag pattern is valid")
    });
    // A periodic report's date names its issue (`Syria: Situation Report (25 February 2023)`).
    let names_an_issue = |rest: &str| {
        rest.rsplit(|c: char| !c.is_alphanumeric())
            .find(|word| !word.is_empty())
            .is_some_and(|word| ISSUE_WORDS.contains(&fold(word).as_str()))
    };
    // A source's acronym (`… en Méditerranée (HCR)`), not the acronym of the words before it
    // (`… the International Organization for Migration (IOM)`).
    let spelt_before = |acronym: &str, before: &str| {
        let initials: String = before
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        initials.ends_with(acronym)
    };
    TAG.captures(title)
        .filter(|found| found.get(2).is_none_or(|tag| word_count(tag.as_str()) <= 4))
        .filter(|found| {
            found
                .name("written")
                .is_none_or(|date| !names_an_issue(&title[..date.start()]))
        })
        .filter(|found| {
            found
                .name("source")
                .is_none_or(|source| !spelt_before(source.as_str(), &title[..source.start()]))
        })
        .and_then(|found| found.get(0))
        .map(|found| &title[..found.start()])
        .filter(|rest| word_count(rest) > 2)
        .unwrap_or(title)
}

/// Last words of a periodic report's title, whose date in brackets names the issue (folded).
const ISSUE_WORDS: &[&str] = &[
    "report",
    "update",
    "bulletin",
    "snapshot",
    "overview",
    "dashboard",
    "sitrep",
    "factsheet",
    "sheet",
    "brief",
    "digest",
    "rapport",
    "informe",
    "boletin",
    "actualizacion",
    "reporte",
];

static SLASH_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}{2,}[\p{Lu}\d.&-]*(\s+(Photo|Foto))?/\p{L}[\p{L}\d.-]*(/[\p{L}\d.-]+)?(\s+\p{Lu}[\p{L}.'-]*){0,3}$",
    )
    .expect("credit pattern is valid")
});

/// Words of a post in a byline, in EN/FR/ES (folded).
const POSTS: &[&str] = &[
    "secretary",
    "director",
    "minister",
    "president",
    "commissioner",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "coordinator",
    "chief",
    "head",
    "ambassador",
    "envoy",
    "secretaire",
    "directeur",
    "directrice",
    "ministre",
    "presidente",
    "porte-parole",
    "representant",
    "representante",
    "coordonnateur",
    "coordonnatrice",
    "secretario",
    "secretaria",
    "directora",
    "ministro",
    "ministra",
    "portavoz",
    "coordinador",
    "coordinadora",
    "jefe",
    "jefa",
    "embajador",
    "embajadora",
    "ambassadeur",
    "haut-commissaire",
    "commissaire",
];

/// A byline: a name, a comma, a post (`António Guterres, Secretary-General`, `Amy Pope,
/// Directora General de la OIM`), or a post, a comma, a name (`Director Ejecutivo de la
/// Oficina de las Naciones Unidas contra la Droga y el Delito, Yury Fedotov`), or a
/// statement's sender under its headline (`From Jane Roe, UNICEF Regional Director for West
/// and Central Africa`).
fn is_byline(line: &str) -> bool {
    post_then_name(line)
        || name_then_post(line, POST_WORDS)
        || line
            .strip_prefix("From ")
            .is_some_and(|sender| name_then_post(sender, SENDER_POST_WORDS))
}

/// Most words of a post after the name it belongs to…
const POST_WORDS: usize = 9;
/// …and after a statement's sender, which names the office's region (`UNICEF Regional
/// Director for West and Central Africa and the Gulf of Guinea`).
const SENDER_POST_WORDS: usize = 12;

/// A post opening with its title, a comma and a proper name of two to four words ending the
/// line.
fn post_then_name(line: &str) -> bool {
    let Some((post, name)) = line.rsplit_once(", ") else {
        return false;
    };
    let opens_with_post = post
        .split_whitespace()
        .next()
        .is_some_and(|word| fold(word).split('-').any(|part| POSTS.contains(&part)));
    // A post is written as a title: capitalised words and small ones (`Secretary meets
    // refugees in Cox's Bazar, Chittagong Division` is a headline).
    let titled = post.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || POST_SMALL_WORDS.contains(&fold(word).as_str())
    });
    // A name is written in Title Case: a headline in capitals that runs on after commas
    // (`SECRETARY-GENERAL, IN MESSAGE TO MARK MIGRANTS' DAY, STRESSES ROLE`) is no byline.
    let name_words: Vec<&str> = name.split_whitespace().collect();
    opens_with_post
        && titled
        && !post.contains(", ")
        && word_count(post) <= POST_THEN_NAME_WORDS
        && (2..=4).contains(&name_words.len())
        && !name.ends_with(['.', '!', '?'])
        && name_words
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase))
}

/// Most words of a post before the name it belongs to.
const POST_THEN_NAME_WORDS: usize = 16;
/// Small words inside a post's title, in EN/FR/ES (folded).
const POST_SMALL_WORDS: &[&str] = &[
    "of", "the", "for", "and", "on", "to", "de", "la", "le", "les", "du", "des", "d", "l", "pour", "et", "el", "los",
    "las", "del", "y", "para", "contra", "en",
];

/// [`is_byline`]'s name, comma, post.
fn name_then_post(line: &str, max_post_words: usize) -> bool {
    let Some((name, post)) = line.split_once(", ") else {
        return false;
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    // "In Kenya, Director … Opens Camp" is a headline opened by a phrase, not a name.
    let opens_phrase = name_words.first().is_some_and(|word| {
        matches!(
            fold(word).as_str(),
            "in" | "at"
                | "on"
                | "for"
                | "from"
                | "as"
                | "after"
                | "the"
                | "en"
                | "dans"
                | "pour"
                | "a"
                | "le"
                | "la"
                | "les"
                | "el"
                | "los"
                | "las"
                | "con"
                | "para"
                | "tras"
        )
    });
    let proper_name = (2..=4).contains(&name_words.len())
        && !opens_phrase
        && name_words
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase));
    let post = fold(post);
    proper_name
        && word_count(&post) <= max_post_words
        && post
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .flat_map(|word| word.split('-'))
            .any(|word| POSTS.contains(&word))
}

/// The UN's notice on an information service's page (folded text).
static UN_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(for information (only|purposes only)|pour information|a des fins d'information|solo para (fines de )?informacion|para informacion)\b.*\b(official (document|record)|document (non )?officiel|documento (no )?oficial)")
        .expect("UN notice pattern is valid")
});

/// A site's account of itself as a service of its owner (`Informing humanitarians worldwide
/// 24/7 — a service provided by UN OCHA`; folded text).
static SERVICE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\ba service (provided|brought to you|run|operated) by\b|\bun service (propose|fourni|gere) par\b|\bun servicio (prestado|proporcionado|ofrecido) por\b")
        .expect("service pattern is valid")
});

/// A notice that a story comes from an agency's feed, published as it came (`Noticia servida
/// automáticamente por la agencia`, `… se publica en esta web de manera automática …`);
/// folded text.
static FEED_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(servid[ao]s?|se publica|publicad[ao]s?|served|published|provided|fournie?s?|publiee?s?)\b[^.]{0,60}\b(automaticamente|de (manera|forma) automatica|automatically|automatiquement|de (maniere|facon) automatique)\b")
        .expect("feed notice pattern is valid")
});

/// A prompt to join the site's messaging channel, to sign in to it, to follow its live blog
/// (`Live updates: follow the latest news on …`) or to watch its live stream (`Watch LIVE:
/// Minister holds news conference`) (folded text).
static SITE_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(join|follow|rejoignez|suivez|unete|siguenos)\b.*\b(whatsapp|telegram|facebook|twitter|instagram|youtube)\b|^get the latest (news|updates|headlines)\b|^live (updates|blog)\s*:\s*follow\b|^watch( it)? live\s*:|\b(sign in|log in|inicia sesion|iniciar sesion|identificarte|(ingrese|ingresa|acceda|accede) a (su|tu) cuenta|connectez-vous|se connecter|create an account|creer un compte)\b|^(registrate|suscribete|inscribete|sign up|subscribe|inscrivez-vous|abonnez-vous)\b.{0,40}\b(para recibir|to receive|to get|pour recevoir)\b")
        .expect("site prompt pattern is valid")
});

/// A photo's alternative text opening with what it is a photo of, a caption opening with
/// `In this photo` (`In this photo released by the agency, rescuers …`), and a caption's
/// label glued to its text (`Media captionMigrants are living …`).
static PHOTO_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((Photo|Photos|Image|Picture|Foto|Fotos|Imagen) (of|de|du|des|del) \S|In this (photo|image|picture)\b|(Media|Image) caption\s*\S)")
        .expect("photo-of pattern is valid")
});

/// A photo caption's credit, opening the line or a sentence of it, or after a bar (`… à
/// Conakry. Photo : Mobilité Guinée`, `… entre junio y julio / Foto: cortesía …`, `Credits:
/// Caritas Manila`); `Accès au crédit : …` is not one.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[.!?»”)/|–]\s+)\(?((file|archive|archivo|archives?)\s+)?(photos?|fotos?|pictures?|images?|imagen|cr[ée]dits?(\s+photos?)?|photo\s+credits?|cr[ée]dito\s+(de\s+)?foto)(\s+(tomada\s+de|taken\s+from|tir[ée]e\s+de))?\s*:\s*\S|[.!?]\s+credits?\s*:\s*\S")
        .expect("caption pattern is valid")
});

/// A byline opening with a name: `By`/`Por`/`Par` and two capitalised words, no full stop.
static NAMED_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(By|Por|Par)\s+\p{Lu}[\p{L}'’.-]+\s+\p{Lu}[\p{L}'’-]+[^.]*$").expect("named byline pattern is valid")
});

/// A statement's speaker: the statement's kind, `from`/`by`/`de`, a capitalised name of two
/// words or more and, after a comma, the speaker's office (`Statement from Michelle Nunn,
/// President and CEO of CARE`, `Déclaration de Filippo Grandi, Haut Commissaire…`).
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Statement|Remarks|Message|Speech|Déclaration|Allocution|Discours|Declaración|Mensaje|Discurso)\s+(from|by|de|du|del)\s+\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+)+,\s")
        .expect("attribution pattern is valid")
});

/// A line opening with a statement's kind and its sender (`Statement by Mercy Corps CEO Jane
/// Roe`): never the end of a headline wrapped onto it.
static SENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Statement|Remarks|Message|Speech|Déclaration|Allocution|Discours|Declaración|Mensaje|Discurso)\s+(from|by|de|du|del)\s+\p{Lu}")
        .expect("sender pattern is valid")
});

/// Whether `line` opens with a statement's kind and its sender.
pub(super) fn opens_with_sender(line: &str) -> bool {
    SENDER.is_match(line)
}

/// A date on a line of its own, with at most three other words (`Publicado 22 May 2018`,
/// `NIAMEY, NIGER, 1 – 3 Février 2022`).
pub(super) fn is_date_line(line: &str) -> bool {
    is_folded_date_line(&fold(line), word_count(line))
}

/// [`is_date_line`] of a line already folded, of `words` words. A date in brackets closing
/// words is the title's own (`Syria: Situation Report (25 February 2023)`), not a date line.
fn is_folded_date_line(folded: &str, words: usize) -> bool {
    // A weekday is part of the date, wherever it stands (`The Daily 11 June 2024, Tuesday`).
    let besides_date = DATE.replace_all(folded, " ");
    let other_words = besides_date
        .split_whitespace()
        .filter(|word| {
            word.chars().any(char::is_alphabetic)
                && !WEEKDAYS.contains(&word.trim_matches(|c: char| !c.is_alphabetic()))
        })
        .count();
    (words <= 8 && DATE.is_match(folded) && other_words <= 3 && !titled_with_bracketed_date(folded))
        || is_dated_place_line(folded, words)
}

/// Words, then a date in brackets that ends the line.
fn titled_with_bracketed_date(folded: &str) -> bool {
    let line = folded.trim_end();
    let Some(inside) = line.strip_suffix(')') else {
        return false;
    };
    inside.rfind('(').is_some_and(|open| {
        DATE.find(&inside[open + 1..]).is_some_and(|date| date.start() <= 1) && lettered_words(&inside[..open]) >= 2
    })
}

/// A release's date line with its place and office set off by dashes or commas (`Le 3 mai
/// 2021 – Québec (Québec) – Bureau du ministre`, `June 2, Ottawa, Ontario –Department of
/// Foreign Affairs`): the date opens it (after a weekday, maybe), then two parts or more of four
/// words at most each, or an observance's name (`Wednesday December 10th, 2008, Human Rights Day`).
fn is_dated_place_line(folded: &str, words: usize) -> bool {
    static PARTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s[–—-]|[–—,]").expect("date line separator pattern is valid"));
    if words > 14 {
        return false;
    }
    let Some(date) = DATE.find(folded) else {
        return false;
    };
    let before = folded[..date.start()].trim().trim_end_matches(',');
    if !matches!(before, "" | "le" | "el" | "the" | "on") && !WEEKDAYS.contains(&before) {
        return false;
    }
    // Set off by bars, one short part is enough (`Thursday 15 January 2015 | Published in
    // Regional`).
    let after_date = folded[date.end()..].trim_start_matches([',', ' ']);
    let after_year = after_date.trim_start_matches(|c: char| c.is_ascii_digit());
    let after_date = if after_date.len() - after_year.len() == 4 {
        after_year
    } else {
        after_date
    };
    if let Some(after_bar) = after_date.trim_start().strip_prefix('|') {
        return after_bar.split('|').all(|part| lettered_words(part) <= 4);
    }
    let parts: Vec<&str> = PARTS
        .split(&folded[date.end()..])
        .map(str::trim)
        .filter(|part| lettered_words(part) > 0)
        .collect();
    let observance = |part: &&str| part.ends_with(" day") || part.starts_with("journee ") || part.starts_with("dia ");
    (parts.len() >= 2 || parts.iter().any(observance)) && parts.iter().all(|part| lettered_words(part) <= 4)
}

/// Days of the week in EN/FR/ES, folded.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
];

/// Does the line name an observance (`Día Mundial contra la Trata de Personas`, `World
/// Refugee Day`, `Journée internationale des migrants`), as a kicker over a headline does?
pub(super) fn names_observance(line: &str) -> bool {
    let folded = fold(line);
    [
        "dia mundial",
        "dia internacional",
        "journee mondiale",
        "journee internationale",
        "international day",
    ]
    .iter()
    .any(|opening| folded.starts_with(opening))
        || (folded.starts_with("world ") && folded.contains(" day"))
}

/// An organization's account of itself: its name (and acronym) and `is an …organisation`,
/// `es una organización…`, `est une organisation…` (an "about us" block, not a release).
static SELF_DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(The |El |La |Le |L['’])?\p{Lu}[\p{L}'’-]*(\s+(\p{Lu}[\p{L}'’-]*|of|for|on|the|de|del|al|para|pour|la|las|los|des|du|au|aux|à|y|et|and))*(\s+\([^)]{1,60}\))?\s+(is|es|est)\s+(an?|una?|une)\s+([\p{L}-]+\s+){0,4}(organi[sz]ation|organización|organisation|ONG|NGO|charity|agency|agencia|agence)\b")
        .expect("self-description pattern is valid")
});

/// Does the paragraph open with an organization's account of itself ([`SELF_DESCRIPTION`])?
pub(super) fn is_self_description(paragraph: &str) -> bool {
    SELF_DESCRIPTION.is_match(paragraph)
}

/// Is `line` a statement's speaker ([`ATTRIBUTION`]) and no more? A statement's headline goes
/// on to its occasion or subject (`Statement by Henrietta Fore, UNICEF Executive Director, to
/// UNHCR Executive Committee`).
pub(super) fn is_attribution(line: &str) -> bool {
    const SUBJECT: [&str; 9] = [
        " on ", " to ", " at ", " about ", " sur ", " à ", " au ", " sobre ", " ante ",
    ];
    ATTRIBUTION.is_match(line) && !SUBJECT.iter().any(|word| line.contains(word))
}

/// A byline: `By` and anything, or `Por`/`Par` and a capitalised name.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(By:?\s|(Por|Par)\s*:?\s+\p{Lu}|(?i:reporter|author|auteure?|autora?|redacci[oó]n|r[ée]daction|written\s+by|(media|press|news)\s+release\s+by)\b)",
    )
    .expect("byline pattern is valid")
});

/// The office a release comes from, on a line of its own: its kind and `by` an office (not a
/// person: `Press Statement by U.S. Ambassador …` is a headline), or an office alone in Title
/// Case (`Office of the Spokesperson`, `Bureau of Population, Refugees,
/// and Migration`).
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?i:press|media|news)\s+(?i:release|statement|note)\s+(?i:by|from)\s+(the\s+)?(Office|Bureau|Department|Ministry|Embassy|Mission|Secretariat)\b.*|(Office|Bureau)\s+of(\s+(the|and|for|of|on|\p{Lu}[\p{L}.'’-]*,?))+)$",
    )
    .expect("issuer pattern is valid")
});

/// Words at most of a release's kind and issuer in capitals on a line of their own
/// (`COMMUNIQUE CONJOINT DU MINISTERE DES AFFAIRES ETRANGERES ET EUROPEENNES ET DU MINISTERE DE
/// LA DEFENSE`); in lower case, eight (`Comunicado de la Agencia: Llegan familias…` is a
/// headline).
const ISSUER_LABEL_WORDS: usize = 16;

/// A French or Spanish release's kind and its issuer and no more (`COMMUNIQUÉ DU SECOURS
/// ISLAMIQUE FRANCE (SIF)`, `Comunicado de la Cancillería`, `Communiqué conjoint du ministère …`): a headline goes on to its subject
/// (`Comunicado de la OMS sobre el brote…`).
fn is_issuer_label(line: &str) -> bool {
    static KIND_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(communiqu[ée](\s+conjoint)?(\s+de\s+presse)?|comunicado(\s+conjunto)?(\s+de\s+prensa)?)\s+(du|des|de\s+la|de\s+l['’]|del|de\s+los|de\s+las)\s*\S")
            .expect("issuer label pattern is valid")
    });
    const SUBJECT: [&str; 8] = [
        " sur ",
        " à ",
        " concernant ",
        " sobre ",
        " ante ",
        " para ",
        " pour ",
        " relatif ",
    ];
    let lower = line.to_lowercase();
    KIND_OF.is_match(line) && !SUBJECT.iter().any(|word| lower.contains(word))
}

/// A release's kind and its date (`Communiqué de presse du ministre de l'Intérieur en date du
/// 16 février 2016`, `Press release – 3 May 2021`): a label, not a headline.
static DATED_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(communiqu[ée]\s+de\s+presse|press\s+release|news\s+release|media\s+release|comunicado\s+de\s+prensa|nota\s+de\s+prensa)\b")
        .expect("dated kind pattern is valid")
});

/// A time of day (`8:46 am`, `12:00:00 AM`, `14h30`).
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,2}([:.]\d{2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|h)?|h\d{2})\b").expect("clock pattern is valid")
});

/// A view counter (`This news has been read 6151 times!`, `lu 320 fois`, `leído 85 veces`,
/// `109 internautes qui consultent des articles`).
static VIEWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(read|viewed|lu|leido|visto)\s+\d[\d,. ]*\s+(times|fois|veces)\b|\b\d[\d,. ]*\s+(internautes|visitors|visitantes|usuarios)\s+(qui\s+consultent|(are\s+)?(reading|online|browsing)|(que\s+)?(leen|consultan|en\s+linea))\b")
        .expect("views pattern is valid")
});

/// A notice of a story's age, on folded text.
static STORY_AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^this ((story|article|report) (is|was) (from|published)\b|(content )?was published\b|(story|article|report) is (over|more than) \d+ (years?|months?) old$)")
        .expect("story age pattern is valid")
});

/// A notice that the page is kept as an archive (`Archived page: may contain outdated
/// information!`, `Page archivée`, `Página archivada`), on folded text.
static ARCHIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(this (web ?)?(page|content|article) (is|has been) archived|archived (page|content|article|news)|page archivee|contenu archive|pagina archivada|contenido archivado)\b")
        .expect("archived notice pattern is valid")
});

/// A notice, in a sentence, that an archive's pages may be out of date (`the archive contains
/// outdated information that may not reflect current policy`), on folded text.
static OUTDATED_ARCHIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\barchives? (contains?|holds?) (outdated|old|historical) (information|content)|\bmay not reflect current (policy|policies|information|programs|programmes)\b")
        .expect("outdated archive pattern is valid")
});

/// A caption's closing date after a comma and `le`/`on`/`el`, with its year, on folded text.
static DATED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r",\s+(le|on|el)\s+(\d{{1,2}}(st|nd|rd|th|er)?\s+(de\s+)?({MONTHS})|({MONTHS})\s+\d{{1,2}}(st|nd|rd|th)?),?\s+(de\s+)?\d{{4}}$"
    ))
    .expect("dated caption pattern is valid")
});

/// A notice about the reader's browser (`Votre navigateur internet n'est pas à jour.`).
static OLD_BROWSER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(browsers?|navigateurs?|navegador(es)?)\b").expect("browser notice pattern is valid")
});

/// A date, a colon and an observance's name (folded text).
static OBSERVANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\d{{1,2}}(st|nd|rd|th|er)?\s+(de\s+)?({MONTHS})(\s+(de\s+)?\d{{4}})?\s*:\s*((international|world)\s+\w+\s+day|(international|world)\s+day|dia\s+(internacional|mundial)|journee\s+(internationale|mondiale))\b"
    ))
    .expect("observance pattern is valid")
});

/// Words at most of an observance's label (`International Day of Zero Tolerance for Female
/// Genital Mutilation (6 February)` has eleven).
const OBSERVANCE_WORDS: usize = 12;

/// A day named in brackets at the end of a line (`International Day of … (25 November)`):
/// an observance's label. Not with a year: a report's title gives its date so
/// (`North-West Syria: Situation Report (25 February 2023)`).
static BRACKETED_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\(\s*\d{{1,2}}\s+(de\s+)?({MONTHS})\s*\)\s*$")).expect("bracketed day pattern is valid")
});

/// Buttons on a line of their own: share, print, tweet, loading, a search box, back to the
/// top, a cookie notice's consent.
/// A shop's cart widget on a charity's page: its subtotal, or the cart said to be empty.
static CART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(subtotal|sous-total)\s*:|\b(no\s+products\s+in\s+the\s+cart|your\s+cart\s+is\s+empty|votre\s+panier\s+est\s+vide|(tu|su)\s+carrito\s+est[áa]\s+vac[íi]o)\b")
        .expect("cart pattern is valid")
});

static BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(share|partager|compartir|pin\s+it|listen(\s+to)?|[ée]couter|escuchar|print|imprimer|imprimir|tweet|email|e-mail|loading|chargement|cargando|donate|fai(re|tes)\s+un\s+don|donar|dona\s+ahora|search|rechercher|buscar|scroll\s+(to\s+)?top|back\s+to\s+top|top\s+of\s+(the\s+)?page|haut\s+de\s+(la\s+)?page|retour\s+en\s+haut|volver\s+arriba|ir\s+arriba|j['’]ai\s+compris|accept(er)?|aceptar)\b",
    )
    .expect("button pattern is valid")
});

/// A seal's alternative text: `Seal` among capitalised words (`Department of Health Seal`,
/// `Seal of the President`); a headline's `seal` is a verb in sentence case (`Police seal off …`).
fn is_seal(line: &str) -> bool {
    line.split_whitespace().any(|word| word == "Seal")
        && line
            .split_whitespace()
            .all(|word| word.chars().next().is_some_and(|c| !c.is_lowercase()) || SMALL_WORDS.contains(&word))
}

/// A share button naming its network (`Share on`, `Partager sur`, `Compartir en`), or the one that mails the story
/// (`Enviar noticia por correo electrónico`, `Envoyer par e-mail`).
static SHARE_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((share|partager|compartir)\s+(on|via|sur|par|en|por)\s+\S|(enviar|envoyer|send|e-?mail)\b.{0,30}\b(por|par|by|via)\s+(correo|e-?mail|courriel|mail)\b)")
        .expect("share button pattern is valid")
});

/// A line of two share buttons or more and nothing else: networks, `Email`, `Copy Link`.
fn is_share_row(line: &str) -> bool {
    const BUTTONS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "pinterest",
        "email",
        "e-mail",
        "mail",
        "reddit",
        "whatsapp",
        "telegram",
        "instagram",
        "youtube",
        "tiktok",
        "messenger",
        "tumblr",
        "vk",
        "print",
        "copy",
        "link",
        "share",
    ];
    // Read word by word, so that a line of prose is given up at its first word.
    let (mut buttons, mut networks) = (0, 0);
    for word in line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | ','))
        .filter(|word| !word.is_empty())
    {
        let word = word.to_lowercase();
        if !BUTTONS.contains(&word.as_str()) {
            return false;
        }
        buttons += 1;
        if !matches!(word.as_str(), "copy" | "link" | "share" | "print") {
            networks += 1;
        }
    }
    buttons >= 2 && networks >= 2
}

/// Words at most of a teaser with its link glued on; a paragraph of the release may end with
/// a link too (`… the director said on Monday. Read More>>`).
const TEASER_WORDS: usize = 25;

/// A link to read a story glued to the end of its teaser.
static TEASER_LINK_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\S\s+(read (the )?(full )?(story|article)|read more|lire la suite|lire plus|lire l'article|leer m[áa]s|seguir leyendo)\W*$")
        .expect("teaser link pattern is valid")
});

/// A request to turn off an ad blocker.
static AD_BLOCKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(bloqueur de publicit[ée]s?|ad[ -]?blocker|adblock|bloqueador de (anuncios|publicidad))\b")
        .expect("ad blocker pattern is valid")
});

/// A rating's stars, as a widget's text gives them.
static RATING_STARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(star\s*(active|inactive|empty|full|half)\s*){2,}$").expect("rating stars pattern is valid")
});

/// A caption's last sentence followed by its credit's label and the credit.
static CAPTION_CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[.!?»”]\s+((photograph|photo|picture|image|foto|fotograf[ií]a|photographie|photo credit|cr[ée]dit photo)s?\s*:|(photograph|photo|foto|photographie) (by|de|par))\s*\S[^.]{0,60}$|\.\s*\((file |archive )?(photo|picture|image|foto)\)$")
        .expect("caption credit label pattern is valid")
});

/// A press office's name on its own line (`Oficina de Prensa y Comunicación de la CIDH`,
/// `Service de presse du …`).
static PRESS_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(oficina|direcci[oó]n|bureau|service|direction|office)\s+(de\s+)?(prensa|presse|comunicaci[oó]n|communication|press)\b")
        .expect("press office pattern is valid")
});

/// A byline that says who wrote the story, or in which section it was written (`Written by
/// Jane Roe Published on …`, `Escrito en NACIONAL el`).
static WRITTEN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?i:written|posted) by \p{Lu}|(?i:escrito|publicado) en \S+ el\b)")
        .expect("written by pattern is valid")
});

/// A programme's label with its code (`Emergency Medical Response - 080676 International Crisis
/// Response`): capitalised words and a number of six figures or more.
fn is_project_code(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|word| *word != "-" && *word != "–")
        .collect();
    words
        .iter()
        .any(|word| word.len() >= 6 && word.chars().all(|c| c.is_ascii_digit()))
        && words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// A link to more about a body or a subject (`Más sobre la CIDH`, `More about UNHCR`).
static MORE_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(more (about|on)|m[áa]s (sobre|acerca de)|en savoir plus sur|plus sur)\s")
        .expect("more about pattern is valid")
});

/// A site's usual menu entries and buttons, and the names of its other languages.
static MENU_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(home|about( us)?|faq|site ?map|contact( us)?|mailing lists?|log ?in|sign ?in|subscribe|accueil|plan du site|nous contacter|inicio|mapa del sitio|contacto|english|français|español|العربية|(email|e-mail|print|share) this (article|page|story)|rss)\b")
        .expect("menu entry pattern is valid")
});

/// A site's switch between its themes (`Light mode Dark mode Mode sombre`).
static THEME_SWITCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((light|dark|clair|sombre|claro|oscuro|mode|modo|theme|thème|tema)\b[\s/|]*)+$")
        .expect("theme switch pattern is valid")
});

/// A masthead's slogan with its founding year (`L'ACTUALITÉ DEPUIS 1929`, `News since 1851`).
static SINCE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(since|depuis|desde)\s+1[6-9]\d\d$").expect("founding year pattern is valid"));

/// A notice of where the story was first published (`L'article provient de Le Journal de
/// Montréal`, `This article originally appeared on …`).
static FIRST_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^((l'|l’|cet )article provient d|this (article|story) (originally |first )?(appeared|was (first |originally )?published)\b|(el|este) art[ií]culo (proviene d|(apareci[oó]|se public[oó]) (originalmente )?en\b))",
    )
    .expect("first published pattern is valid")
});

/// A news site's description of itself (`Latest news and today's news from Malawi`).
static SITE_NEWS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(latest|breaking) news (and|from|on|in)\b|^derni[eè]res (nouvelles|infos) (de|du|des|sur)\b|^[uú]ltimas noticias (de|del|sobre)\b")
        .expect("site description pattern is valid")
});

/// A map's caption (`La carte du Bénin`, `Map of the region`).
static MAP_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(la |the )?(carte|map|mapa)\s+(du|de la|de l'|de l’|des|de|of|of the|del)\b")
        .expect("map caption pattern is valid")
});

/// A news site's plea for its readers' support.
static READER_SUPPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(readers like you|keep (news|journalism) free|support (our|independent) journalism|help keep paywalls away)\b")
        .expect("reader support pattern is valid")
});

/// A paywall's notice that the story is for subscribers.
static PAYWALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(exclusiv[oa]s?\s+para\s+suscriptores|r[ée]serv[ée]e?s?\s+aux\s+abonn[ée]s|(for|to)\s+subscribers\s+only|exclusive\s+to\s+subscribers|subscriber-only|subscribers-only|\d+(\s*/\s*\d+)?\s+(free\s+articles?|articles?\s+gratuits?|art[ií]culos?\s+(gratuitos?|gratis))|free\s+articles?\s+(left|remaining))\b")
        .expect("paywall pattern is valid")
});

/// One word in lower-case ASCII letters joined by hyphens or underscores (`facebook-pixel`,
/// `main_menu`): a name in a page's code, never a line of its text.
fn is_code_name(line: &str) -> bool {
    let line = line.trim();
    !line.contains(char::is_whitespace)
        && line.contains(['-', '_'])
        && line
            .split(['-', '_'])
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Is `line` one text twice, glued or a space apart (`Food and Agriculture Organization of the
/// United NationsFood and Agriculture Organization of the United Nations`)?
fn is_doubled(line: &str) -> bool {
    let half = line.len() / 2;
    if half < 8 {
        return false;
    }
    [(half, half), (half, half + 1)].iter().any(|&(end, start)| {
        line.is_char_boundary(end)
            && line.is_char_boundary(start)
            && line[end..start].trim().is_empty()
            && line[..end] == line[start..]
    }) || is_repeated(line)
}

/// Is `line` one text given three or four times, glued or a space apart (`Why trust The Daily
/// PaperWhy trust The Daily Paper Why trust The Daily Paper`)?
fn is_repeated(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    (3..=4).any(|times| {
        letters.len().is_multiple_of(times)
            && letters.len() / times >= 8
            && letters
                .chunks(letters.len() / times)
                .all(|chunk| chunk == &letters[..letters.len() / times])
    })
}

/// A postal address: a street number, a street and a postcode, on folded text.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,5}[a-z]?,?\s.*\b(street|st|avenue|ave|road|rd|boulevard|blvd|lane|rue|calle|avenida|chemin|plaza)\b.*\b\d{4,6}\b")
        .expect("address pattern is valid")
});

/// A coat of arms' or an emblem's alternative text, on folded text.
static COAT_OF_ARMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(escudo (de|del|nacional)|coat of arms|emblem of|armoiries|logotipo)\b")
        .expect("coat of arms pattern is valid")
});

/// What a cookie notice asks, says or is named, on folded text.
static COOKIE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(accept|acept|consent|navigat|naveg|utilis|usamos|utilizamos|we use|this site|ce site|este sitio|polic|politi|regles|reglas|settings|parametr|configura|preferen|notice|aviso|confidential|privacy|privacidad)")
        .expect("cookie notice pattern is valid")
});

/// A news feed's link (`RSS Feed Icon RSS Feed for Recent Press Releases`, `Flux RSS`).
static RSS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(rss|flux rss|fil rss)\b|\brss\s+(feed|icon)\b").expect("rss pattern is valid"));

/// A download link on a line of its own (`Descargar Acción Humanitaria para la Infancia 2021,
/// aquí`, `Download the full report (PDF)`).
static DOWNLOAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(download|t[ée]l[ée]charger|descargar)\b").expect("download pattern is valid"));

/// A notice that the page was updated (`This Press Note has been updated on 31/01/2019`,
/// `Mis à jour le 3 mars 2020`, `Actualizado el 2 de mayo`). `Updated:` before a date is
/// [`CHROME`]'s, which [`is_boilerplate`] reads first; before a headline it is a flag
/// (`Updated: Armed Forces rescue…`, cut by [`without_headline_prefixes`]).
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(this (press (note|release)|page|story|article|statement) (has been|was) updated|last updated|updated on|mise? à jour (le|:)|derni[èe]re mise à jour|actualizad[oa] (el|:)|última actualización)",
    )
    .expect("update pattern is valid")
});

/// An image's file name or id left as a line (`2587580973 76dbba7b68 o`): a long run of
/// hexadecimal digits, most of them figures.
fn is_image_id(line: &str) -> bool {
    word_count(line) <= 6
        && line.split_whitespace().any(|word| {
            word.len() >= 8
                && word.chars().all(|c| c.is_ascii_hexdigit() || c == '_' || c == '-')
                && word.chars().filter(char::is_ascii_digit).count() >= 4
        })
}

/// Words a label ending on a colon has at most.
const LABEL_WORDS: usize = 4;

/// A headline with its date after a dash, ending the line (`… - August 31, 2024`).
static LISTED_WITH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\S \s*[-–—]\s+({MONTHS})\.? \d{{1,2}}, \d{{4}}$|\S \s*[-–—]\s+\d{{1,2}} ({MONTHS})\.? \d{{4}}$"
    ))
    .expect("listed date pattern is valid")
});

/// A document's reference code on a line of its own (`AA 04 017`, `PR/2004/17`): capitals and
/// numbers only, a number among them, no word of four letters or more.
fn is_reference_code(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .filter(|token| !token.is_empty())
        .collect();
    (2..=5).contains(&tokens.len())
        && tokens.iter().any(|token| token.chars().all(|c| c.is_ascii_digit()))
        && tokens.iter().any(|token| token.chars().any(|c| c.is_ascii_uppercase()))
        && tokens.iter().all(|token| {
            token.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                && (token.len() <= 3 || token.chars().all(|c| c.is_ascii_digit()))
        })
}

/// A menu entry: a short line opened by a bullet.
fn is_bullet(line: &str) -> bool {
    let opened = ["- ", "• ", "» ", "· ", "* ", "> ", "| ", "› ", "+ "]
        .iter()
        .any(|bullet| line.starts_with(bullet));
    opened && word_count(line) <= 12
}

/// The separators of `separators` that may part a breadcrumb's items in `line`: not a `»`
/// closing a French quotation that a `«` opened (`… être « complice » du démantèlement de la
/// « jungle » de Calais`).
pub(super) fn crumb_separators<'s>(
    line: &str,
    separators: &'s [&'static str],
) -> impl Iterator<Item = &'static str> + 's {
    let quoting = line.contains('«');
    separators
        .iter()
        .copied()
        .filter(move |&separator| !(quoting && separator.trim() == "»"))
}

/// Parts between separators (`Home > News`, `Inicio / Sala de prensa`, `Office • Service •
/// New York |`), none of them long.
fn is_breadcrumb(line: &str) -> bool {
    const SEPARATORS: [&str; 6] = [" > ", " » ", " / ", " • ", " | ", " · "];
    let trailing = line.ends_with(" |") || line.ends_with(" •") || line.ends_with(" ·");
    let mut parts = vec![line.trim_end_matches(['|', '•', ' '])];
    for separator in crumb_separators(line, &SEPARATORS) {
        parts = parts.iter().flat_map(|part| part.split(separator)).collect();
    }
    let longest = parts.iter().map(|part| word_count(part)).max().unwrap_or(0);
    match parts.len() {
        // `Noticias |`; a headline a table cell left a bar after is still a headline.
        1 => trailing && word_count(line) <= 4,
        // `Save the Children | Save the Children`: a site's name twice.
        2 => (longest <= 5 && word_count(line) <= 6 && !line.contains(':')) || trailing || parts[0] == parts[1],
        _ => longest <= 8,
    }
}

/// Words from which a line opening with a quotation mark is a quotation, not a headline.
const QUOTED_LINE_WORDS: usize = 20;

/// A line that reads as a headline: a few words to a long sentence, opened like a title, not
/// closed like a clause.
pub(super) fn is_headline_shaped(line: &str) -> bool {
    let words = word_count(line);
    if !(2..=45).contains(&words) || is_boilerplate(line) {
        return false;
    }
    // A long quotation is a pull quote, not a headline (`“It’s a tragedy that these folks …`).
    if words >= QUOTED_LINE_WORDS && line.starts_with(['"', '“', '«', '„']) {
        return false;
    }
    // A longer byline opening with a name (`By Jane Roe and John Doe of the International
    // Federation`) is no headline, but stays with the text (its place may say where it is).
    if words <= 14 && NAMED_BYLINE.is_match(line) {
        return false;
    }
    // A tag in brackets may open it (`[Sri Lanka Floods] Singapore Red Cross sends aid`).
    let opening = TAG_BEFORE.find(line).map_or(line, |tag| &line[tag.end()..]);
    let opens = opening
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'‘“«¿¡".contains(c));
    // A headline in Title Case may close with a full stop (`Uganda Red Cross Society
    // Applauded for Pivotal Role in Ending Ebola Outbreak.`): prose is not written so, with
    // every word of four letters or more capitalised and no sentence inside.
    let closed_title = line.ends_with('.') && !line.ends_with("..") && words >= TITLE_CASE_STOP_WORDS && {
        let (capitalised, long) = capitalised_words(line);
        capitalised == long && !has_inner_full_stop(line)
    };
    opens && (!line.ends_with([',', ';', ':', '.']) || ends_with_initials(line) || closed_title)
}

/// Words at least of a headline in Title Case that closes with a full stop.
const TITLE_CASE_STOP_WORDS: usize = 6;

/// Does a full stop and a space stand inside the line, before its closing full stops (`… NPR
/// News. I'm Jane Roe.`): a second sentence, where a headline has one?
pub(super) fn has_inner_full_stop(line: &str) -> bool {
    line.trim_end().trim_end_matches('.').contains(". ")
}

/// A tag in square brackets before a headline (`[Sri Lanka Floods] …`).
static TAG_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\[\]]{1,40}\]\s+").expect("tag pattern is valid"));

/// Does the line end with an abbreviation in capitals and full stops, not a sentence's full
/// stop (`… a defensores de DD. HH.`, `… with latest delivery: U.N.`)?
fn ends_with_initials(line: &str) -> bool {
    static INITIALS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s(\p{Lu}{1,2}\.\s?){2,3}$").expect("initials pattern is valid"));
    INITIALS.is_match(line)
}

/// Does the line end a sentence?
pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '»', '\'', '’', ')', ' ', '\u{a0}'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A dateline opening a release: `LODWAR, 14 March 2024 –`, `Dakar – Le 18 janvier…`,
/// `Desaguadero, 4 de mayo de 2021.-`, `(COLUMBUS, Ohio) —`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(\p{Lu}[\p{Lu}\p{M}'.’ -]{1,40}(,[^–—\n]{0,60})?|\p{Lu}[\p{L}\p{M}'.’/ -]{1,40},[^–—\n]{0,60}\d{4}\.?)\)?\s*(–|—|-|\.-)\s+\S")
        .expect("dateline pattern is valid")
});

/// Does the paragraph open with a dateline (`Maputo, le 20 mars 2023 – …`)?
pub(super) fn opens_with_dateline(paragraph: &str) -> bool {
    DATELINE.is_match(paragraph)
}

/// A paragraph of the release (the line with the lines it wraps onto): a sentence or more
/// of mostly lower-case words, or a dateline opening one. A paragraph wrapped over lines
/// may stop before its sentence ends (a figure or a name opening the next line).
pub(super) fn is_prose(paragraph: &str, wrapped: bool) -> bool {
    let words = word_count(paragraph);
    let letters = paragraph.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let lower = paragraph.chars().filter(|c| c.is_lowercase()).count();
    if words < 8 || lower * 2 < letters {
        return false;
    }
    if DATELINE.is_match(paragraph) && words >= 10 {
        return true;
    }
    // Title Case runs long in UN headlines: prose has mostly small words.
    let (capitalised, long) = capitalised_words(paragraph);
    let sentence_case = capitalised * 2 < long.max(1);
    // A long paragraph may stop before its sentence does: wrapped onto a line opened by a
    // figure or a name, or closed by a link (`… the previous weekend. Read More>>`).
    let carries_on = wrapped || INNER_SENTENCE_END.is_match(paragraph);
    (ends_sentence(paragraph) && (sentence_case || words >= 25)) || (carries_on && sentence_case && words >= 25)
}

/// Does a sentence end inside `text`, another opening after it?
pub(super) fn has_inner_sentence_end(text: &str) -> bool {
    INNER_SENTENCE_END.is_match(text)
}

/// A sentence ending inside a line and the next one opening.
static INNER_SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\p{Ll}{2}[.!?]["”»’)]?\s+["“«‘(]?\p{Lu}"#).expect("sentence end pattern is valid"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_glued_before_a_spanish_or_french_headline_is_cut_but_names_and_set_off_kickers_stay() {
        for (title, headline) in [
            (
                "Rutas hacia Canarias El mayor rescate del año deja 200 supervivientes",
                "El mayor rescate del año deja 200 supervivientes",
            ),
            (
                "Lluvias en el norte Hay más de 3.000 evacuados en Artigas",
                "Hay más de 3.000 evacuados en Artigas",
            ),
            (
                "Selon le HCR La situation des déplacés se dégrade au Sahel",
                "La situation des déplacés se dégrade au Sahel",
            ),
            (
                "Belgique Plus d'un millier de demandeurs d'asile sans abri",
                "Plus d'un millier de demandeurs d'asile sans abri",
            ),
            (
                "Crise alimentaire L'ONU appelle à financer le plan de réponse",
                "L'ONU appelle à financer le plan de réponse",
            ),
        ] {
            assert_eq!(without_glued_section(title), headline, "{title}");
        }
        for kept in [
            // Set off by a colon, a full stop or a dash: the guide keeps the kicker.
            "Niger : Les migrants expulsés vivent dans des conditions difficiles",
            "Guerre au Soudan. La moitié des déplacés sont des enfants",
            "Alep – Les civils sous les bombes depuis une semaine",
            // A name opening with an article has a capital after it.
            "Campamento Las Raíces acoge a 1.500 migrantes en Tenerife",
            "Salvamento rescata a 60 personas al sur de El Hierro",
            "Le HCR salue la décision de protéger les réfugiés",
            // The kicker ends in a small word, or the headline would be too short.
            "Mensaje de La Niña para el invierno austral",
            "Inondations au Togo Une aide attendue",
            // English headlines are left to the other rules.
            "Floods in Germany The worst in decades hit the Rhine valley",
        ] {
            assert_eq!(without_glued_section(kept), kept);
        }
    }

    #[test]
    fn a_date_run_into_the_headline_s_last_word_is_cut() {
        assert_eq!(
            without_glued_feed_date("Dozens of migrants die in shipwreckApril 9, 2024"),
            "Dozens of migrants die in shipwreck"
        );
        assert_eq!(
            without_glued_feed_date("Une centaine de morts après une inondation à KaleheLundi 27 Octobre 2014 - 15:45"),
            "Une centaine de morts après une inondation à Kalehe"
        );
        assert_eq!(
            without_glued_feed_date(
                "Une centaine de morts après une inondation à KaleheLundi 27 Octobre 2014 - 15:45 Une délégation"
            ),
            "Une centaine de morts après une inondation à Kalehe"
        );
        for kept in [
            "Floods in the Philippines as of May 9, 2024",
            "Aid reaches the north after the storm",
        ] {
            assert_eq!(without_glued_feed_date(kept), kept);
        }
    }

    #[test]
    fn a_site_s_name_over_its_date_and_weekday_is_a_date_line_and_a_numbered_menu_entry_is_a_label() {
        assert!(is_date_line("The Daily Courier 11 June 2024, Tuesday"));
        assert!(!is_date_line("Floods Hit the North Again 11 June 2024"));
        assert!(is_label("5. Media Releases"));
        assert!(is_label("Media Releases"));
        assert!(!is_label("5 Media Releases"));
    }

    #[test]
    fn an_update_flag_before_a_headline_is_cut_and_an_update_notice_is_boilerplate() {
        assert_eq!(
            without_headline_prefixes("Updated: Coastguard rescues more than 300 migrants"),
            "Coastguard rescues more than 300 migrants"
        );
        // A capital of two bytes: the cut falls before it, not inside it.
        assert_eq!(
            without_headline_prefixes("Mis à jour : Échec des négociations au nord du pays"),
            "Échec des négociations au nord du pays"
        );
        assert!(is_boilerplate("Updated: 3 March 2020"));
        assert!(is_boilerplate("Updated: March 3, 2020"));
        assert!(!is_boilerplate("Updated: Coastguard rescues more than 300 migrants"));
    }

    #[test]
    fn a_date_with_a_short_label_after_a_bar_is_a_date_line() {
        assert!(is_date_line("Thursday 15 January 2015 | Published in Regional"));
        assert!(is_date_line("3 March 2021 | News"));
        assert!(!is_date_line(
            "3 March 2021 | Floods leave thousands homeless across the northern provinces"
        ));
    }

    #[test]
    fn a_headline_in_title_case_may_close_with_a_full_stop_but_a_caption_or_two_sentences_may_not() {
        assert!(is_headline_shaped(
            "Red Cross Volunteers Praised for Their Role in Ending the Outbreak."
        ));
        assert!(!is_headline_shaped(
            "Volunteers load relief supplies onto trucks in Kampala, Uganda, May 26, 2025."
        ));
        assert!(!is_headline_shaped(
            "This Is Morning Edition From National Radio. I'm Jane Roe."
        ));
        assert!(!is_headline_shaped("Keine Story von Caritas Schweiz mehr verpassen."));
    }

    #[test]
    fn a_shop_cart_a_metered_paywall_and_an_email_button_are_boilerplate() {
        for line in [
            "Subtotal: UGX0.00",
            "Sous-total : 0,00 €",
            "No products in the cart.",
            "Tu carrito está vacío",
            "Encore 2/5 articles gratuits à lire",
            "You have 3 free articles left",
            "Enviar noticia por correo electrónico",
            "Envoyer l'article par e-mail",
            "Send this story by email",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Free articles on migration law are published every week by the institute",
            "Email campaign by refugees reaches parliament",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn a_kicker_or_a_feed_date_glued_to_a_headline_is_cut_but_names_in_two_capitals_stay() {
        assert_eq!(
            without_glued_kicker("IndonésieDes centaines de Rohingyas renvoyés en mer", &[]),
            "Des centaines de Rohingyas renvoyés en mer"
        );
        assert_eq!(
            without_glued_kicker("TessinNouvel afflux massif de requérants d'asile", &[]),
            "Nouvel afflux massif de requérants d'asile"
        );
        // White space before it (tidy_title trims it first) does not shift the cut.
        assert_eq!(
            without_glued_kicker("\u{a0} IndonésieDes centaines de Rohingyas renvoyés en mer", &[]),
            "Des centaines de Rohingyas renvoyés en mer"
        );
        // A name written so elsewhere in the page stays; the headline's own copies do not count.
        let headline = "ShelterBox delivers aid after cyclones hit Madagascar";
        let page = [
            headline,
            headline,
            "ShelterBox is working to distribute tents to families.",
        ];
        assert_eq!(without_glued_kicker(headline, &page), headline);
        let headline = "IndonésieDes centaines de Rohingyas renvoyés en mer";
        assert_eq!(
            without_glued_kicker(headline, &[headline, "Monde", headline]),
            "Des centaines de Rohingyas renvoyés en mer"
        );
        for kept in [
            "DeSantis signs a bill on migrant flights to Massachusetts",
            "McDonald's workers rally for refugees in Chicago",
            "YouTube removes videos of migrant crossings",
            "LinkedIn opens a hiring scheme for refugees in Germany",
            "Ukraine: thousands cross into Poland",
            "ParisLive",
        ] {
            assert_eq!(without_glued_kicker(kept, &[]), kept);
        }
        assert_eq!(
            without_glued_feed_date(
                "16 dead, 28 missing in migrant boat capsize off Djibouti: UNTue, 23 Apr 2024 12:56:51 GMT"
            ),
            "16 dead, 28 missing in migrant boat capsize off Djibouti: UN"
        );
        let dated = "Mon, 1 Jan 2024 10:00:00 GMT";
        assert_eq!(without_glued_feed_date(dated), dated);
        assert_eq!(
            without_glued_feed_date("Day of Action to Target Abuses of Immigration Legislation 5/03/19"),
            "Day of Action to Target Abuses of Immigration Legislation"
        );
        assert_eq!(
            without_language_tags("La France mobilisée pour une aide d’urgence en Haïti [en]"),
            "La France mobilisée pour une aide d’urgence en Haïti"
        );
        assert_eq!(
            without_language_tags("Flash Update on displaced people [EN/AR]"),
            "Flash Update on displaced people"
        );
    }

    #[test]
    fn an_opening_sentence_runs_through_abbreviations() {
        assert_eq!(
            opening_sentence(
                "El Salvador suma 162 vuelos con deportados desde EE. UU. En 2025 llegaron más.",
                200
            ),
            "El Salvador suma 162 vuelos con deportados desde EE. UU."
        );
        assert_eq!(
            opening_sentence(
                "Rescatan a 12 migrantes en la frontera con EU. Ayer lunes las autoridades",
                200
            ),
            "Rescatan a 12 migrantes en la frontera con EU."
        );
    }

    #[test]
    fn boilerplate_shapes_in_three_languages() {
        for line in [
            "URL: https://example.org/news/1",
            "29 November, 2016",
            "24 Février 2006",
            "Mardi 5 septembre 2023",
            "15 de agosto de 2022",
            "Publié le 19 avril 2024",
            "Communiqué de presse – 8 novembre 2022",
            "Posted by: APO | 23 March 2017",
            "GA/SHC/4153",
            "46th Meeting (PM)",
            "43rd & 44th Meetings (AM & PM)",
            "23e & 24e séances plénières – matin & après-midi",
            "Seventieth Session,",
            "Meetings Coverage",
            "Histoires",
            "Comunicado de prensa",
            "Home > News > Press releases",
            "Inicio / Sala de prensa",
            "Département de l’information • Service des informations et des accréditations • New York |",
            "- Directrice générale adjointe chargée de la gestion et des réformes",
            "Aller au contenu principal",
            "Photo : A. Diallo / Enfance Sahel Solidarité",
            "Des familles attendent devant le centre d'enregistrement. (Photo : AFP)",
            "Jane Roe 212.555.0147 (M)",
            "Contact presse : Jean Dupont +33 1 45 67 89 00",
            "Agencia Ejemplo via Getty Images",
            "Reporter: Jane Roe",
            "Media Release by The Hon Jane Roe MP",
            "Communiqué de presse du ministre de l'Intérieur en date du 3 mars 2017",
            "Press release – 12 May 2021",
            "International Day of Zero Tolerance for Female Genital Mutilation (6 February)",
            "Día Mundial del Refugiado (20 de junio)",
            "By: County Red Cross Chapter",
            "From Morning Report, 8:46 am on 18 May 2021",
            "This news has been read 6151 times!",
            "Faire un don",
            "La embarcación rescata a un grupo de migrantes cerca de la costa de Lanzarote. EFE",
            "Votre navigateur internet n'est pas à jour.",
            "Faites un don",
            "Trouvez la liste des dernières versions des navigateurs pris en charge ci-dessous.",
            "Logo prefecture",
            "Rescuers dig for survivors after the earthquake. Credits: Jane Roe/Caritas",
            "A boy injured in the earthquake is carried to a clinic by a soldier. Associated Press/Photo by Jane Roe",
            "Familias desplazadas esperan la entrega de víveres en el albergue. Foto de Juan Pérez",
            "Thursday, August 22nd. 2019 –",
            "The Jakarta Post",
            "Jane Roe And John Doe Los Angeles Times",
            "Vue de la cour centrale du foyer le dimanche 29 mars 2015. [Keystone - Jane Roe]",
            "Published: 14 Jan 2021 12:53 PM BdST Updated: 14 Jan 2021 12:53 PM BdST",
            "3h ago",
            "Subscribe free to our newsletters via your",
            "3 minutos",
            "Associated Press",
            "Monde",
            "Migrantes viajan en una embarcación hacia Lajas Blancas, Panamá, el 28 de junio de 2024. (AP Foto/Jane Roe)",
            "Strict Standards: Only variables should be assigned by reference in /home/site/public_html/modules/default.php on line 24",
            "Rescatan a cinco migrantes a bordo de una patera este viernes al sur de la isla. Salvamento Marítimo",
            "Reuters: Q&A with WHO: Cholera vaccine stockpile — a new tool",
            "Dead cattle in the Diffa region, Niger, July 2010 Jane Roe-Smith/IRIN",
            "Agentes de la policía acompañan a uno de los detenidos hasta el coche - FOTO/POLICÍA NACIONAL",
            "Uh oh, you are using an old web browser that we no longer support.",
            "12 de febrero: Día Internacional contra el Uso de Niños Soldado",
            "20 June: World Refugee Day",
            "Des élèves dans une salle de classe. © Alliance / B. Ngono",
            "Partager",
            "| |||",
            "António Guterres, Secretary-General",
            "Amy Pope, Directora General de la OIM",
            "Filippo Grandi, Haut-Commissaire des Nations Unies pour les réfugiés",
            "Director Ejecutivo de la Oficina de las Naciones Unidas contra la Droga y el Delito, Yury Fedotov",
            "Secretary-General of the International Maritime Organization, Kitack Lim",
            "Descargar Acción Humanitaria para la Infancia 2021, aquí",
            "Download the full report (PDF, 2 MB)",
            "Compte rendu de séance",
            "This Press Note has been updated on 31/01/2019 - 17:25 GMT +1",
            "Mis à jour le 3 mars 2020",
            "2587580973 76dbba7b68 o",
            "My Unicef logo",
            "Reading Time: 4 minutes",
            "An official website of the United States government",
            "Official websites use .gov",
            "Secure .gov websites use HTTPS",
            "Source(s): United Nations Office for Disaster Risk Reduction - Regional Office for Asia and Pacific",
            "Escudo de Colombia y texto de la Unidad para las Víctimas",
            "MSF/Juan Carlos Tomasi",
            "UNICEF/UN0321649/Carrillo",
            "UN Photo/Mark Garten",
            "Contact: Jane Doe, +1 202 555 0100, @press",
            "Source : Communiqué de presse de l'agence",
            "News and Press Release",
            "Voluntarios de la Cruz Roja atienden a los menores en la playa / lp",
            "By political reporter Jane Doe",
            "Save the Children Fund | Save the Children Fund",
            "Por Ana Pérez y Juan Ruiz",
            "Submitted by Anonymous (not verified) on Wed, 11/12/2014 - 19:34",
            "Content by: UN News Centre",
            "1 min read Partner content",
            "Imagen vía agencia.com",
            "FOTO DE ARCHIVO: Refugiados caminan hacia una escuela. REUTERS/Ana Pérez",
            "Archivo - Proyecto de cooperación con los desplazados",
            "Archived page: may contain outdated information!",
            "Reza Saifullah,Edna Tarigan",
            "Trabajadores sanitarios retiran un cadáver de una playa, en una imagen de archivo. (AFP)",
            "A Border Patrol agent gathers belongings before a transfer, on July 2, 2019.Jane Roe / Getty Images file",
            "Image: A Border Patrol agent gathers belongings before a transfer.",
            "Las inundaciones afectaron a la costa entre junio y julio / Foto: cortesía Secretaría de Riesgos",
            "A boy stands in front of his family's tent at a camp on Lesbos, Greece, November 30, 2017. REUTERS/Jane Roe/File photo",
            "Image Caption and Rights Information",
            "Applicants camped outside the office in tents last May due to shortages (Pic: Jane Roe)",
            "Rounded up: Officers arresting a man during the predawn raid in Cheras. — Bernama",
            "Minuto a Minuto",
            "République démocratique du Congo (RDC)3 min",
            "Requérants d'asile dans un centre romand (image prétexte). - [Keystone - Jane Roe]",
            "Fiji, June 2020: Red Cross teams distribute relief items in villages on the island of Kadavu",
            "Migrants about to be taken to the border for deportation (Jane Roe/IRIN)",
            "Police have charged two men with aggravated people smuggling.(Australian Defence Force/Jane Roe)",
            "This story is from May 3, 2016",
            "This was published under the 2010 to 2015 Conservative and Liberal Democrat coalition government",
            "This was published 3 years ago",
            "Scroll Top",
            "top of page",
            "J'ai compris",
            "Règles de confidentialité et cookies",
            "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies pour vous proposer des contenus adaptés.",
            "Food and Agriculture Organization of the United NationsFood and Agriculture Organization of the United Nations",
            "File photo File photo",
            "26, Kakabadzeebi Brothers street, 0108 Tbilisi, Georgia",
            "Situation at a glance",
            "Aperçu de la situation",
            "Descripción de la situación",
            "Bulletins d'information sur les flambées épidémiques",
            "This article is more than 7 years old",
            "Página archivada",
            "Des bénévoles préparent leur canot à Boulogne-sur-Mer, le 2 mai 2023",
            "Families wait for food at a school in Garissa, Kenya, on May 14, 2024",
            "Familias esperan en el albergue de Tapachula, el 3 de abril de 2023",
            "Publisher: Ministry of Foreign Affairs",
            "Published under: The Second Government",
            "For Immediate Release",
            "Pour diffusion immédiate",
            "Para publicación inmediata",
            "Rechercher dans",
            "Student refugees in a school in Djabal Refugee Camp outside of Goz Beida, Chad. (Jane Roe — Jesuit Refugee Service/USA)",
            "Search",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Kenya: Water Trucking Reaches 38,000 Pastoralists Displaced by Drought in Turkana",
            "Niger : 4 000 familles déplacées par les violences à Tillabéri reçoivent des abris d'urgence",
            "Costa Rica: una unidad móvil de salud atiende a migrantes nicaragüenses",
            "Security Council Extends Mission in South Sudan for One Year",
            "At Least 20 May Have Drowned Off Libya",
            "G20 Ministers' Meeting Backs Debt Relief",
            "Training sessions for 200 nurses in Kandahar",
            "Accès au crédit : 5 000 agricultrices soutenues au Niger",
            "Share of Women in Parliaments Hits Record",
            "Chad / Sudan: Refugee Influx Continues",
            "Chad/Sudan Floods Displace Thousands",
            "Floods in Chad",
            "Statement on the situation of migrants in Libya, 15 March 2022",
            "Sierra Leone and Liberia Vaccinate Children",
            "Sierra Leone, Liberia Vaccinate Children",
            "Archived records reveal how refugees were resettled in 1956",
            "Ethiopia, Kenya Sign Agreement on Cross-Border Migration",
            "In Kenya, Director of Refugee Affairs Opens Camp",
            "Updating Flood Maps for 2,000 Villages in Bangladesh",
            "Updated Guidance on Cholera Vaccination Issued in Malawi",
            "UNICEF Unveils New Logo for Its 75th Anniversary",
            "Plus de 1 500 000 personnes déplacées au Sahel",
            "219 Arrested and 1 374 Victims Identified",
            "Appeal Seeks 500 000 000 Dollars",
            "Comunicado de prensa sobre el naufragio de un barco que transportaba migrantes",
            "International Day of Peace Marked in the Camps",
            "Reporters Describe Life in the Camps After the Floods",
            "Earthquake Strikes at 8:46 am, Killing Dozens",
            "Migrants Read 100 Books in the Camp Library",
            "Donations Reach Flood Victims in the North",
            "World Refugee Day: UNHCR Calls for Solidarity with the Displaced",
            "Cookies for refugees: volunteers bake for families in the camp",
            "Accepting refugees is a duty, says the minister",
            "Ten thousand people ten thousand stories",
            "12 families return to their homes on Main Street after the flood",
            "Secretary meets refugees in Cox's Bazar, Chittagong Division",
        ] {
            assert!(!is_boilerplate(line), "{line}");
            assert!(is_headline_shaped(line), "{line}");
        }
        // A byline naming its writers stays in the text but is no headline.
        let byline = "By Jane Roe and John Doe of the International Federation";
        assert!(!is_boilerplate(byline) && !is_headline_shaped(byline));
        assert!(is_headline_shaped(
            "By Land and Sea, Migrants Keep Coming to the Islands in Record Numbers"
        ));
    }

    #[test]
    fn prose_is_sentences_not_title_case_headlines() {
        assert!(is_prose(
            "LODWAR, 14 March 2024 – The agency has started trucking water to 38,000 people.",
            false
        ));
        assert!(is_prose(
            "Hier, quelque 500 réfugiés tchadiens ayant fui vers les villes frontière ont employé ses moyens de transport.",
            true
        ));
        assert!(!is_prose(
            "Tabling 1 Draft, Third Committee Approves 4 Texts, Addressing Human Rights, Gender Equality",
            false
        ));
        assert!(!is_prose(
            "Declaración de la Directora Ejecutiva de la Oficina contra la Droga y el Delito",
            false
        ));
    }
}
