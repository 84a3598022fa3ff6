//! How much of a paste (or a typed character) an answer still has room for: the
//! store's limit on a value and the question's own maximum length, in one pass.

use crate::form::Lang;

/// How long an answer may be, as JSON (the store's limit, less room for the draft's
/// position, so that a draft of the longest answer is saved too).
pub const MAX_ANSWER_JSON: usize = crate::store::keys::MAX_VALUE_JSON - 1024;

/// The bytes `text` takes as a JSON string's content.
pub fn json_len(text: &str) -> usize {
    text.chars().map(char_json_len).sum()
}

fn char_json_len(c: char) -> usize {
    match c {
        '"' | '\\' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

/// Pasted text for a multi-line field: line breaks kept as `\n` (CR LF and CR too),
/// every other control character dropped by `fit_paste`; a break is a character.
pub(super) fn text_with_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What an answer still has room for: JSON bytes (the store's limit) and characters
/// (the question's own `max_length`).
#[derive(Clone, Copy, Debug)]
pub struct Room {
    pub json: usize,
    pub chars: usize,
}

/// The part of `text` (control characters dropped) that fits in `room`, and the
/// number of characters left out. One pass: linear in the length of `text`.
pub fn fit_paste(text: &str, room: Room, breaks: bool) -> (String, usize) {
    let mut kept = String::with_capacity(text.len().min(room.json));
    let (mut used, mut chars, mut cut) = (0, 0, 0);
    for c in text
        .chars()
        .filter(|&c| !c.is_control() || breaks && c == '\n')
    {
        let n = char_json_len(c);
        if cut == 0 && used + n <= room.json && chars < room.chars {
            kept.push(c);
            used += n;
            chars += 1;
        } else {
            cut += 1;
        }
    }
    (kept, cut)
}

pub(super) fn too_long_message(lang: Lang, max: usize, cut: usize) -> String {
    crate::t!(lang, "tui-too-long", max = max, cut = cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_cut_at_the_json_room_and_at_the_character_room() {
        let all = Room {
            json: usize::MAX,
            chars: usize::MAX,
        };
        assert_eq!(fit_paste("a\u{1b}b\nc", all, false), ("abc".to_string(), 0));
        assert_eq!(
            fit_paste("a\u{1b}b\nc", all, true),
            ("ab\nc".to_string(), 0)
        );
        let (kept, cut) = fit_paste(
            "ab\"cd",
            Room {
                json: 4,
                chars: usize::MAX,
            },
            false,
        );
        assert_eq!((kept.as_str(), cut), ("ab\"", 2), "a quote takes two bytes");
        let (kept, cut) = fit_paste(
            "éééé",
            Room {
                json: 100,
                chars: 3,
            },
            false,
        );
        assert_eq!((kept.as_str(), cut), ("ééé", 1));
        assert_eq!(json_len("a\"\\é"), 1 + 2 + 2 + 2);
    }
}
