//! The Leptos components: thin views that call the engine and hold no business logic.
//!
//! The URL is the source of truth for filters: the page reads it at start and on
//! back/forward, and every change writes it (a new history entry for deliberate
//! changes, a replacement while typing).

mod browser;
mod canvas;
mod charts;
pub mod fallback;
mod figures;
mod filters;
mod history;
mod map;
mod options;
mod own_list;
mod slots;
mod table;
mod targets;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{Dataset, Month};
use crate::embedded;
use crate::engine::chips::Chip;
use crate::engine::colour::MapColour;
use crate::engine::concentration::concentration;
use crate::engine::embed::{text_on, EmbedOptions, Panel};
use crate::engine::facets::Facet;
use crate::engine::link::{self, View};
use crate::engine::{Filters, Key, Summarised, Totals, Unfiltered};
use crate::lang::{self, fill, m, t, Lang};

pub use figures::Figures;

/// The datasets the page has, and which it shows: the built-in one at once, the others
/// once fetched from beside the page (`data/<slug>/dataset.bin`) the first time they are chosen.
#[derive(Clone, Copy)]
pub struct Datasets {
    /// The slug of the dataset shown (one of `embedded::CATALOGUE`).
    pub current: RwSignal<&'static str>,
    /// The datasets read so far. Each is kept for the page's life: leaking it gives every
    /// view a plain `&'static`.
    loaded: RwSignal<Vec<&'static Dataset>>,
    /// Why the dataset asked for could not be read.
    failed: RwSignal<Option<String>>,
    /// The datasets fetched or being fetched, so none is asked for twice.
    asked: StoredValue<Vec<&'static str>>,
    /// The view the next dataset shown opens on, where the page chose it (the address bar
    /// has it only after the next frame: `browser::write_query`).
    next_query: StoredValue<Option<String>>,
}

impl Datasets {
    fn shown(&self) -> Option<&'static Dataset> {
        let slug = self.current.get();
        self.loaded
            .with(|l| l.iter().copied().find(|d| d.slug == slug))
    }

    /// The slug of the dataset shown once it has been read: what the page is built from,
    /// which another dataset arriving (for an area's history) does not change.
    fn shown_slug(&self) -> Memo<Option<&'static str>> {
        let datasets = *self;
        Memo::new(move |_| datasets.shown().map(|d| d.slug.as_str()))
    }

    /// Shows dataset `slug` at the view `query` (which has it as its `data=`), recording it
    /// in the address bar as a new history entry.
    fn go(&self, slug: &'static str, query: String) {
        browser::write_query(&query, true);
        self.next_query.set_value(Some(query));
        self.show(slug);
    }

    /// The view to open the dataset shown on: the one the page chose, else the address bar's.
    fn take_query(&self) -> String {
        self.next_query
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(browser::query)
    }

    /// Shows dataset `slug`, fetching it first if it has not been read.
    pub fn show(&self, slug: &'static str) {
        self.failed.set(None);
        self.current.set(slug);
        self.fetch(slug);
    }

    /// Shows a dataset read from a file, under a slug no other dataset has (its own, or that
    /// with a number after it), and returns the slug. A file the visitor opened starts a
    /// new view; a list the host publishes opens on the view its link asked for.
    pub fn open(&self, mut ds: Dataset, hosted: bool) -> &'static str {
        let base = ds.slug.clone();
        let mut n = 1;
        while self.slug_of(&ds.slug).is_some() {
            n += 1;
            ds.slug = format!("{base}-{n}");
        }
        let ds = keep(ds);
        self.loaded.update(|l| l.push(ds));
        let slug = ds.slug.as_str();
        if hosted {
            self.show(slug);
        } else {
            let query = link::query(slug, &Filters::default(), &MapColour::default());
            self.go(slug, query);
            browser::focus_later("#own-list".to_string());
        }
        slug
    }

    /// The dataset of slug `s`: one of the catalogue's, or one read from a file.
    fn slug_of(&self, s: &str) -> Option<&'static str> {
        match embedded::position(s) {
            Some(i) => Some(embedded::CATALOGUE[i].0),
            None => self
                .loaded
                .with_untracked(|l| l.iter().find(|d| d.slug == s).map(|d| d.slug.as_str())),
        }
    }

    /// The dataset a link opens: the one its `data=` names, if the page has it (a file read
    /// on this page among them), else the built-in one.
    fn wanted(&self, query: &str) -> &'static str {
        link::dataset_slug(query)
            .and_then(|s| self.slug_of(&s))
            .unwrap_or_else(|| link::dataset_of(query))
    }

    /// Every dataset of the catalogue read so far; `fetch_all` asks for the rest.
    pub fn all(&self) -> Vec<&'static Dataset> {
        self.loaded
            .get()
            .into_iter()
            .filter(|d| embedded::position(&d.slug).is_some())
            .collect()
    }

    /// Whether every dataset of the catalogue has been read.
    pub fn complete(&self) -> bool {
        self.all().len() == embedded::CATALOGUE.len()
    }

    /// Fetches every dataset not yet read, without showing it.
    pub fn fetch_all(&self) {
        for &(slug, _, _) in embedded::CATALOGUE {
            self.fetch(slug);
        }
    }

    /// Fetches dataset `slug` unless it has been read or asked for; a failure is reported
    /// (`failed`) if it is the one shown.
    fn fetch(&self, slug: &'static str) {
        if self
            .loaded
            .with_untracked(|l| l.iter().any(|d| d.slug == slug))
            || self.asked.with_value(|a| a.contains(&slug))
        {
            return;
        }
        self.asked.update_value(|a| a.push(slug));
        let (loaded, failed, current, asked) = (self.loaded, self.failed, self.current, self.asked);
        browser::fetch_bytes(
            &format!("data/{slug}/dataset.bin"),
            move |bytes| match bytes
                .map(|b| crate::data::packed::unpack(&b).map_err(|e| e.to_string()))
            {
                Ok(Ok(ds)) if ds.slug == slug => {
                    loaded.update(|l| l.push(keep(ds)));
                }
                Ok(Ok(_)) => failed.set(Some(t(m::OTHER_DATASET).into())),
                Ok(Err(why)) | Err(why) => {
                    asked.update_value(|a| a.retain(|s| *s != slug));
                    if current.get_untracked() == slug {
                        failed.set(Some(why));
                    }
                }
            },
        );
    }
}

/// The label of dataset `slug` in the catalogue.
fn label_of(slug: &str) -> &'static str {
    embedded::position(slug).map_or("", |i| match lang::now() {
        Lang::En => embedded::CATALOGUE[i].1,
        Lang::Cy => embedded::CATALOGUE[i].2,
    })
}

/// The root: the explorer over the dataset the link names (the built-in one unless it
/// names another), or a message if it cannot be read.
#[component]
pub fn App() -> impl IntoView {
    match embedded::dataset() {
        Ok(ds) => {
            let ds = keep(ds);
            let (embed, _) = EmbedOptions::from_fragment(&browser::fragment());
            if embed.embedded {
                let accent = embed.accent.as_deref().map(|a| (a, text_on(a)));
                browser::apply_look(embed.theme.slug(), accent, embed.transparent);
            }
            let embed: &'static EmbedOptions = Box::leak(Box::new(embed));
            let query = browser::query();
            let wanted = match (link::dataset_slug(&query), embed.base.as_deref()) {
                (None, Some(base)) => link::dataset_of(base),
                _ => link::dataset_of(&query),
            };
            let datasets = Datasets {
                current: RwSignal::new(embedded::default_slug()),
                loaded: RwSignal::new(vec![ds]),
                failed: RwSignal::new(None),
                asked: StoredValue::new(vec![embedded::default_slug()]),
                next_query: StoredValue::new(None),
            };
            datasets.show(wanted);
            provide_context(datasets);
            let opened = RwSignal::new(None::<own_list::Opened>);
            own_list::receive(datasets, opened);
            provide_context(opened);
            // Back or forward across a change of dataset.
            let back = window_event_listener(leptos::ev::popstate, move |_| {
                let slug = datasets.wanted(&browser::query());
                if slug != datasets.current.get_untracked() {
                    datasets.show(slug);
                }
            });
            on_cleanup(move || back.remove());
            let waiting = move || {
                let label = label_of(datasets.current.get());
                match datasets.failed.get() {
                    None => fill(m::LOADING_DATASET, &[("label", label)]),
                    Some(why) => fill(m::DATASET_FAILED, &[("label", label), ("why", &why)]),
                }
            };
            let shown = datasets.shown_slug();
            (move || match shown.get().and_then(|_| untrack(|| datasets.shown())) {
                Some(ds) => view! { <Explorer ds=ds query=datasets.take_query() embed=embed /> }.into_any(),
                None => view! {
                    <main class="explorer">
                        <p class="loading" role="status">{waiting}</p>
                        <p><a href="./">{fill(m::SHOW_DATASET, &[("label", label_of(embedded::default_slug()))])}</a></p>
                    </main>
                }
                .into_any(),
            })
            .into_any()
        }
        Err(e) => view! {
            <main class="explorer">
                <p role="alert">{fill(m::DATA_UNREADABLE, &[("why", &e.to_string())])}</p>
            </main>
        }
        .into_any(),
    }
}

/// Dataset `ds` in the language shown (`Dataset::into_welsh` on the Welsh page), kept for
/// the page's life: leaking it gives every view a plain `&'static`.
pub(crate) fn keep(ds: Dataset) -> &'static Dataset {
    Box::leak(Box::new(in_lang(ds)))
}

/// Dataset `ds` in the language shown.
pub(crate) fn in_lang(ds: Dataset) -> Dataset {
    match lang::now() {
        Lang::En => ds,
        Lang::Cy => ds.into_welsh(&lang::not_stated()),
    }
}

/// Starts the page in its language, then mounts the explorer. The language is one setting
/// for the page's life: the link's (`lang=`), else the embed's (`data-lang`), else the
/// browser's preference (Welsh where it prefers Welsh to English), else English. Welsh
/// first fetches its catalogue (`lang/cy.txt` beside the page); if that cannot be read,
/// the page is in English and says why.
pub fn start() {
    let query = browser::query();
    let from_link = link::lang_of(&query);
    lang::choose(from_link);
    let (embed, _) = EmbedOptions::from_fragment(&browser::fragment());
    let preferred = browser::languages();
    let wanted = from_link
        .or(embed.lang)
        .unwrap_or_else(|| Lang::preferred(preferred.iter().map(String::as_str)));
    let mount = |lang: Lang| {
        browser::set_page_lang(lang.html());
        leptos::mount::mount_to_body(App);
    };
    if lang::set(wanted) {
        return mount(wanted);
    }
    browser::fetch_bytes("lang/cy.txt", move |bytes| {
        let read = bytes
            .and_then(|b| String::from_utf8(b).map_err(|_| "it is not UTF-8 text".to_string()))
            .and_then(|text| lang::read_welsh(&text));
        match read {
            Ok(()) if lang::set(wanted) => mount(wanted),
            Ok(()) => mount(Lang::En),
            Err(why) => {
                LANG_FAILED.with(|f| f.replace(Some(why)));
                mount(Lang::En);
            }
        }
    });
}

thread_local! {
    /// Why the Welsh catalogue could not be read, where the page asked for it and could not.
    static LANG_FAILED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The switch to the other language: a link to this view in it (the embed's options
/// kept), named in that language. Following it opens the page again in that language.
#[component]
fn LangSwitch() -> impl IntoView {
    let state = State::get();
    let other = lang::now().other();
    let href = move || {
        let query = state
            .filters
            .with(|f| state.map.with(|m| link::query(&state.ds.slug, f, m)));
        let fragment = browser::fragment();
        let fragment = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{}", fragment.trim_start_matches('#'))
        };
        format!("?{}{fragment}", link::with_lang(query, Some(other)))
    };
    let failed = LANG_FAILED.with(|f| f.borrow().clone());
    view! {
        <p class="lang-switch">
            <a id="lang-switch" data-testid="lang-switch" href=href hreflang=other.code() lang=other.code()>
                {other.own_name()}
            </a>
            {failed.map(|why| view! { <span role="status">{fill(m::LANG_FAILED, &[("why", &why)])}</span> })}
        </p>
    }
}

/// `en_unless` as an HTML attribute (` lang="en"`, or nothing), for views written as text.
pub(crate) fn lang_en_html(in_both: bool) -> &'static str {
    en_unless(in_both).map_or("", |_| " lang=\"en\"")
}

/// The `lang` attribute for text in English (a source's words) on a page that is not.
pub(crate) fn en_attr() -> Option<&'static str> {
    en_unless(false)
}

/// `en_attr` for a dataset's text that is `in_both` languages where the file gives both
/// (its `_cy` column), and so is in English only where it is not.
pub(crate) fn en_unless(in_both: bool) -> Option<&'static str> {
    (lang::now() != Lang::En && !in_both).then_some("en")
}

/// How a change reaches the address bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A deliberate step (a click): back undoes it.
    Push,
    /// Typing: replaces the current entry so the back button is not flooded.
    Replace,
}

/// Where focus goes when the control that had it goes away with the view it changed.
pub(crate) const RESULTS: &str = "#results-title";

/// What every view shares: the dataset, the filters and what follows from them.
#[derive(Clone, Copy)]
pub struct State {
    pub ds: &'static Dataset,
    pub filters: RwSignal<Filters>,
    /// How the map is coloured: part of the view a link shares, not a filter.
    pub map: RwSignal<MapColour>,
    pub selection: Memo<Arc<Summarised>>,
    /// The unfiltered selection, once worked out (the default view and "clear all").
    pub unfiltered: &'static Unfiltered,
    pub totals: Memo<Totals>,
    /// The active filters as chips, built once per change for all that show or count them.
    pub chips: Memo<Vec<Chip>>,
    /// The filters before the last change, for "remove the last filter".
    pub previous: RwSignal<Option<Filters>>,
    /// Applies new filters and records them in the URL.
    pub set: Callback<(Filters, Change)>,
    /// What the host page asked for (everything, on the standalone page).
    pub embed: &'static EmbedOptions,
    /// This month, when the page opened: what says whether a scheduled end has passed.
    pub today: Month,
}

impl State {
    /// The explorer's state, from inside any of its views. `expect_context` would do the
    /// same, but its panic message formats the type and caller with `Debug`, which links
    /// that formatting into the page for a panic that cannot happen here.
    pub fn get() -> State {
        use_context::<State>().expect("a view of the explorer outside the explorer")
    }

    /// The view's share-link query, as it is now (with the language, where one was chosen).
    pub fn query(&self) -> String {
        let query = self.filters.with_untracked(|f| {
            self.map
                .with_untracked(|m| link::query(&self.ds.slug, f, m))
        });
        link::with_lang(query, lang::chosen())
    }

    /// Colours the map by `colour`, recording it in the URL (a new history entry).
    pub fn colour(&self, colour: MapColour) {
        if self.map.with_untracked(|m| *m == colour) {
            return;
        }
        let query = self
            .filters
            .with_untracked(|f| link::query(&self.ds.slug, f, &colour));
        browser::write_query(&query, true);
        self.map.set(colour);
    }

    /// Filters by one more value of a chart's dimension (a click on a bar).
    pub fn pick(&self, key: Key) {
        let f = self.filters.get_untracked();
        let f = match (key, Facet::of(key)) {
            (_, Some(facet)) => facet.toggled(&f, &key.slug(self.ds), true),
            (Key::End(m), None) => Filters {
                end_from: Some(m),
                end_to: Some(m),
                ..f
            },
            _ => f,
        };
        self.set.run((f, Change::Push));
    }
}

/// The whole explorer for a dataset, starting from a share-link query.
#[component]
pub fn Explorer(
    /// The validated dataset.
    ds: &'static Dataset,
    /// The share-link query the page was opened with.
    query: String,
    /// The embed options; the default is the standalone page.
    #[prop(optional)]
    embed: Option<&'static EmbedOptions>,
) -> impl IntoView {
    let embed: &'static EmbedOptions = embed.unwrap_or_else(|| Box::leak(Box::default()));
    let (initial, initial_warnings) = View::from_query_or(&query, embed.base.as_deref(), ds);
    let filters = RwSignal::new(initial.filters);
    let map = RwSignal::new(initial.map);
    let warnings = RwSignal::new(
        initial_warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
    );
    let previous = RwSignal::new(None::<Filters>);
    // The selection with its totals and group-bys worked out once (`summarise`):
    // the figures, the charts and the counts of filters with nothing chosen read them.
    let unfiltered: &'static Unfiltered = Box::leak(Box::default());
    let selection = Memo::new(move |_| filters.with(|f| ds.select_summarised(f, unfiltered)));
    let totals = Memo::new(move |_| selection.with(|s| s.summary.totals.clone()));
    let chips = Memo::new(move |_| filters.with(|f| ds.chips(f)));
    let set = Callback::new(move |(new, how): (Filters, Change)| {
        let old = filters.get_untracked();
        if new == old {
            return;
        }
        browser::write_query(
            &map.with_untracked(|m| link::query(&ds.slug, &new, m)),
            how == Change::Push,
        );
        previous.set(Some(old));
        filters.set(new);
    });
    let today = browser::this_month();
    let state = State {
        ds,
        filters,
        map,
        selection,
        unfiltered,
        totals,
        chips,
        previous,
        set,
        embed,
        today,
    };
    provide_context(state);

    // Inside an embed, tell the host page (and only its origin) the content's height and
    // the public filter state, so it can size the frame and mirror the view in its URL.
    if let (true, Some(host)) = (embed.embedded, embed.host.as_deref()) {
        let id = embed.id.as_str();
        fallback::remember_embed(host, id);
        browser::drop_on_cleanup(browser::watch_height(move |h| {
            browser::post_to_host(
                host,
                "contracts-explorer:height",
                id,
                &[("height", h.into())],
            )
        }));
        Effect::new(move |_| {
            let query = filters.with(|f| map.with(|m| link::query(&ds.slug, f, m)));
            browser::post_to_host(
                host,
                "contracts-explorer:state",
                id,
                &[("query", query.into())],
            );
        });
    }

    // Back and forward: the address bar changed, so read the filters from it again.
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        let query = browser::query();
        let wanted = use_context::<Datasets>()
            .map_or_else(|| link::dataset_of(&query), |d| d.wanted(&query));
        if wanted != ds.slug {
            return; // another dataset's view: `App` shows it
        }
        let (v, w) = View::from_query(&query, ds);
        warnings.set(w.iter().map(ToString::to_string).collect());
        previous.set(None);
        filters.set(v.filters);
        map.set(v.map);
    });
    on_cleanup(move || back.remove());

    // The tab's title names the view, so tabs, bookmarks and history tell views apart.
    Effect::new(move |_| chips.with(|c| browser::set_title(&ds.page_title(c))));
    let sentence =
        Memo::new(move |_| filters.with(|f| selection.with(|s| ds.describe(f, &s.summary, today))));
    let separate = Memo::new(move |_| {
        filters.with(|f| {
            ds.separate_matching(f)
                .into_iter()
                .map(|s| (s.note.clone(), !s.note_cy.is_empty()))
                .collect::<Vec<_>>()
        })
    });
    let detail = Memo::new(move |_| selection.with(|s| ds.describe_detail(s)));
    let copied = RwSignal::new("");
    // Says what was copied once the browser has taken it, or that it refused.
    let copy = move |text: &str, what: &'static str| {
        copied.set("");
        browser::copy(text, move |ok| {
            copied.set(if ok { what } else { t(m::COPY_REFUSED) })
        });
    };
    // The view's address: the host page's, for an embed that mirrors its view there.
    let share_url = move || {
        let query = state.query();
        embed.share_url(&query, browser::url_with_query(&query))
    };
    let copy_link = move |_| copy(&share_url(), t(m::LINK_COPIED));
    let copy_embed = move |_| {
        let mut options = embed.clone();
        options.id.clear();
        options.host = None;
        // The embed is in the language of the page it was copied from.
        options.lang = (lang::now() != Lang::En).then_some(lang::now());
        let query = state
            .filters
            .with_untracked(|f| state.map.with_untracked(|m| link::query(&ds.slug, f, m)));
        let snippet = options.snippet(&browser::widget_base(), &query);
        copy(&snippet, t(m::EMBED_COPIED));
    };
    let copy_text = move |_| {
        let text = format!("{} {}", sentence.get_untracked(), share_url());
        copy(&text, t(m::SUMMARY_COPIED));
    };
    let source = ds
        .sources
        .iter()
        .map(|s| s.cite())
        .collect::<Vec<_>>()
        .join("; ");

    let skip = |target: &'static str, open: Option<&'static str>| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if let Some(details) = open {
                browser::open_details(details);
            }
            browser::focus_later(target.to_string());
        }
    };
    view! {
        <div class="explorer">
            <nav class="skip-links" aria-label=t(m::SKIP_LINKS)>
                <a href="#results-title" class="skip" on:click=skip(RESULTS, None)>{t(m::SKIP_RESULTS)}</a>
                {embed.shows(Panel::Filters).then(|| view! {
                    <a href="#search" class="skip" on:click=skip("#search", Some("details.filters"))>{t(m::SKIP_FILTERS)}</a>
                })}
            </nav>
            <LangSwitch />
            <header class="top" class:hidden=embed.embedded>
                <h1>{ds.heading.clone()}</h1>
                <p class="lede">{format!("{}, {}.", ds.title, ds.place)}</p>
                <DatasetSwitch />
                <own_list::OpenList />
            </header>
            <main>
                {use_context::<RwSignal<Option<own_list::Opened>>>()
                    .and_then(|o| o.get_untracked().filter(|o| o.slug == ds.slug))
                    .map(|opened| view! { <own_list::OwnListNotice ds=ds opened=opened /> })}
                <Show when=move || warnings.with(|w| !w.is_empty())>
                    <div class="notice" role="status" data-testid="link-warnings">
                        <p>{t(m::LINK_IGNORED)}</p>
                        <ul>
                            {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="secondary" data-testid="dismiss-warnings" on:click=move |_| {
                            warnings.set(Vec::new());
                            browser::focus_later(RESULTS.to_string());
                        }>
                            {t(m::DISMISS)}
                        </button>
                    </div>
                </Show>
                <div class="layout" class:no-filters=!embed.shows(Panel::Filters)>
                    {embed.shows(Panel::Filters).then(|| view! { <filters::FilterPanel /> })}
                    <div class="results">
                        <h2 id="results-title" class="results-title" tabindex="-1">{t(m::RESULTS)}</h2>
                        <section class="summary" aria-label=t(m::SUMMARY)>
                            <filters::Chips />
                            <p class="sentence" class:visually-hidden=!embed.shows(Panel::Sentence) data-testid="sentence" aria-live="polite">{sentence}</p>
                            <p class="about" data-testid="currency">{ds.currency_note(today)}</p>
                            {embed.shows(Panel::Figures).then(|| view! {
                                <Figures totals=totals.into() />
                                <p class="detail" data-testid="detail">{detail}</p>
                                {move || selection.with(|s| concentration(&s.summary)).map(|c| view! {
                                    <p class="about" data-testid="concentration" data-value=c.hhi data-basis=c.of.slug()>{c.sentence()}</p>
                                })}
                                <p class="about" data-testid="counting">{ds.counting.clone()}</p>
                            })}
                            {move || separate.get().into_iter().map(|(note, in_both)| view! {
                                <p class="separate" data-testid="separately-commissioned" lang=en_unless(in_both)>{note}</p>
                            }).collect_view()}
                            <Show when=move || totals.with(|t| t.awards == 0)>
                                <Empty />
                            </Show>
                            <div class="share">
                                <button type="button" data-testid="copy-link" on:click=copy_link>{t(m::COPY_LINK)}</button>
                                <button type="button" class="secondary" data-testid="copy-text" on:click=copy_text>{t(m::COPY_TEXT)}</button>
                                <button type="button" class="secondary" data-testid="copy-embed" on:click=copy_embed>{t(m::COPY_EMBED)}</button>
                                <span role="status" class="copied">{move || copied.get()}</span>
                            </div>
                        </section>
                        <Notes />
                        <history::AreaHistory />
                        <charts::Charts />
                        {embed.shows(Panel::Table).then(|| view! { <table::AwardsTable /> })}
                    </div>
                </div>
                {cfg!(feature = "panic-test").then(|| view! {
                    <button type="button" data-testid="force-panic" on:click=|_| panic!("forced by the panic-test build")>{t(m::FORCE_PANIC)}</button>
                })}
            </main>
            <footer class="source">
                <p>
                    {t(m::SOURCE_LABEL)} " " <span lang=en_attr()>{source}</span> ". "
                    {fill(m::DATA_AS_AT, &[("date", &ds.data_as_at.label())])} " "
                    <a href=data_folder(ds)>{t(m::DATA_AS_CSV)}</a> "."
                </p>
            </footer>
        </div>
    }
}

/// The control that switches datasets, keeping the areas and regions chosen (the
/// geography every dataset shares); absent where the explorer is shown on its own.
#[component]
fn DatasetSwitch() -> impl IntoView {
    let state = State::get();
    let datasets = use_context::<Datasets>()?;
    let change = move |ev: leptos::ev::Event| {
        let Some(slug) = datasets.slug_of(&event_target_value(&ev)) else {
            return;
        };
        let kept = state.filters.with_untracked(|f| Filters {
            regions: f.regions.clone(),
            areas: f.areas.clone(),
            ..Filters::default()
        });
        datasets.go(slug, link::query(slug, &kept, &MapColour::default()));
        browser::focus_later("#dataset".to_string());
    };
    Some(view! {
        <p class="dataset-switch">
            <label for="dataset">{t(m::DATASET)} " "</label>
            <select id="dataset" data-testid="dataset" on:change=change>
                {embedded::CATALOGUE.iter().map(|&(slug, _, _)| view! {
                    <option value=slug selected=slug == state.ds.slug>{label_of(slug)}</option>
                }).collect_view()}
                {datasets.loaded.get_untracked().into_iter().filter(|d| embedded::position(&d.slug).is_none()).map(|d| view! {
                    <option value=d.slug.as_str() selected=d.slug == state.ds.slug>{fill(m::YOUR_FILE, &[("label", &d.label)])}</option>
                }).collect_view()}
            </select>
        </p>
    })
}

/// The dataset's dated notes (events, values given for several awards together, what comes
/// next), each with its source; what is inferred says so.
#[component]
fn Notes() -> impl IntoView {
    let ds = State::get().ds;
    (!ds.notes.is_empty()).then(|| {
        view! {
            <details class="notes" data-testid="notes">
                <summary>{t(m::NOTES_TITLE)}</summary>
                <ul>
                    {ds.notes.iter().map(|n| {
                        let source = ds.sources[n.source].cite();
                        view! {
                            <li data-kind=n.kind.slug()>
                                <strong>{n.date.label()}": "</strong>
                                <span lang=en_unless(!n.text_cy.is_empty())>{n.text.clone()}</span>
                                {n.inferred.then(|| format!(" {}", t(m::INFERRED_NOTE)))}
                                " "<span class="source">{t(m::SOURCE_LABEL)} " " <span lang=en_attr()>{source}</span> "."</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

/// Where the dataset's CSV files are published beside the page (its awards file).
fn data_folder(ds: &Dataset) -> String {
    if ds.slug == embedded::default_slug() {
        "data/awards.csv".to_string()
    } else {
        format!("data/{}/awards.csv", ds.slug)
    }
}

/// What an empty result says, with a way back.
#[component]
fn Empty() -> impl IntoView {
    let state = State::get();
    let undo = move |_| {
        match state.previous.get_untracked() {
            Some(f) => state.set.run((f, Change::Push)),
            None => state.set.run((Filters::default(), Change::Push)),
        }
        browser::focus_later(RESULTS.to_string());
    };
    view! {
        <div class="empty" data-testid="empty" role="status">
            <p>{t(m::EMPTY)} {move || state.filters.with(|f| f.contradiction().map(|why| format!(" {why}")))}</p>
            <button type="button" data-testid="remove-last-filter" on:click=undo>
                {move || t(if state.previous.with(Option::is_some) { m::REMOVE_LAST } else { m::CLEAR_FILTERS })}
            </button>
        </div>
    }
}
