//! Answer keys: `section.question` and, inside repeat groups, `group[N].question`
//! with N counted from 1 (what users type on the command line).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerKey {
    /// Section or group id.
    pub scope: String,
    /// 1-based repeat instance, `None` outside groups.
    pub instance: Option<usize>,
    pub question: String,
}

impl AnswerKey {
    pub fn plain(section: &str, question: &str) -> AnswerKey {
        AnswerKey {
            scope: section.to_string(),
            instance: None,
            question: question.to_string(),
        }
    }

    pub fn repeat(group: &str, instance: usize, question: &str) -> AnswerKey {
        AnswerKey {
            scope: group.to_string(),
            instance: Some(instance),
            question: question.to_string(),
        }
    }

    /// Parses `a.b` or `g[3].b`; ids are `[a-z_][a-z0-9_]*`.
    pub fn parse(s: &str) -> Result<AnswerKey, crate::form::Msg> {
        let bad = || crate::msg!("key-invalid", key = s);
        let (head, question) = s.split_once('.').ok_or_else(bad)?;
        if !is_id(question) {
            return Err(bad());
        }
        if let Some(open) = head.find('[') {
            let scope = &head[..open];
            let n = head[open + 1..].strip_suffix(']').ok_or_else(bad)?;
            let n: usize = n.parse().map_err(|_| bad())?;
            if n == 0 {
                return Err(crate::msg!("key-counted-from-one", key = s));
            }
            if !is_id(scope) {
                return Err(bad());
            }
            Ok(AnswerKey::repeat(scope, n, question))
        } else if is_id(head) {
            Ok(AnswerKey::plain(head, question))
        } else {
            Err(bad())
        }
    }

    /// The key without the instance: `group.question` — how expressions name it.
    pub fn path(&self) -> String {
        format!("{}.{}", self.scope, self.question)
    }
}

impl fmt::Display for AnswerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.instance {
            Some(n) => write!(f, "{}[{}].{}", self.scope, n, self.question),
            None => write!(f, "{}.{}", self.scope, self.question),
        }
    }
}

pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.len() <= 64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_repeat_keys() {
        assert_eq!(
            AnswerKey::parse("company.name").unwrap(),
            AnswerKey::plain("company", "name")
        );
        let k = AnswerKey::parse("locations[2].down_mbps").unwrap();
        assert_eq!(k, AnswerKey::repeat("locations", 2, "down_mbps"));
        assert_eq!(k.to_string(), "locations[2].down_mbps");
        assert_eq!(k.path(), "locations.down_mbps");
    }

    #[test]
    fn refuses_malformed_keys() {
        for bad in [
            "company",
            "Company.name",
            "locations[0].name",
            "locations[x].name",
            "a.b.c",
            ".x",
            "a[1.b",
        ] {
            assert!(AnswerKey::parse(bad).is_err(), "{bad}");
        }
    }
}
