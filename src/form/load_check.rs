//! What waits until every question is known: expressions checked for the type they give,
//! and calculated questions put in the order they read each other (cycles reported).

use super::*;

/// An expression waiting to be checked once all questions are known.
pub(super) struct Pending {
    pub(super) expr: Expr,
    /// The TOML string token holding the expression, quotes included.
    pub(super) span: Range<usize>,
    pub(super) want: Want,
    /// The type of `.` (constraints), if any.
    pub(super) this: Option<Ty>,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Want {
    Bool,
    Number,
    Any,
}

impl Builder<'_> {
    /// Orders calculated questions so each comes after those it reads; reports cycles.
    pub(super) fn calc_order(
        &mut self,
        sections: &[Section],
        index: &PathIndex,
        calcs: &[(usize, usize, Range<usize>)],
    ) -> Vec<(usize, usize)> {
        let calc_set: HashSet<(usize, usize)> = calcs.iter().map(|(s, q, _)| (*s, *q)).collect();
        let deps = |s: usize, q: usize| -> Vec<(usize, usize)> {
            let Some(e) = &sections[s].questions[q].calculate else {
                return vec![];
            };
            e.references()
                .into_iter()
                .filter_map(|(r, _)| index.get(&r).copied())
                .filter(|p| calc_set.contains(p))
                .collect()
        };
        let mut order = Vec::new();
        let mut state: HashMap<(usize, usize), u8> = HashMap::new(); // 1 = visiting, 2 = done
        for (s, q, span) in calcs {
            let mut stack = vec![((*s, *q), 0usize)];
            while let Some(&mut (node, ref mut i)) = stack.last_mut() {
                if *i == 0 {
                    if state.get(&node) == Some(&2) {
                        stack.pop();
                        continue;
                    }
                    state.insert(node, 1);
                }
                let d = deps(node.0, node.1);
                if *i < d.len() {
                    let next = d[*i];
                    *i += 1;
                    match state.get(&next) {
                        Some(1) => {
                            let a = format!(
                                "{}.{}",
                                sections[node.0].id, sections[node.0].questions[node.1].id
                            );
                            let b = format!(
                                "{}.{}",
                                sections[next.0].id, sections[next.0].questions[next.1].id
                            );
                            self.err(span.clone(), format!("calculation cycle: '{a}' depends on '{b}', which depends back on it"));
                            return order;
                        }
                        Some(2) => {}
                        _ => stack.push((next, 0)),
                    }
                } else {
                    state.insert(node, 2);
                    order.push(node);
                    stack.pop();
                }
            }
        }
        order
    }
}
