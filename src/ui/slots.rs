//! Lists written by hand, in place (the awards table's rows, a filter list's options, a
//! chart's bar targets): one slot per item, kept and rewritten from one write to the next.

/// A slot: the element it adds to its list.
pub(super) trait Slot {
    fn element(&self) -> &web_sys::Element;
}

/// Makes `list` hold one slot per item, in order: the slots it has are reused, extra ones
/// removed, missing ones made by `new` (given the place; it appends the slot's element),
/// and `show` writes each item into its slot. Returns false where a slot could not be made.
pub(super) fn write<S: Slot, T>(
    list: &web_sys::Element,
    slots: &mut Vec<S>,
    items: &[T],
    new: impl Fn(usize) -> Option<S>,
    mut show: impl FnMut(usize, &mut S, &T),
) -> bool {
    if slots.is_empty() {
        // Leptos may hand a new list the element of the one that had its place (a dataset
        // switched): whatever it holds is not this list's.
        list.set_text_content(None);
    }
    for gone in slots.drain(items.len().min(slots.len())..) {
        gone.element().remove();
    }
    for (i, item) in items.iter().enumerate() {
        if i == slots.len() {
            match new(i) {
                Some(slot) => slots.push(slot),
                None => return false,
            }
        }
        show(i, &mut slots[i], item);
    }
    true
}
