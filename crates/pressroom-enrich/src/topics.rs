//! Topics: rules over multilingual cue terms (`data/topics.tsv`), weighted by where they
//! occur — title, lead, body.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::error::EnrichError;
use crate::matcher::is_word_boundary;
use crate::tables;
use crate::tsv;

/// Score a topic needs (its own and its children's cues): a strong cue (weight 3) in the lead
/// or twice in the body, a typical one (2) in the title, or in the lead with one more mention
/// (a typical cue once in the lead is a passing mention). Chosen on the tune half of
/// `tests/data/extraction-gold.jsonl` (topics F1 3 → 0.683, 4 → 0.707, 5 → 0.717, 6 → 0.711);
/// the test half went 0.665 → 0.673 from 4 to 5.
const THRESHOLD: f32 = 5.0;
/// Share of its strongest sibling's score a subtopic needs besides the threshold: a release
/// about detention that names smuggling once is not also about smuggling, one that names
/// refugees once in a story about their settlement is about settlement. Compared with every
/// sibling, chosen or not, and at every level, before the most specific paths are kept. Topics
/// F1 on the tune half of `tests/data/extraction-gold.jsonl`: first (among chosen paths only,
/// before the Spanish and French lexicon) 0 → 0.576, 0.3 → 0.596, 0.5 → 0.585, 0.7 → 0.557;
/// then among all siblings 0.717 → 0.719 at 0.2 and 0.3, 0.713 at 0.4 (test half 0.673 →
/// 0.675).
const SIBLING_SHARE: f32 = 0.3;
/// Where a boilerplate footer starts in a folded text: a short line of its own such as
/// "About IOM:", "Notes to editors", "A propos de l'OIM", "Acerca de la OIM".
fn footer_start(folded: &str) -> usize {
    let mut offset = 0;
    for line in folded.split_inclusive('\n') {
        let heading = line.trim();
        let words = heading.trim_end_matches(':');
        let is_footer = heading.len() <= 70
            && (words.starts_with("about ")
                || matches!(words, "notes to editors" | "note to editors" | "notes for editors")
                || words.starts_with("a propos d")
                || words.starts_with("acerca de ")
                || (words.starts_with("sobre ") && heading.ends_with(':')));
        if is_footer {
            return offset;
        }
        offset += line.len();
    }
    folded.len()
}

/// How far into the body the title may be repeated for what stands above it to be a
/// letterhead.
const TITLE_SEARCH_BYTES: usize = 1_500;

/// The start of a folded title that finds it again in the body: its first words, up to 40
/// bytes (OCR may break the rest of a long headline differently).
fn title_key(title: &str) -> String {
    let mut key = String::new();
    for word in title.split_whitespace() {
        if !key.is_empty() && key.len() + word.len() >= 40 {
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// Where the release starts in a folded body: after the title when the body repeats it within
/// its first [`TITLE_SEARCH_BYTES`] (white space folded), else at 0.
fn title_end_in(body: &str, key: &str) -> usize {
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.len() < 3 {
        return 0;
    }
    let window = &body[..body.floor_char_boundary(TITLE_SEARCH_BYTES)];
    window
        .match_indices(words[0])
        .find_map(|(start, _)| words_end(window, start, &words))
        .unwrap_or(0)
}

/// Where `words` end when they stand at `start` of `text` in order, separated by white space
/// only.
fn words_end(text: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut at = start;
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            let rest = &text[at..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 {
                return None;
            }
            at += gap;
        }
        at += text[at..].starts_with(word).then_some(word.len())?;
    }
    Some(at)
}

/// Occurrences of one cue that count.
const MAX_OCCURRENCES: usize = 3;
/// Bytes of the body that count as the lead.
const LEAD_BYTES: usize = 400;

struct Cue {
    topic: usize,
    weight: f32,
    /// What must follow the literal head (`solicitante* de asilo` → `^\w*\s+de\s+asilo\b`).
    tail: Option<Regex>,
    /// The head must end on a word boundary (the cue has no `*` at all).
    whole_word: bool,
}

pub struct TopicRules {
    paths: Vec<String>,
    /// Index of each path's parent in `paths`, when the parent is a topic too.
    parents: Vec<Option<usize>>,
    automaton: AhoCorasick,
    cues: Vec<Cue>,
}

/// Lowercase ASCII with accents folded: cues and texts are compared in this form, so
/// `tráfico` and `trafico`, `réfugiés` and `refugies` match alike.
fn fold(text: &str) -> String {
    // Most English releases are ASCII already; deunicode writes ASCII only, so lowercasing
    // needs no Unicode tables either way.
    // Only the runs of non-ASCII characters go through deunicode, which reads char by char.
    let mut folded = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        folded.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        // With the ASCII character after the run, which tells deunicode whether to keep a
        // transliteration's trailing space
        let other = rest
            .char_indices()
            .find(|(_, c)| c.is_ascii())
            .map_or(rest.len(), |(at, _)| at);
        // (not a control character, which deunicode would drop).
        let other = other
            + rest[other..]
                .chars()
                .next()
                .filter(|c| !c.is_ascii_control())
                .map_or(0, char::len_utf8);
        folded.push_str(&deunicode::deunicode(&rest[..other]));
        rest = &rest[other..];
    }
    folded.make_ascii_lowercase();
    folded
}

/// Splits a cue at its first `*`: the literal head the automaton looks for, and a pattern for
/// the rest of the phrase.
fn compile_cue(cue: &str) -> Result<(String, Option<Regex>, bool), String> {
    let Some(star) = cue.find('*') else {
        return Ok((cue.to_string(), None, true));
    };
    let head = cue[..star].to_string();
    let rest = &cue[star + 1..];
    if rest.trim().is_empty() {
        return Ok((head, None, false));
    }
    // The texts are folded to ASCII: ASCII classes compile far smaller than Unicode ones.
    let mut pattern = String::from(r"^[a-z0-9_'-]*");
    let mut ends_open = false;
    for word in rest.split_whitespace() {
        let (literal, open) = match word.strip_suffix('*') {
            Some(literal) => (literal, true),
            None => (word, false),
        };
        pattern.push_str(r"[ \t\n]+");
        pattern.push_str(&regex::escape(literal));
        if open {
            pattern.push_str(r"[a-z0-9_'-]*");
        }
        ends_open = open;
    }
    if !ends_open {
        pattern.push_str(r"(?-u:\b)");
    }
    let tail = Regex::new(&pattern).map_err(|error| error.to_string())?;
    Ok((head, Some(tail), false))
}

impl TopicRules {
    pub fn load() -> Result<Self, EnrichError> {
        let mut paths: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut cues = Vec::new();
        for (line, columns) in tsv::rows("topics.tsv", tables::TOPICS, 3)? {
            let path = columns[0].to_string();
            let topic = match paths.iter().position(|known| *known == path) {
                Some(topic) => topic,
                None => {
                    paths.push(path);
                    paths.len() - 1
                }
            };
            let weight: f32 = columns[2].parse().map_err(|_| EnrichError::BadTable {
                table: "topics.tsv",
                line,
                reason: format!("weight `{}` is not a number", columns[2]),
            })?;
            let cue = fold(columns[1].trim());
            let (head, tail, whole_word) = compile_cue(&cue).map_err(|reason| EnrichError::BadTable {
                table: "topics.tsv",
                line,
                reason,
            })?;
            if head.trim().is_empty() {
                continue;
            }
            patterns.push(head);
            cues.push(Cue {
                topic,
                weight,
                tail,
                whole_word,
            });
        }
        let parents = paths
            .iter()
            .map(|path| {
                let parent = parent_path(path)?;
                paths.iter().position(|known| known == parent)
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|error| EnrichError::Automaton {
                what: "topic cues",
                reason: error.to_string(),
            })?;
        Ok(TopicRules {
            paths,
            parents,
            automaton,
            cues,
        })
    }

    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// Each path's score: its cues and its descendants' cues, weighted by place.
    pub fn scores(&self, title: &str, body: &str) -> Vec<f32> {
        let mut scores = vec![0f32; self.paths.len()];
        let mut occurrences = vec![0usize; self.cues.len()];
        // Per topic, where the cues counted so far in this text end.
        let mut covered_until = vec![0usize; self.paths.len()];
        // Australian politicians say "people trafficking" for people smuggling by boat.
        let (title, body) = (fold(title), fold(body));
        let boats = |text: &str| text.contains("boat") || text.contains("smuggl");
        let smuggling_by_boat = boats(&title) || boats(&body);
        let title_key = title_key(&title);
        for (folded, is_title) in [(title, true), (body, false)] {
            let mut folded = folded;
            if smuggling_by_boat && folded.contains("people") {
                folded = folded
                    .replace("people traffick", "people smuggl")
                    .replace("people-traffick", "people-smuggl");
            }
            // Spanish "asilo" is also a care home ("asilo de ancianos"): not asylum.
            if folded.contains("asilo ") {
                for home in [
                    "asilo de ancianos",
                    "asilo para ancianos",
                    "asilo de huerfanos",
                    "asilo de mayores",
                ] {
                    folded = folded.replace(home, "residencia");
                }
            }
            // Above the title, when the body repeats it near its start, stands a letterhead
            // ("Minister for Immigration …"): no evidence of what this release is about. The
            // lead starts after the title.
            let release_start = if is_title { 0 } else { title_end_in(&folded, &title_key) };
            let lead_end = if is_title {
                folded.len()
            } else {
                (release_start + LEAD_BYTES).min(folded.len())
            };
            // An organisation's standard footer ("About IOM: … counter-trafficking …") says
            // nothing about this release.
            let footer_start = if is_title { folded.len() } else { footer_start(&folded) };
            // Every cue found, as (start, end, cue); a cue inside a longer one of the same topic
            // at the same place ("asylum" in "asylum seekers") is that one, not a second cue.
            let mut hits: Vec<(usize, usize, usize)> = Vec::new();
            for found in self.automaton.find_overlapping_iter(&folded) {
                let cue_index = found.pattern().as_usize();
                let cue = &self.cues[cue_index];
                let end = match &cue.tail {
                    Some(tail) => match tail.find(&folded[found.end()..]) {
                        Some(rest) => found.end() + rest.end(),
                        None => continue,
                    },
                    None => found.end(),
                };
                let starts_word = !folded[..found.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let ends_word = !cue.whole_word || is_word_boundary(&folded, found.start(), end);
                if !starts_word || !ends_word || found.start() >= footer_start || found.start() < release_start {
                    continue;
                }
                hits.push((found.start(), end, cue_index));
            }
            hits.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
            covered_until.iter_mut().for_each(|until| *until = 0);
            for (start, end, cue_index) in hits {
                let cue = &self.cues[cue_index];
                if end <= covered_until[cue.topic] || occurrences[cue_index] >= MAX_OCCURRENCES {
                    continue;
                }
                covered_until[cue.topic] = end;
                occurrences[cue_index] += 1;
                let place = if is_title {
                    3.0
                } else if start < lead_end {
                    2.0
                } else {
                    1.0
                };
                scores[cue.topic] += cue.weight * place;
            }
        }
        // Deepest paths first, so scores flow up the whole tree.
        let mut order: Vec<usize> = (0..self.paths.len()).collect();
        order.sort_by_key(|&topic| std::cmp::Reverse(self.paths[topic].matches('/').count()));
        for topic in order {
            if let Some(parent) = self.parents[topic] {
                scores[parent] += scores[topic];
            }
        }
        scores
    }

    /// The most specific paths whose score reaches the threshold and, below the top level,
    /// [`SIBLING_SHARE`] of their strongest sibling's.
    pub fn select(&self, scores: &[f32]) -> Vec<String> {
        let best_sibling = |topic: usize| {
            (0..self.paths.len())
                .filter(|&other| self.parents[other] == self.parents[topic])
                .map(|other| scores[other])
                .fold(0f32, f32::max)
        };
        let chosen: Vec<usize> = (0..self.paths.len())
            .filter(|&topic| scores[topic] >= THRESHOLD)
            .filter(|&topic| self.parents[topic].is_none() || scores[topic] >= SIBLING_SHARE * best_sibling(topic))
            .collect();
        chosen
            .iter()
            .filter(|&&topic| !chosen.iter().any(|&other| self.parents[other] == Some(topic)))
            .map(|&topic| self.paths[topic].clone())
            .collect()
    }
}
fn parent_path(path: &str) -> Option<&str> {
    let trimmed = path.trim_end_matches('/');
    let mut cut = None;
    let bytes = trimmed.as_bytes();
    for (index, &byte) in bytes.iter().enumerate().skip(1) {
        if byte == b'/' && bytes[index - 1] != b'\\' {
            cut = Some(index);
        }
    }
    cut.map(|index| &trimmed[..index])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(rules: &TopicRules, title: &str, body: &str) -> Vec<String> {
        rules.select(&rules.scores(title, body))
    }

    #[test]
    fn folding_keeps_line_breaks_after_accented_letters() {
        // deunicode alone drops every control character after the first non-ASCII one,
        // which joined "factory\nand" into "factoryand".
        assert_eq!(
            fold("Réfugiés — the factory\nand FARM"),
            "refugies -- the factory\nand farm"
        );
        assert_eq!(fold("tráfico\u{ad}\nde"), "trafico\nde");
    }

    #[test]
    fn a_cue_inside_a_longer_one_is_not_counted_again() {
        let rules = TopicRules::load().expect("table loads");
        let lead = "The council approved the budget for roads, schools and hospitals today. ".repeat(8);
        // "asylum seekers" (3) holds "asylum" (2): one passing mention in the body is 3, under
        // the threshold, not 5.
        let body = format!("{lead}\nThe mayor also mentioned asylum seekers in her speech.");
        let topics = classify(&rules, "Council budget approved", &body);
        assert!(
            !topics.iter().any(|topic| topic.starts_with("/Migration")),
            "{topics:?}"
        );
        // Said twice, it is evidence.
        let body = format!("{lead}\nAsylum seekers will get help. Asylum seekers can apply now.");
        let topics = classify(&rules, "Council budget approved", &body);
        assert!(
            topics.contains(&"/Migration/Refugees and asylum".to_string()),
            "{topics:?}"
        );
    }

    #[test]
    fn a_subtopic_named_once_beside_a_stronger_sibling_is_not_chosen() {
        let rules = TopicRules::load().expect("table loads");
        let title = "Detention centre to hold more asylum seekers";
        let lead = "The immigration detention centre will hold more detainees from next month, the minister said, after people smuggling ventures brought more boats.";
        let rest = " Immigration detention of families will be reviewed. Detainees in immigration detention will get more visits.".repeat(3);
        let topics = classify(&rules, title, &format!("{lead}{rest}"));
        assert!(
            topics.contains(&"/Migration/Immigration detention".to_string()),
            "{topics:?}"
        );
        assert!(
            !topics.contains(&"/Migration/Migrant smuggling".to_string()),
            "{topics:?}"
        );
        // As strong as its sibling, it is chosen too.
        let title = "Detention centre to hold people smugglers";
        let rest = " People smuggling ventures are in decline. People smuggling is a crime.".repeat(3);
        let topics = classify(&rules, title, &format!("{lead}{rest}"));
        assert!(
            topics.contains(&"/Migration/Migrant smuggling".to_string()),
            "{topics:?}"
        );
    }

    #[test]
    fn a_letterhead_above_the_title_is_no_evidence() {
        let rules = TopicRules::load().expect("table loads");
        let title = "New bridge opens to traffic in the north";
        let body = "Shadow Minister for Immigration and Citizenship\nJane Citizen\n\nNew bridge opens to traffic in the north\n\nThe new bridge opened to traffic today, two months early and under budget, the council said. Cars and trucks crossed it all day.";
        let topics = classify(&rules, title, body);
        assert!(
            !topics.iter().any(|topic| topic.starts_with("/Migration")),
            "{topics:?}"
        );
        // The same words after the title are the release's own.
        let body = "New bridge opens to traffic in the north\n\nAsylum seekers and refugees who settled in the north helped build the bridge, the council said; refugees and asylum seekers from the region opened it.";
        let topics = classify(&rules, title, body);
        assert!(
            topics.iter().any(|topic| topic == "/Migration/Refugees and asylum"),
            "{topics:?}"
        );
    }

    #[test]
    fn spanish_and_french_reports_get_the_themes_of_their_english_equivalents() {
        let rules = TopicRules::load().expect("table loads");
        let topics = classify(
            &rules,
            "La Matriz de Seguimiento del Desplazamiento registra familias desplazadas",
            "",
        );
        assert!(
            topics.iter().any(|topic| topic == "/Migration/Internal displacement"),
            "{topics:?}"
        );
        let topics = classify(&rules, "Éducation au risque des mines dans les écoles du nord", "");
        assert!(topics.iter().any(|topic| topic == "/Mine Action"), "{topics:?}");
        let topics = classify(
            &rules,
            "Distribución de alimentos y canastas alimentarias en el sur",
            "",
        );
        assert!(topics.iter().any(|topic| topic == "/Food and Nutrition"), "{topics:?}");
    }

    #[test]
    fn the_title_is_found_again_in_the_body_through_white_space() {
        let key = title_key("new bridge opens to traffic in the north of the state today");
        assert_eq!(key, "new bridge opens to traffic in the north");
        let body = "minister for roads\n\nnew bridge  opens\nto traffic in the north of the state\n\nthe bridge";
        assert_eq!(
            &body[..title_end_in(body, &key)],
            "minister for roads\n\nnew bridge  opens\nto traffic in the north"
        );
        assert_eq!(title_end_in("the bridge opened", &key), 0);
        // A title of one or two words is too common to place the release.
        assert_eq!(title_end_in("minister\n\nbridge opens", &title_key("bridge opens")), 0);
    }

    #[test]
    fn cues_match_prefixes_phrases_and_accents() {
        let rules = TopicRules::load().expect("table loads");
        let topics = classify(&rules, "Ethiopia Opens Training Centre for Women Domestic Workers", "");
        assert_eq!(topics, ["/Migration/Labour migration"]);
        let topics = classify(
            &rules,
            "",
            "Las solicitantes de asilo y los solicitantes de asilo esperan. Las solicitudes de asilo.",
        );
        assert!(
            topics.iter().any(|t| t == "/Migration/Refugees and asylum"),
            "{topics:?}"
        );
        // Australian usage: "people traffickers" with boats are people smugglers.
        let topics = classify(
            &rules,
            "Crackdown on people traffickers",
            "The Minister said people traffickers put asylum seekers on unsafe boats to Christmas Island.",
        );
        assert!(topics.iter().any(|t| t == "/Migration/Migrant smuggling"), "{topics:?}");
        assert!(
            !topics.iter().any(|t| t.starts_with("/Migration/Human trafficking")),
            "{topics:?}"
        );
        // "Asilo de ancianos" is a care home.
        let topics = classify(
            &rules,
            "Inauguran un asilo de ancianos en Cuenca",
            "El nuevo asilo de ancianos de Cuenca atenderá a 80 personas mayores.",
        );
        assert!(
            !topics.iter().any(|t| t == "/Migration/Refugees and asylum"),
            "{topics:?}"
        );
        let topics = classify(&rules, "Démantèlement d'un réseau de passeurs au Maroc", "");
        assert!(topics.iter().any(|t| t == "/Migration/Migrant smuggling"), "{topics:?}");
    }
}
