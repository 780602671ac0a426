//! Language detection with whatlang on the start of the cleaned text.

use whatlang::{Detector, Lang};

/// Bytes of text given to the detector: enough to be reliable, cheap (whatlang's cost grows
/// with the text).
const SAMPLE_BYTES: usize = 1000;

/// Languages we expect in humanitarian press; the allowlist also stops Spanish or Italian
/// text being read as Catalan or Galician.
const LANGUAGES: &[(Lang, &str)] = &[
    (Lang::Eng, "en"),
    (Lang::Spa, "es"),
    (Lang::Fra, "fr"),
    (Lang::Por, "pt"),
    (Lang::Deu, "de"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Rus, "ru"),
    (Lang::Ara, "ar"),
    (Lang::Cmn, "zh"),
    (Lang::Jpn, "ja"),
    (Lang::Tur, "tr"),
    (Lang::Ind, "id"),
    (Lang::Swe, "sv"),
    (Lang::Pol, "pl"),
    (Lang::Ukr, "uk"),
    (Lang::Hin, "hi"),
    (Lang::Vie, "vi"),
    (Lang::Tha, "th"),
    (Lang::Kor, "ko"),
];

pub struct LanguageDetector {
    detector: Detector,
}

impl LanguageDetector {
    pub fn new() -> Self {
        let allowlist = LANGUAGES.iter().map(|(lang, _)| *lang).collect();
        LanguageDetector {
            detector: Detector::with_allowlist(allowlist),
        }
    }

    /// ISO 639-1 code of the text; the declared language only when detection is unsure;
    /// `und` when neither is known.
    pub fn detect(&self, title: &str, body: &str, declared: Option<&str>) -> String {
        let mut sample = String::with_capacity(SAMPLE_BYTES + title.len() + 1);
        sample.push_str(title);
        sample.push('\n');
        sample.push_str(&body[..body.floor_char_boundary(SAMPLE_BYTES)]);
        let detected = self.detector.detect(&sample);
        // A declared language gives way only to a reliable detection on text that reads as
        // prose: on a table of figures (an earnings report's `Shr 45 cts vs 58 cts`) whatlang
        // is sure of a language the words do not have.
        let overrides_declared = |reliable: bool| reliable && (declared.is_none() || reads_as_prose(&sample));
        match detected {
            Some(info)
                if overrides_declared(info.is_reliable()) || (info.confidence() >= 0.5 && declared.is_none()) =>
            {
                code_of(info.lang()).unwrap_or("und").to_string()
            }
            _ => match declared {
                Some(code) if !code.is_empty() => code.to_string(),
                _ => "und".to_string(),
            },
        }
    }
}

/// Digits make at most this share of a text's letters and digits when it reads as prose.
const PROSE_DIGIT_SHARE: f32 = 0.2;
/// Words of three letters or more a text needs to read as prose (a headline alone, or a
/// dividend notice of abbreviations, has fewer).
const PROSE_WORDS: usize = 40;

/// Whether a sample is prose rather than figures, abbreviations or a headline alone: enough
/// words, few digits.
fn reads_as_prose(sample: &str) -> bool {
    let (letters, digits) = sample.chars().fold((0usize, 0usize), |(letters, digits), c| {
        if c.is_ascii_digit() {
            (letters, digits + 1)
        } else if c.is_alphabetic() {
            (letters + 1, digits)
        } else {
            (letters, digits)
        }
    });
    let words = sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().count() >= 3)
        .count();
    words >= PROSE_WORDS && (digits as f32) <= PROSE_DIGIT_SHARE * (letters + digits) as f32
}

fn code_of(lang: Lang) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(known, _)| *known == lang)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str = "Le Haut Commissariat des Nations Unies pour les réfugiés a annoncé mardi \
        l'ouverture d'un nouveau centre d'accueil pour les familles déplacées par les inondations \
        dans le nord du pays, où plusieurs milliers de personnes ont perdu leur maison et leurs \
        récoltes au cours des dernières semaines, selon les autorités locales et les organisations \
        humanitaires présentes sur place depuis le début de la crise.";
    const EARNINGS: &str = "Shr 45 cts vs 58 cts\nNet 1.1 mln vs 829,000\nSales 7.9 mln vs 9.4 mln\n\
        Avg shrs 2,332,397 vs 1,428,000\nYear\nShr 1.22 dlrs vs 1.06 dlrs\nNet 2.9 mln vs 1.5 mln\n\
        Sales 25.7 mln vs 22.2 mln\nAvg shrs 2,332,397 vs 1,428,000";

    #[test]
    fn prose_outweighs_the_declared_language_and_figures_do_not() {
        let detector = LanguageDetector::new();
        assert_eq!(detector.detect("Nouveau centre", FRENCH, Some("en")), "fr");
        assert_eq!(detector.detect("Nouveau centre", FRENCH, None), "fr");
        assert_eq!(detector.detect("CINRAM LTD 4TH QTR NET", EARNINGS, Some("en")), "en");
        assert!(reads_as_prose(FRENCH));
        assert!(!reads_as_prose(EARNINGS));
    }
}
