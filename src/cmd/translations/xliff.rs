//! XLIFF 2.0 (OASIS, `urn:oasis:names:tc:xliff:document:2.0`), the exchange format of
//! translation tools: written from the dataset's texts, and read back, one segment a unit.
//!
//! Texts go in as they are, `{value: ...}` references included, escaped for XML: a tool
//! shows them as text to keep, and they come back byte for byte.

use std::collections::BTreeMap;

use jiha_data::escape::xml;
use jiha_data::translations::{Unit, fingerprint};

/// The XLIFF 2.0 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// What a note says on an outdated translation.
pub const OUTDATED_NOTE: &str =
    "outdated: the original changed after this translation was made; update it";

/// The texts of one data file, to write.
#[derive(Debug)]
pub struct FileUnits<'a> {
    /// Its name in the dataset (`proposals/spark.ron`).
    pub name: &'a str,
    pub units: Vec<Unit>,
    /// The fingerprints of the originals its `lang` translations were made from.
    pub recorded: Option<&'a BTreeMap<String, String>>,
}

/// The XLIFF document of `files`' texts from `source_lang` into `lang`: the same bytes for
/// the same dataset.
pub fn document(source_lang: &str, lang: &str, files: &[FileUnits]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        xml(source_lang),
        xml(lang)
    );
    for file in files.iter().filter(|f| !f.units.is_empty()) {
        out.push_str(&format!(
            "  <file id=\"{}\" original=\"{}\" xml:space=\"preserve\">\n",
            xml(&file.name.replace('/', ".")),
            xml(file.name)
        ));
        for unit in &file.units {
            write_unit(&mut out, unit, lang, file.recorded);
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// One `<unit>`: `state="initial"` with no target when the translation is missing, and with
/// a note when it is outdated; `state="translated"` otherwise.
fn write_unit(
    out: &mut String,
    unit: &Unit,
    lang: &str,
    recorded: Option<&BTreeMap<String, String>>,
) {
    let target = unit.targets.get(lang);
    let outdated = target.is_some()
        && recorded
            .and_then(|r| r.get(&unit.id))
            .is_some_and(|hash| *hash != fingerprint(&unit.source));
    out.push_str(&format!("    <unit id=\"{}\">\n", xml(&unit.id)));
    if outdated {
        out.push_str(&format!(
            "      <notes>\n        <note category=\"jiha\">{OUTDATED_NOTE}</note>\n      </notes>\n"
        ));
    }
    let state = if target.is_none() || outdated {
        "initial"
    } else {
        "translated"
    };
    out.push_str(&format!("      <segment state=\"{state}\">\n"));
    out.push_str(&format!("        <source>{}</source>\n", xml(&unit.source)));
    if let Some(target) = target {
        out.push_str(&format!("        <target>{}</target>\n", xml(&target.text)));
    }
    out.push_str("      </segment>\n    </unit>\n");
}

/// An XLIFF document as read back.
#[derive(Debug)]
pub struct Document {
    pub source_lang: String,
    pub lang: String,
    pub files: Vec<DocFile>,
}

/// A `<file>`: the data file it is about.
#[derive(Debug)]
pub struct DocFile {
    /// Its `original`: the file's name in the dataset.
    pub original: String,
    /// Where it starts, `line:col`.
    pub at: String,
    pub units: Vec<DocUnit>,
}

/// A `<unit>` with its one segment.
#[derive(Debug)]
pub struct DocUnit {
    pub id: String,
    pub at: String,
    pub source: String,
    /// The target, if there is one and it is not blank.
    pub target: Option<String>,
    /// The segment's `state` (`initial` when absent, as XLIFF says).
    pub state: String,
}

/// Reads an XLIFF 2.0 document; where and why it cannot be read, as `line:col: message`.
pub fn parse(xml: &str) -> Result<Document, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, options)
        .map_err(|e| format!("{}:{}: not well-formed XML: {e}", e.pos().row, e.pos().col))?;
    let root = doc.root_element();
    let at = |node: roxmltree::Node| {
        let pos = doc.text_pos_at(node.range().start);
        format!("{}:{}", pos.row, pos.col)
    };
    if root.tag_name().name() != "xliff" || root.tag_name().namespace() != Some(NAMESPACE) {
        return Err(format!(
            "{}: the root element is not <xliff> in the XLIFF 2.0 namespace ({NAMESPACE})",
            at(root)
        ));
    }
    if root.attribute("version") != Some("2.0") {
        return Err(format!("{}: not XLIFF version 2.0", at(root)));
    }
    let attribute = |node: roxmltree::Node, name: &str| {
        (node.attribute(name).map(str::to_string))
            .ok_or_else(|| format!("{}: <{}> has no `{name}`", at(node), node.tag_name().name()))
    };
    let mut files = Vec::new();
    for file in children(root, "file") {
        let mut units = Vec::new();
        for unit in file.descendants().filter(|n| is(*n, "unit")) {
            units.push(read_unit(unit, &at)?);
        }
        files.push(DocFile {
            original: attribute(file, "original")?,
            at: at(file),
            units,
        });
    }
    Ok(Document {
        source_lang: attribute(root, "srcLang")?,
        lang: attribute(root, "trgLang")?,
        files,
    })
}

/// A unit, which must hold one segment with one source of plain text.
fn read_unit(
    unit: roxmltree::Node,
    at: &dyn Fn(roxmltree::Node) -> String,
) -> Result<DocUnit, String> {
    let id = (unit.attribute("id"))
        .ok_or_else(|| format!("{}: <unit> has no `id`", at(unit)))?
        .to_string();
    let segments: Vec<_> = children(unit, "segment").collect();
    let [segment] = segments.as_slice() else {
        return Err(format!(
            "{}: unit `{id}` has {} segments: jiha reads one segment a unit (join them in your tool)",
            at(unit),
            segments.len()
        ));
    };
    let source = children(*segment, "source")
        .next()
        .ok_or_else(|| format!("{}: unit `{id}` has no <source>", at(*segment)))?;
    let target = children(*segment, "target").next();
    let target = target.map(|t| plain_text(t, &id, at)).transpose()?;
    Ok(DocUnit {
        at: at(unit),
        source: plain_text(source, &id, at)?,
        target: target.filter(|t| !t.trim().is_empty()),
        state: segment.attribute("state").unwrap_or("initial").to_string(),
        id,
    })
}

/// The text of a `<source>` or `<target>`, which must hold no inline element.
fn plain_text(
    node: roxmltree::Node,
    id: &str,
    at: &dyn Fn(roxmltree::Node) -> String,
) -> Result<String, String> {
    if let Some(element) = node.children().find(|c| c.is_element()) {
        return Err(format!(
            "{}: unit `{id}`: <{}> inside <{}>: jiha's texts are plain text; keep `{{...}}` references as written",
            at(element),
            element.tag_name().name(),
            node.tag_name().name()
        ));
    }
    Ok(node.children().filter_map(|c| c.text()).collect())
}

/// Whether `node` is the XLIFF element `name`.
fn is(node: roxmltree::Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(NAMESPACE)
}

/// The XLIFF child elements `name` of `node`.
fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |c| is(*c, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(source: &str, target: Option<&str>) -> Unit {
        let text = match target {
            Some(t) => format!(
                "X(t: {{\"fr\": {}, \"ar\": {}}})",
                jiha_data::escape::quoted(source),
                jiha_data::escape::quoted(t)
            ),
            None => format!("X(t: {{\"fr\": {}}})", jiha_data::escape::quoted(source)),
        };
        let langs = ["fr", "ar"].map(String::from);
        jiha_data::translations::units(&text, "fr", &langs).remove(0)
    }

    #[test]
    fn texts_round_trip_through_the_document_exactly() {
        let source = "a < b & c > \"d\" {value: x} «\u{a0}é\u{a0}»\nline";
        let target = "ترجمة & {value: x}";
        let mut recorded = BTreeMap::new();
        recorded.insert("t".to_string(), fingerprint(source));
        let files = [FileUnits {
            name: "proposals/a.ron",
            units: vec![unit(source, Some(target))],
            recorded: Some(&recorded),
        }];
        let xml = document("fr", "ar", &files);
        let doc = parse(&xml).expect("parses");
        assert_eq!((doc.source_lang.as_str(), doc.lang.as_str()), ("fr", "ar"));
        assert_eq!(doc.files[0].original, "proposals/a.ron");
        let read = &doc.files[0].units[0];
        assert_eq!(read.id, "t");
        assert_eq!(read.source, source);
        assert_eq!(read.target.as_deref(), Some(target));
        assert_eq!(read.state, "translated");
    }

    #[test]
    fn missing_and_outdated_translations_are_initial_and_outdated_ones_noted() {
        let mut recorded = BTreeMap::new();
        recorded.insert("t".to_string(), fingerprint("an older original"));
        let files = [FileUnits {
            name: "a.ron",
            units: vec![unit("new", Some("جديد"))],
            recorded: Some(&recorded),
        }];
        let xml = document("fr", "ar", &files);
        assert!(xml.contains(OUTDATED_NOTE), "{xml}");
        assert_eq!(
            parse(&xml).expect("parses").files[0].units[0].state,
            "initial"
        );
        let files = [FileUnits {
            name: "a.ron",
            units: vec![unit("new", None)],
            recorded: None,
        }];
        let xml = document("fr", "ar", &files);
        let read = &parse(&xml).expect("parses").files[0].units[0];
        assert_eq!(
            (read.state.as_str(), read.target.as_deref()),
            ("initial", None)
        );
        assert!(!xml.contains("<notes>"));
    }

    #[test]
    fn a_unit_with_inline_markup_or_two_segments_is_refused_where_it_is() {
        let wrap = |unit: &str| {
            format!(
                "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"fr\" trgLang=\"ar\"><file id=\"f\" original=\"a.ron\">\n{unit}</file></xliff>"
            )
        };
        let inline =
            wrap("<unit id=\"t\"><segment><source>a <ph id=\"1\"/></source></segment></unit>");
        let error = parse(&inline).expect_err("refused");
        assert!(error.starts_with("2:") && error.contains("<ph>"), "{error}");
        let two = wrap(
            "<unit id=\"t\"><segment><source>a</source></segment><segment><source>b</source></segment></unit>",
        );
        assert!(parse(&two).expect_err("refused").contains("2 segments"));
        let other = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>";
        assert!(parse(other).expect_err("refused").contains("namespace"));
    }
}
