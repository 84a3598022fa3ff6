//! Plain map-backed [`Env`] and [`TypeEnv`]: for tests, benchmarks, and callers
//! such as advice rules over probe facts that have no form instance around them.

use super::{Env, Ty, TypeEnv};
use crate::form::value::Value;
use std::collections::{HashMap, HashSet};

/// Answers in maps. Group instances are maps of field name to value.
#[derive(Clone, Debug)]
pub struct MapEnv {
    /// Plain answers and facts by full path (`company.name`).
    pub values: HashMap<String, Value>,
    /// Repeat groups: name to instances, each instance field name to value.
    pub groups: HashMap<String, Vec<HashMap<String, Value>>>,
    /// The current instance (group name, index from 0), for `group.field` references.
    pub instance: Option<(String, usize)>,
    /// The value under validation (`.`).
    pub this: Value,
    pub today: time::Date,
}

impl MapEnv {
    pub fn new(today: time::Date) -> MapEnv {
        MapEnv {
            values: HashMap::new(),
            groups: HashMap::new(),
            instance: None,
            this: Value::Null,
            today,
        }
    }

    pub fn set(&mut self, path: &str, v: Value) -> &mut Self {
        self.values.insert(path.to_string(), v);
        self
    }
}

impl Env for MapEnv {
    fn value(&self, path: &str) -> Value {
        if let Some((g, i)) = &self.instance
            && let Some(field) = path
                .strip_prefix(g.as_str())
                .and_then(|r| r.strip_prefix('.'))
        {
            return self
                .groups
                .get(g)
                .and_then(|inst| inst.get(*i))
                .and_then(|inst| inst.get(field))
                .cloned()
                .unwrap_or_default();
        }
        self.values.get(path).cloned().unwrap_or_default()
    }

    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        self.groups.get(group).map_or_else(Vec::new, |inst| {
            inst.iter()
                .map(|i| i.get(field).cloned().unwrap_or_default())
                .collect()
        })
    }

    fn group_count(&self, group: &str) -> usize {
        self.groups.get(group).map_or(0, Vec::len)
    }

    fn this(&self) -> Value {
        self.this.clone()
    }

    fn today(&self) -> time::Date {
        self.today
    }
}

/// Types in maps: full paths (`locations.down_mbps` for group fields) and group names.
#[derive(Clone, Debug, Default)]
pub struct MapTypes {
    pub types: HashMap<String, Ty>,
    pub groups: HashSet<String>,
    pub this: Option<Ty>,
}

impl MapTypes {
    pub fn with(mut self, path: &str, t: Ty) -> Self {
        self.types.insert(path.to_string(), t);
        self
    }

    pub fn group(mut self, name: &str) -> Self {
        self.groups.insert(name.to_string());
        self
    }
}

impl TypeEnv for MapTypes {
    fn type_of(&self, path: &str) -> Option<Ty> {
        self.types.get(path).copied()
    }

    fn is_group(&self, name: &str) -> bool {
        self.groups.contains(name)
    }

    fn this_type(&self) -> Option<Ty> {
        self.this
    }
}
