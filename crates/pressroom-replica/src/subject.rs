//! A document id as one subject token: NATS subjects split on `.` and treat `*`, `>` and
//! white space specially, so every byte but `A-Z a-z 0-9 _ -` is written `~XX` (hex).
//! The mapping is one-to-one, so two ids never share a subject (and never overwrite each
//! other under one-message-per-subject).

/// The subjects the log stream takes.
pub const SUBJECTS: &str = "pressroom.docs.>";
const PREFIX: &str = "pressroom.docs.";

/// The subject of a document id.
pub fn subject(id: &str) -> String {
    let mut subject = String::with_capacity(PREFIX.len() + id.len());
    subject.push_str(PREFIX);
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' {
            subject.push(byte as char);
        } else {
            subject.push_str(&format!("~{byte:02X}"));
        }
    }
    subject
}

/// The document id of a subject, if it is one of ours.
pub fn id_of(subject: &str) -> Option<String> {
    let token = subject.strip_prefix(PREFIX)?;
    let mut bytes = Vec::with_capacity(token.len());
    let mut rest = token.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'~' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_single_tokens_and_come_back() {
        for id in [
            "trove:265260046",
            "seed:000_da6cd36295dcc9e9",
            "a.b*c>d e",
            "déjà~vu",
            "x~41",
        ] {
            let subject = subject(id);
            let token = subject.strip_prefix(PREFIX).unwrap();
            assert!(!token.contains(['.', '*', '>', ' ']), "{subject}");
            assert_eq!(id_of(&subject).as_deref(), Some(id));
        }
        // One-to-one: an id that looks like an escape does not meet the id it would escape.
        assert_ne!(subject("x~41"), subject("xA"));
        assert_eq!(id_of("other.subject"), None);
    }
}
