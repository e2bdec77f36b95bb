//! Embed options from the widget URL's fragment, and the embed snippet.

use contracts_explorer::engine::embed::{
    parse_colour, parse_origin, text_on, EmbedOptions, Panel, Theme,
};

#[test]
fn no_fragment_is_the_standalone_page_with_everything_shown() {
    let (o, w) = EmbedOptions::from_fragment("");
    assert!(!o.embedded);
    assert_eq!(o.panels, Panel::ALL);
    assert!(w.is_empty());
}

#[test]
fn an_embed_fragment_sets_every_option() {
    let (o, w) = EmbedOptions::from_fragment(
        "#embed&id=womens-1&host=https%3A%2F%2FCharity.org.uk&panels=figures,sentence,charts&theme=dark&accent=%23B05&transparent&sync",
    );
    assert!(w.is_empty(), "{w:?}");
    assert!(o.embedded && o.transparent && o.sync);
    assert_eq!(o.id, "womens-1");
    assert_eq!(o.host.as_deref(), Some("https://charity.org.uk"));
    assert_eq!(
        o.panels,
        [
            Panel::Figures,
            Panel::Sentence,
            Panel::ChartRegion,
            Panel::ChartCategory,
            Panel::ChartProvider,
            Panel::ChartBuyer,
            Panel::ChartTimeline
        ]
    );
    assert_eq!(o.theme, Theme::Dark);
    assert_eq!(o.accent.as_deref(), Some("#bb0055"));
    assert!(!o.shows(Panel::Table));
    let (again, w) = EmbedOptions::from_fragment(&o.to_fragment());
    assert!(w.is_empty());
    assert_eq!(again, o);
}

#[test]
fn hostile_or_malformed_options_are_ignored_with_a_warning() {
    let (o, w) = EmbedOptions::from_fragment(
        "embed&host=javascript:alert(1)&accent=red;background:url(//evil)&theme=neon&panels=figures,popup&id=<b>&%ZZ",
    );
    assert_eq!(o.host, None);
    assert_eq!(o.accent, None);
    assert_eq!(o.theme, Theme::Auto);
    assert_eq!(o.panels, [Panel::Figures]);
    assert_eq!(o.id, "");
    let ignored: Vec<&str> = w.iter().map(|w| w.param.as_str()).collect();
    assert_eq!(
        ignored,
        ["host", "accent", "theme", "panels", "id", "embed option"]
    );
}

#[test]
fn origins_are_scheme_host_and_port_only() {
    assert_eq!(
        parse_origin("http://127.0.0.1:8080").as_deref(),
        Some("http://127.0.0.1:8080")
    );
    for bad in [
        "https://a.org/path",
        "https://a.org:99999",
        "ftp://a.org",
        "https://",
        "https://a.org:",
        "https://user@a.org",
        "https://.org",
    ] {
        assert_eq!(parse_origin(bad), None, "{bad}");
    }
}

#[test]
fn the_contrast_power_matches_the_standard_one() {
    use contracts_explorer::engine::embed::pow_2_4;
    // Every value an sRGB channel above the linear segment can give, and the ends.
    for v in 11..=255u8 {
        let x = (f64::from(v) / 255.0 + 0.055) / 1.055;
        let (ours, std) = (pow_2_4(x), x.powf(2.4));
        assert!((ours - std).abs() <= 1e-15, "{v}: {ours} against {std}");
    }
    assert_eq!(pow_2_4(1.0), 1.0);
    // Above 1 too, though the check never needs it.
    for x in [1.5, 2.0, 10.0] {
        assert!((pow_2_4(x) / x.powf(2.4) - 1.0).abs() <= 1e-15, "{x}");
    }
    // Outside the range it is used for, it still ends (no endless loop at zero).
    assert!(pow_2_4(0.0) < 1e-12);
}

#[test]
fn colours_are_hex_only_and_text_on_them_stays_readable() {
    assert_eq!(parse_colour("#ABC").as_deref(), Some("#aabbcc"));
    assert_eq!(parse_colour("#005ea5").as_deref(), Some("#005ea5"));
    for bad in ["red", "#12345", "#1234567", "#ggg", "url(x)", "#fff;x:y"] {
        assert_eq!(parse_colour(bad), None, "{bad}");
    }
    assert_eq!(text_on("#005ea5"), "#ffffff");
    assert_eq!(text_on("#ffdd00"), "#000000");
    assert_eq!(text_on("#000000"), "#ffffff");
}

#[test]
fn the_snippet_is_two_lines_that_carry_the_view_and_options() {
    let (o, _) = EmbedOptions::from_fragment("embed&panels=figures,table&accent=%23b00050&sync");
    let s = o.snippet(
        "https://widgets.example.org/contracts/",
        "region=wales&category=womens",
    );
    assert_eq!(
        s,
        "<div data-contracts-explorer data-view=\"region=wales&amp;category=womens\" data-panels=\"figures,table\" data-accent=\"#b00050\" data-sync-url=\"\"></div>\n<script src=\"https://widgets.example.org/contracts/embed.js\" async></script>"
    );
    assert_eq!(
        EmbedOptions::default().snippet("/w/", ""),
        "<div data-contracts-explorer></div>\n<script src=\"/w/embed.js\" async></script>"
    );
}

#[test]
fn a_synced_embed_knows_its_own_view_and_its_host_page_on_the_host_origin_only() {
    let (o, w) = EmbedOptions::from_fragment(
        "embed&id=womens&host=https%3A%2F%2Fcharity.example&sync&base=category%3Dwomens&page=https%3A%2F%2Fcharity.example%2Fcampaign",
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.base.as_deref(), Some("category=womens"));
    assert_eq!(o.page.as_deref(), Some("https://charity.example/campaign"));
    assert_eq!(
        o.share_url(
            "region=wales&category=womens",
            "https://widget.example/?x".into()
        ),
        "https://charity.example/campaign#ce-womens=region%3Dwales%26category%3Dwomens"
    );
    let (again, _) = EmbedOptions::from_fragment(&o.to_fragment());
    assert_eq!(again, o);
    // A page on another origin, or one that could break out of a link, is not used.
    for page in [
        "https%3A%2F%2Fevil.example%2F",
        "https%3A%2F%2Fcharity.example.evil.example%2F",
        "https%3A%2F%2Fcharity.example%2F%22%3E%3Cscript%3E",
        "javascript%3Aalert(1)",
    ] {
        let (o, w) = EmbedOptions::from_fragment(&format!(
            "embed&id=womens&host=https%3A%2F%2Fcharity.example&sync&page={page}"
        ));
        assert_eq!(o.page, None, "{page}");
        assert_eq!(w.len(), 1, "{page}");
        assert_eq!(o.share_url("q=x", "widget".into()), "widget");
    }
}
