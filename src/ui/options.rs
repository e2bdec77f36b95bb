//! A filter list's options: a checkbox per option with its label and how many awards it would
//! give, written by hand, in place, like the table's rows. As a keyed list of Leptos views
//! (a `For` per list, with a live signal per count) it was the filter panel's largest code.

use wasm_bindgen::JsCast;

use crate::ui::slots;

/// One option as the list shows it.
pub(super) struct Shown<'a> {
    pub slug: &'a str,
    pub label: &'a str,
    pub awards: usize,
    pub chosen: bool,
}

/// One list item and what it shows now.
pub(super) struct Slot {
    li: web_sys::Element,
    input: web_sys::HtmlInputElement,
    label: web_sys::Element,
    name: web_sys::Text,
    count: web_sys::Element,
    count_text: web_sys::Text,
    /// The slug, the label, the count's text, and whether it is zero and chosen.
    shown: (String, String, String, Option<bool>, Option<bool>),
}

impl Slot {
    /// A new item appended to `list`: `<li><input type=checkbox><label>name <span
    /// class=count></span></label></li>`.
    fn new(list: &web_sys::Element) -> Option<Slot> {
        let doc = list.owner_document()?;
        let li = doc.create_element("li").ok()?;
        let input = doc
            .create_element("input")
            .ok()?
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()?;
        input.set_type("checkbox");
        let label = doc.create_element("label").ok()?;
        let name = doc.create_text_node("");
        let count = doc.create_element("span").ok()?;
        let count_text = doc.create_text_node("");
        count.append_child(&count_text).ok()?;
        label.append_child(&name).ok()?;
        label.append_child(&count).ok()?;
        li.append_child(&input).ok()?;
        li.append_child(&label).ok()?;
        list.append_child(&li).ok()?;
        Some(Slot {
            li,
            input,
            label,
            name,
            count,
            count_text,
            shown: Default::default(),
        })
    }

    /// Writes what differs from what the item shows; `id` is the list's.
    fn show(&mut self, id: &str, o: &Shown) {
        let s = &mut self.shown;
        if s.0 != o.slug {
            let input_id = format!("{id}-{}", o.slug);
            let _ = self.input.set_attribute("id", &input_id);
            let _ = self.input.set_attribute("data-slug", o.slug);
            let _ = self.label.set_attribute("for", &input_id);
            o.slug.clone_into(&mut s.0);
        }
        if s.1 != o.label {
            self.name.set_data(o.label);
            o.label.clone_into(&mut s.1);
        }
        use crate::lang::m;
        let awards = crate::engine::text::count(o.awards, m::N_AWARDS_ONE, m::N_AWARDS_MANY);
        let count = format!(
            " {}",
            crate::lang::fill(m::OPTION_AWARDS, &[("awards", &awards)])
        );
        if s.2 != count {
            self.count_text.set_data(&count);
            s.2 = count;
        }
        let none = o.awards == 0;
        if s.3 != Some(none) {
            let class = if none { "count none" } else { "count" };
            let _ = self.count.set_attribute("class", class);
            s.3 = Some(none);
        }
        // The property, not the attribute: a click changes the property, so it is written
        // whenever it differs from the filters.
        if self.input.checked() != o.chosen || s.4 != Some(o.chosen) {
            self.input.set_checked(o.chosen);
            s.4 = Some(o.chosen);
        }
    }
}

/// Makes `list` show one item per option of `shown`, in order, reusing the items it has.
pub(super) fn write(list: &web_sys::Element, slots: &mut Vec<Slot>, id: &str, shown: &[Shown]) {
    slots::write(
        list,
        slots,
        shown,
        |_| Slot::new(list),
        |_, slot, o| slot.show(id, o),
    );
}

impl slots::Slot for Slot {
    fn element(&self) -> &web_sys::Element {
        &self.li
    }
}
