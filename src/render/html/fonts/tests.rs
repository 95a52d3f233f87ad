use super::*;

#[test]
fn base64_as_the_rfc_writes_it() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(plain.as_bytes()), coded);
    }
    assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
}

#[test]
fn unicode_ranges_join_neighbours() {
    let chars: BTreeSet<char> = "ABCEé".chars().collect();
    assert_eq!(unicode_range(&chars), "U+41-43,U+45,U+E9");
}

#[test]
fn the_shown_characters_are_the_text_and_its_capitals() {
    let html = "<html><style>p { q: 1 }</style><p title=\"W\" class=\"k\">é <b>x</b></p>\n</html>";
    let chars = shown(html);
    for c in ['é', 'É', 'x', 'X', ' ', '/', '1'] {
        assert!(chars.contains(&c), "{c}");
    }
    for c in ['q', 'W', 'k', '\n', '{'] {
        assert!(!chars.contains(&c), "{c:?}");
    }
}

#[test]
fn each_character_goes_to_the_first_font_of_the_stack_that_draws_it() {
    let chars: BTreeSet<char> = "Ab 1جهة".chars().collect();
    let families = |dir| {
        share(&chars, dir)
            .into_iter()
            .map(|(f, s)| (f, s.into_iter().collect::<String>()))
            .collect::<Vec<_>>()
    };
    // Latin first; Amiri takes the Arabic letters and the space and digit between them.
    assert_eq!(
        families("ltr"),
        [
            ("Libertinus Serif", " 1Ab".into()),
            ("Amiri", " 1\u{629}\u{62c}\u{647}".into())
        ]
    );
    // Amiri first: it draws the Latin letters too, as in the Arabic PDF.
    assert_eq!(
        families("rtl"),
        [("Amiri", " 1Ab\u{629}\u{62c}\u{647}".into())]
    );
}

/// The `(family, weight, style)` of each `@font-face` of `css`.
fn faces(css: &str) -> Vec<(String, String, String)> {
    css.split("@font-face {")
        .skip(1)
        .map(|rule| {
            let value = |key: &str| {
                let from = rule.find(key).expect(key) + key.len();
                rule[from..]
                    .split(';')
                    .next()
                    .expect("a value")
                    .trim()
                    .to_string()
            };
            (
                value("font-family:"),
                value("font-weight:"),
                value("font-style:"),
            )
        })
        .collect()
}

#[test]
fn a_page_embeds_only_the_faces_it_can_use() {
    let face = |f: &str, w: &str, s: &str| (format!("\"{f}\""), w.to_string(), s.to_string());
    let latin = css("<p>Oriental</p>", "ltr").expect("css");
    assert_eq!(
        faces(&latin),
        [
            face("Libertinus Serif", "400", "normal"),
            face("Libertinus Serif", "700", "normal"),
            face("Libertinus Serif", "400", "italic"),
        ]
    );
    assert!(latin.starts_with(":root { --latin: \"Libertinus Serif\", \"Amiri\""));
    let both = css("<p>Oriental <span lang=\"ar\">الشرق</span></p>", "ltr").expect("css");
    assert_eq!(faces(&both).len(), 4);
    assert_eq!(faces(&both)[3], face("Amiri", "400", "normal"));
    let arabic = css("<p>الشرق</p>", "rtl").expect("css");
    assert_eq!(
        faces(&arabic),
        [
            face("Amiri", "400", "normal"),
            face("Amiri", "700", "normal")
        ]
    );
    assert!(arabic.contains("src: url(data:font/woff;base64,d09GR"));
    assert_eq!(arabic, css("<p>الشرق</p>", "rtl").expect("again"));
}

#[test]
fn the_subset_used_longest_ago_makes_room_for_a_new_one() {
    let key = |n: usize| (n, vec!['a']);
    let mut subsets = Subsets::default();
    for n in 0..SUBSETS_KEPT {
        subsets.insert(key(n), n.to_string().into());
    }
    // The first is used again: the second is now the one used longest ago.
    assert_eq!(subsets.get(&key(0)).as_deref(), Some("0"));
    subsets.insert(key(SUBSETS_KEPT), "new".into());
    assert_eq!(subsets.kept.len(), SUBSETS_KEPT);
    assert!(subsets.get(&key(1)).is_none());
    assert_eq!(subsets.get(&key(0)).as_deref(), Some("0"));
    assert_eq!(subsets.get(&key(SUBSETS_KEPT)).as_deref(), Some("new"));
    assert_eq!(subsets.get(&key(2)).as_deref(), Some("2"));
}
