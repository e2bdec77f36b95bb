//! Chart drawing, rendered natively on plotters' SVG backend and checked for what was drawn.

mod common;

use common::ds;
use contracts_explorer::charts::{
    self, bar_chart_height, draw_bars, draw_frame, draw_map, draw_timeline, estimate_width,
    BarChart, Frame, MapLayout, Palette, TIMELINE_HEIGHT,
};
use contracts_explorer::engine::{Filters, MapColour, View};
use plotters::prelude::*;

fn svg_of(chart: &BarChart, width: u32) -> (String, usize) {
    let mut svg = String::new();
    let hits;
    {
        let root =
            SVGBackend::with_string(&mut svg, (width, bar_chart_height(chart.bars.len(), width)))
                .into_drawing_area();
        hits = draw_bars(&root, chart, &Palette::LIGHT, 1.0, &estimate_width)
            .expect("draws")
            .len();
        root.present().expect("presents");
    }
    (svg, hits)
}

/// The `width` of every rect filled with `colour` (lower-case hex as plotters writes it).
fn rect_widths(svg: &str, colour: &str) -> Vec<f64> {
    svg.split("<rect")
        .skip(1)
        .filter(|r| r.contains(&format!("fill=\"{colour}\"")))
        .filter_map(|r| {
            let w = r.split("width=\"").nth(1)?.split('"').next()?;
            w.parse().ok()
        })
        .collect()
}

/// The texts drawn, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split('>').nth(1)?.split('<').next()?.trim().to_string()))
        .map(|t| {
            t.replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn region_chart_draws_each_region_once_split_by_sector() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let chart = charts::region_chart(&ds, &sel);
    let (svg, hits) = svg_of(&chart, 600);
    assert_eq!(hits, 11, "one click target per region with awards");
    let t = texts(&svg);
    for r in [
        "East Midlands",
        "Wales",
        "London",
        "Yorkshire and the Humber",
    ] {
        assert_eq!(t.iter().filter(|x| x.as_str() == r).count(), 1, "{r}");
    }
    assert!(!t.iter().any(|x| x == "Greater Manchester"));
    let voluntary = rect_widths(&svg, "#0072B2");
    let private = rect_widths(&svg, "#D55E00");
    let with_private = chart.bars.iter().filter(|b| b.values[1] > 0).count();
    assert_eq!(voluntary.len(), 11);
    assert_eq!(private.len(), with_private);
}

#[test]
fn bar_lengths_are_proportional_to_value() {
    let ds = ds();
    let sel = ds
        .summarise(ds.select(&Filters::from_query("category=womens", &ds).0))
        .summary;
    let chart = charts::provider_chart(&ds, &sel);
    let (svg, _) = svg_of(&chart, 800);
    let widths = rect_widths(&svg, "#0072B2");
    assert_eq!(
        widths.len(),
        chart.bars.len(),
        "all women's services providers are voluntary"
    );
    for (w, b) in widths.iter().zip(&chart.bars) {
        let expected = widths[0] * b.total() as f64 / chart.bars[0].total() as f64;
        assert!(
            (w - expected).abs() <= 1.0,
            "{}: {w} vs {expected}",
            b.label
        );
    }
    assert!(widths.windows(2).all(|p| p[0] >= p[1]), "ranked by value");
}

#[test]
fn provider_chart_colours_each_provider_by_its_sector_and_counts_contracts() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let chart = charts::provider_chart(&ds, &sel);
    let (svg, hits) = svg_of(&chart, 700);
    assert_eq!(hits, 26);
    assert_eq!(
        rect_widths(&svg, "#D55E00").len(),
        3,
        "Ingeus, Maximus, Seetec"
    );
    assert_eq!(rect_widths(&svg, "#0072B2").len(), 23);
    let t = texts(&svg);
    assert!(t
        .iter()
        .any(|x| x.starts_with("£") && x.ends_with("contracts")));
}

#[test]
fn a_narrow_chart_puts_labels_above_full_width_bars_and_shortens_what_still_does_not_fit() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let chart = charts::category_chart(&ds, &sel);
    let (wide, _) = svg_of(&chart, 700);
    let (narrow, _) = svg_of(&chart, 340);
    // Bars with no sector split are a neutral grey, neither sector's colour.
    let longest = |svg: &str| rect_widths(svg, "#5A5A5A").into_iter().fold(0.0, f64::max);
    assert!(rect_widths(&wide, "#0072B2").is_empty() && rect_widths(&wide, "#D55E00").is_empty());
    // On a phone the bars get a larger share of the width than beside their labels.
    assert!(longest(&narrow) / 340.0 > longest(&wide) / 700.0);
    assert!(bar_chart_height(4, 340) > bar_chart_height(4, 700));
    let (tiny, _) = svg_of(&chart, 120);
    assert!(
        texts(&tiny).iter().any(|x| x.ends_with('…')),
        "{:?}",
        texts(&tiny)
    );
}

#[test]
fn an_empty_view_draws_a_message_not_bars() {
    let ds = ds();
    let sel = ds
        .summarise(ds.select(&Filters::from_query("region=greater-manchester", &ds).0))
        .summary;
    let (svg, hits) = svg_of(&charts::region_chart(&ds, &sel), 600);
    assert_eq!(hits, 0);
    assert_eq!(texts(&svg), ["No awards in this view"]);
}

#[test]
fn timeline_draws_one_column_per_end_month_on_a_year_axis() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let today = contracts_explorer::data::Month::parse("2026-12").unwrap();
    let timeline = charts::timeline(&ds, &sel, today);
    let mut svg = String::new();
    let hits;
    {
        let root = SVGBackend::with_string(&mut svg, (600, TIMELINE_HEIGHT)).into_drawing_area();
        hits = draw_timeline(&root, &timeline, &Palette::LIGHT, 1.0).unwrap();
        root.present().unwrap();
    }
    assert_eq!(hits.len(), 3);
    let t = texts(&svg);
    for label in ["2021", "2024", "2027", "17", "61", "32", "Start", "Today"] {
        assert!(t.iter().any(|x| x == label), "{label} in {t:?}");
    }
    // Columns are placed in time order: June 2023 left of March 2025 left of March 2026.
    assert!(hits[0].x < hits[1].x && hits[1].x < hits[2].x);
    // March 2025 to March 2026 is 12 months; June 2023 to March 2025 is 21.
    let gap = |a: usize, b: usize| f64::from(hits[b].x - hits[a].x);
    assert!((gap(0, 1) / gap(1, 2) - 21.0 / 12.0).abs() < 0.1);
    // On a phone, every other year is labelled so the labels do not run together.
    let mut narrow = String::new();
    {
        let root = SVGBackend::with_string(&mut narrow, (280, TIMELINE_HEIGHT)).into_drawing_area();
        draw_timeline(&root, &timeline, &Palette::LIGHT, 1.0).unwrap();
        root.present().unwrap();
    }
    let years: Vec<String> = texts(&narrow)
        .into_iter()
        .filter(|t| t.len() == 4 && t.starts_with("20"))
        .collect();
    assert_eq!(years, ["2021", "2023", "2025", "2027"]);
    assert_eq!(timeline.summary(), "Contracts start in June 2021. Scheduled ends: June 2023: 17 contracts; March 2025: 61 contracts; March 2026: 32 contracts. Today is December 2026: all have passed. What comes next is due to start in March 2027 (see the notes).");
    // What comes next is marked on the axis.
    assert!(texts(&narrow).iter().any(|t| t == "Next"));
    // Today is marked after the last end; a later today stretches the axis to reach it.
    let later = charts::timeline(
        &ds,
        &sel,
        contracts_explorer::data::Month::parse("2028-05").unwrap(),
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (600, TIMELINE_HEIGHT)).into_drawing_area();
        draw_timeline(&root, &later, &Palette::LIGHT, 1.0).unwrap();
        root.present().unwrap();
    }
    assert!(texts(&svg).iter().any(|x| x == "2029"), "{:?}", texts(&svg));
    let earlier = charts::timeline(
        &ds,
        &sel,
        contracts_explorer::data::Month::parse("2024-01").unwrap(),
    );
    assert!(earlier
        .summary()
        .contains("Today is January 2024: some have passed."));
}

#[test]
fn dark_palette_draws_in_its_own_colours() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let chart = charts::region_chart(&ds, &sel);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (600, bar_chart_height(11, 600))).into_drawing_area();
        draw_bars(&root, &chart, &Palette::DARK, 1.0, &estimate_width).unwrap();
        root.present().unwrap();
    }
    assert!(svg.contains("fill=\"#161616\""));
    assert_eq!(rect_widths(&svg, "#56B4E9").len(), 11);
}

#[test]
fn high_density_screens_get_scaled_drawing() {
    let ds = ds();
    let sel = ds.summarise(ds.select(&Filters::default())).summary;
    let chart = charts::category_chart(&ds, &sel);
    let draw = |scale: f64| {
        let mut svg = String::new();
        let h = (f64::from(bar_chart_height(4, 600)) * scale) as u32;
        let hits;
        {
            let root =
                SVGBackend::with_string(&mut svg, ((600.0 * scale) as u32, h)).into_drawing_area();
            hits = draw_bars(&root, &chart, &Palette::LIGHT, scale, &estimate_width).unwrap();
            root.present().unwrap();
        }
        hits
    };
    let one = draw(1.0);
    let two = draw(2.0);
    assert_eq!(two[1].y, one[1].y * 2);
    assert_eq!(two[1].height, one[1].height * 2);
}

#[test]
fn an_exported_chart_carries_its_title_filters_source_and_date() {
    let ds = ds();
    let (f, _) = Filters::from_query(
        "region=wales&category=womens,personal-wellbeing,accommodation&q=trust",
        &ds,
    );
    let sel = ds.summarise(ds.select(&f)).summary;
    let chart = charts::provider_chart(&ds, &sel);
    let width = 400;
    let frame = Frame::new(
        "Lead providers by value",
        &ds.filters_line(&f),
        &ds.provenance_lines(),
        width,
        &estimate_width,
    );
    assert!(
        frame.top.len() > 1,
        "a long filters line wraps: {:?}",
        frame.top
    );
    let height =
        frame.top_height() + bar_chart_height(chart.bars.len(), width) + frame.bottom_height();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let body = draw_frame(&root, &frame, &Palette::LIGHT, 1.0).unwrap();
        let (_, body_height) = body.dim_in_pixel();
        assert_eq!(body_height, bar_chart_height(chart.bars.len(), width));
        draw_bars(&body, &chart, &Palette::LIGHT, 1.0, &estimate_width).unwrap();
        root.present().unwrap();
    }
    let all = texts(&svg).join(" ");
    assert!(all.contains("Lead providers by value"));
    for part in [
        "Region: Wales",
        "Category: Women's services",
        "Search: “trust”",
    ] {
        assert!(all.contains(part), "{part} in {all}");
    }
    assert!(all.contains("Commissioned Rehabilitative Services contracts awarded in May 2021."));
    assert!(all.contains("Sources: Ministry of Justice"));
    assert!(all.contains("Data as at 21 May 2021."));
    assert!(all.contains("The Forward Trust"));
    // Nothing is drawn past the image's edges.
    for y in svg
        .split(" y=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next()?.parse::<f64>().ok())
    {
        assert!(y >= 0.0 && y <= f64::from(height), "{y}");
    }
}

/// Draws the map for `query` at `width` on the SVG backend.
fn map_svg(
    query: &str,
    width: u32,
    palette: &Palette,
) -> (
    String,
    contracts_explorer::engine::AreaMap,
    MapLayout,
    usize,
) {
    let ds = ds();
    let (v, _) = View::from_query(query, &ds);
    let map = ds.area_map(&v.filters, &v.map);
    let layout = MapLayout::new(width, &map);
    let mut svg = String::new();
    let hits;
    {
        let root =
            SVGBackend::with_string(&mut svg, (width, layout.height_px())).into_drawing_area();
        hits = draw_map(&root, &map, &ds, palette, 1.0, &estimate_width)
            .expect("draws")
            .len();
        root.present().expect("presents");
    }
    (svg, map, layout, hits)
}

/// The filled rects: x, y, width and fill.
fn filled_rects(svg: &str) -> Vec<(f64, f64, f64, String)> {
    let attr = |r: &str, name: &str| -> Option<String> {
        Some(
            r.split(&format!(" {name}=\""))
                .nth(1)?
                .split('"')
                .next()?
                .to_string(),
        )
    };
    svg.split("<rect")
        .skip(1)
        .filter_map(|r| {
            let r = r.split("/>").next()?;
            let fill = attr(r, "fill")?;
            (fill != "none").then_some(())?;
            Some((
                attr(r, "x")?.parse().ok()?,
                attr(r, "y")?.parse().ok()?,
                attr(r, "width")?.parse().ok()?,
                fill,
            ))
        })
        .collect()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn the_map_draws_each_area_once_in_the_colour_of_its_fill_in_every_colouring() {
    let ds = ds();
    for palette in [Palette::LIGHT, Palette::DARK] {
        for colour in MapColour::choices(&ds) {
            for width in [320, 900] {
                let query = format!("map={}", colour.slug());
                let (svg, map, layout, hits) = map_svg(&query, width, &palette);
                assert_eq!(hits, 42, "{query}: a click target per area");
                let rects = filled_rects(&svg);
                let t = texts(&svg);
                for tile in &map.tiles {
                    let area = &ds.areas[tile.area];
                    let (x, y, side) = layout.square(area.tile);
                    let at: Vec<&String> = rects
                        .iter()
                        .filter(|r| {
                            (r.0 - x.round()).abs() <= 1.0
                                && (r.1 - y.round()).abs() <= 1.0
                                && (r.2 - side).abs() <= 2.0
                        })
                        .map(|r| &r.3)
                        .collect();
                    assert_eq!(
                        at,
                        [&hex(palette.fill(tile.fill))],
                        "{query} at {width}: {}",
                        area.name
                    );
                    assert_eq!(
                        t.iter().filter(|s| *s == &area.code).count(),
                        1,
                        "{query}: {} labelled once",
                        area.code
                    );
                }
                // The legend names every fill shown, with its number of areas.
                for e in &map.legend {
                    let line = format!("{} · {}", e.label, e.areas);
                    assert!(t.contains(&line), "{query} at {width}: legend {line}");
                }
            }
        }
    }
}

#[test]
fn the_map_marks_the_chosen_area_and_greys_areas_outside_the_chosen_regions() {
    let (svg, _, _, _) = map_svg("region=wales&area=gwent&map=ete", 900, &Palette::LIGHT);
    let rects = filled_rects(&svg);
    let outside = rects.iter().filter(|r| r.3 == hex(Palette::LIGHT.outside));
    let (tiles, swatches): (Vec<_>, Vec<_>) = outside.partition(|r| r.2 > 20.0);
    assert_eq!(tiles.len(), 38, "every area outside Wales");
    assert_eq!(swatches.len(), 1, "and its legend swatch");
    let rings = svg
        .split("<polyline")
        .filter(|r| {
            r.split('>')
                .next()
                .is_some_and(|r| r.contains("stroke-width=\"3\""))
        })
        .count();
    assert_eq!(rings, 1, "one area is ringed as chosen");
}

#[test]
fn the_map_fits_a_phone_and_puts_the_legend_beside_it_on_a_wide_screen() {
    let ds = ds();
    let map = ds.area_map(&Filters::default(), &MapColour::default());
    let phone = MapLayout::new(320, &map);
    assert!(phone.tile >= 30.0 && phone.origin.0 + 7.0 * phone.tile <= 320.0);
    assert!(
        phone.legend.1 > phone.origin.1 + 10.0 * phone.tile,
        "legend below the map"
    );
    let wide = MapLayout::new(900, &map);
    assert!(
        wide.legend.0 > wide.origin.0 + 7.0 * wide.tile,
        "legend beside the map"
    );
    assert!(wide.tile <= 64.0);
}
