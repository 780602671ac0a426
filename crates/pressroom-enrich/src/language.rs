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
        let mut end = SAMPLE_BYTES.min(body.len());
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        sample.push_str(&body[..end]);
        let detected = self.detector.detect(&sample);
        match detected {
            Some(info) if info.is_reliable() || (info.confidence() >= 0.5 && declared.is_none()) => {
                code_of(info.lang()).unwrap_or("und").to_string()
            }
            _ => match declared {
                Some(code) if !code.is_empty() => code.to_string(),
                _ => "und".to_string(),
            },
        }
    }
}

fn code_of(lang: Lang) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(known, _)| *known == lang)
        .map(|(_, code)| *code)
}
