//! A region brief's province map: its provinces and préfectures grey by one indicator, in
//! fixed classes, numbered, with the numbered key every format prints.

use jiha_data::checked::{Area, IndicatorKind, PlaceNames, Province, ProvinceKind, Region};

use super::region::Drawing;
use super::sources::Cited;
use super::{Views, fill};
use crate::graphics::{self, MapProvince, ProvinceMapText, class_of};

/// The indicator that shades the map, over everyone.
const SHADED: IndicatorKind = IndicatorKind::UnemploymentRate;

/// The upper bounds of the map's classes, in percent: fixed every 5 points and the same for
/// every region, so that a grey means the same rate on every region's map (the provinces'
/// unemployment rates run from 10.5 % to 49.3 %, the national one is 21.3 %).
pub const BREAKS: [f64; 4] = [15.0, 20.0, 25.0, 30.0];

/// A region's province map and its key.
#[derive(Debug, Clone)]
pub struct ProvinceMapView {
    pub drawing: Drawing,
    /// The key's heading.
    pub key_title: String,
    /// One entry per province and préfecture, in the order of their numbers.
    pub key: Vec<ProvinceKeyEntry>,
    /// Said when some units have no outline (Casablanca's préfectures d'arrondissements).
    pub note: Option<String>,
}

/// A numbered province of the key.
#[derive(Debug, Clone)]
pub struct ProvinceKeyEntry {
    pub number: usize,
    /// Its name in the edition's language (HCP's French in French and English).
    pub name: String,
    /// The map's value, as printed, or « pas de valeur ».
    pub value: String,
    /// The label of its class, or « sans contour » when the map cannot draw it.
    pub class: String,
}

impl Views<'_> {
    /// The province map of region `r`, if the dataset has its provinces. Its sources (the
    /// outlines' and the values') are cited in the brief.
    pub(super) fn province_map(&self, r: &Region, cited: &mut Cited) -> Option<ProvinceMapView> {
        let (l, d) = (&self.labels, self.dataset);
        let provinces = d.provinces().iter().filter(|p| p.region == r.key);
        let (mapped, inside): (Vec<&Province>, Vec<&Province>) =
            provinces.partition(|p| p.kind != ProvinceKind::PrefectureOfArrondissements);
        let year = (mapped.iter())
            .filter_map(|p| {
                p.values
                    .iter()
                    .find(|v| v.kind == SHADED && v.area == Area::Total)
            })
            .map(|v| v.year)
            .max()?;
        let classes = self.class_labels();
        let (key, shapes, sources) = self.province_key(&mapped, year, &classes, cited);
        let outlines = cited.cite(d.outlines_source());
        let region_name = self.region_name(r).to_string();
        let indicator = self.indicator_label(SHADED);
        let year = year.to_string();
        let title = fill(
            &l.province_map_title,
            &[
                ("region", &region_name),
                ("indicator", &indicator),
                ("year", &year),
            ],
        );
        let legend_title = format!("{indicator} ({year})");
        let text = ProvinceMapText {
            title: &title,
            desc: &l.province_map_desc,
            legend_title: &legend_title,
            classes: &classes,
            no_value: &l.no_value,
            rtl: self.locale.rtl(),
        };
        let missing = shapes.len() < mapped.len();
        let svg = graphics::province_map(&r.outline, &shapes, missing, &text);
        let numbers = |ns: &[usize]| ns.iter().map(|n| format!("[{n}]")).collect::<String>();
        let caption = fill(
            &l.province_map_caption,
            &[
                ("outlines", &numbers(&[outlines])),
                ("year", &year),
                ("values", &numbers(&sources)),
            ],
        );
        let note = self.no_outline_note(&inside, &mapped, &key);
        Some(ProvinceMapView {
            drawing: Drawing {
                svg,
                title,
                caption,
            },
            key_title: l.province_key.clone(),
            key,
            note,
        })
    }

    /// The numbered key of the mapped provinces, their shapes, and the numbers of the sources
    /// of their values (cited in the brief).
    fn province_key<'p>(
        &self,
        mapped: &[&'p Province],
        year: i32,
        classes: &[String],
        cited: &mut Cited,
    ) -> (Vec<ProvinceKeyEntry>, Vec<MapProvince<'p>>, Vec<usize>) {
        let l = &self.labels;
        let name = |p: &Province| match self.locale.place_names() {
            PlaceNames::Arabic => p.name_ar.clone(),
            PlaceNames::French => p.name_fr.clone(),
        };
        let (mut key, mut shapes, mut sources) = (Vec::new(), Vec::new(), Vec::new());
        for (i, p) in mapped.iter().enumerate() {
            let value = p.value(SHADED, Area::Total, year);
            if let Some(v) = value {
                let n = cited.cite(v.source);
                if !sources.contains(&n) {
                    sources.push(n);
                }
            }
            let class = value.map(|v| class_of(v.value, &BREAKS));
            let printed = value.map_or_else(
                || l.no_value.clone(),
                |v| self.indicator_value(SHADED, v.value),
            );
            key.push(ProvinceKeyEntry {
                number: i + 1,
                name: name(p),
                value: printed.clone(),
                class: match (&p.outline, class) {
                    (None, _) => l.no_outline.clone(),
                    (Some(_), Some(c)) => classes[c].clone(),
                    (Some(_), None) => l.no_value.clone(),
                },
            });
            if let Some(outline) = &p.outline {
                shapes.push(MapProvince {
                    number: i + 1,
                    name: name(p),
                    rings: &outline.rings,
                    label: outline.label,
                    class,
                    value: printed,
                });
            }
        }
        (key, shapes, sources)
    }

    /// The label of each class of [`BREAKS`], lowest first: « moins de 15 % », « 15 % à
    /// moins de 20 % », …, « 30 % ou plus ».
    fn class_labels(&self) -> Vec<String> {
        let l = &self.labels;
        let percent = |v: f64| self.locale.percent_as_given(v);
        let mut labels = vec![fill(&l.class_below, &[("value", &percent(BREAKS[0]))])];
        for pair in BREAKS.windows(2) {
            let (low, high) = (percent(pair[0]), percent(pair[1]));
            labels.push(fill(&l.class_between, &[("low", &low), ("high", &high)]));
        }
        let last = percent(BREAKS[BREAKS.len() - 1]);
        labels.push(fill(&l.class_above, &[("value", &last)]));
        labels
    }

    /// Why the préfectures d'arrondissements are not on the map: inside their préfecture,
    /// named with its number in the key.
    fn no_outline_note(
        &self,
        inside: &[&Province],
        mapped: &[&Province],
        key: &[ProvinceKeyEntry],
    ) -> Option<String> {
        let within = inside.first()?.within.as_deref()?;
        let i = mapped.iter().position(|p| p.hcp_code == within)?;
        Some(fill(
            &self.labels.province_no_outline,
            &[
                ("count", &inside.len().to_string()),
                ("prefecture", &key[i].name),
                ("number", &key[i].number.to_string()),
            ],
        ))
    }
}
