//! How the schema types read from serde, the same through serde-wasm-bindgen (JS values) and
//! serde_json (native): every object is read from the value's own keys, so an unknown field is
//! an error (serde-wasm-bindgen's struct reader looks up only the known names and would let a
//! typo pass), and an array never stands in for an object (serde's derive would read a struct
//! from an array by position). Lists are read with `deserialize_any`, so a wrong type names the
//! value (serde-wasm-bindgen's sequence reader throws Reflect's TypeError for a number).
//!
//! A new schema struct: `#[serde(deny_unknown_fields, remote = "Self")]` on it, and
//! `from_object!(Name);` below. A new list field: `#[serde(deserialize_with = "de::list")]`
//! (or `de::list_or_null` with `default` when it may be absent or null).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// `Deserialize` for a struct derived with `remote = "Self"`: from an object's entries only.
macro_rules! from_object {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<$t, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<$t, A::Error> {
                        <$t>::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                d.deserialize_any(Fields)
            }
        }
    )*};
}
pub(crate) use from_object;

struct List<T>(PhantomData<T>, bool);

impl<'de, T: Deserialize<'de>> Visitor<'de> for List<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
        if self.1 {
            Ok(Vec::new())
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
        self.visit_unit()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(x) = seq.next_element()? {
            out.push(x);
        }
        Ok(out)
    }
    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<Vec<T>, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Map, &self))
    }
}

/// A required list.
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(List(PhantomData, false))
}

/// A list that may be null (with `#[serde(default)]`, also absent): empty then.
pub fn list_or_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(List(PhantomData, true))
}

/// A field that may be absent or null: either reads as the type's default (`Bound::Exact`).
pub fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
