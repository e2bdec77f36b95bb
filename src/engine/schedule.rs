//! When a view's contracts were, or are, scheduled to end, said in the right tense for today.
//!
//! The data records the awards as announced and the ends they were scheduled for; it does
//! not say whether a contract ran to its end, stopped early or was extended. So an end
//! before today's month "has passed", never "ended", and no sentence says who holds a
//! contract now.

use crate::data::{Dataset, Month};
use crate::engine::text::{count, thousands};
use crate::engine::totals::{Group, Key};
use crate::lang::{self, fill, m};

/// How the scheduled ends of a view's contracts stand against today's month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ends {
    /// Contracts in the view.
    pub contracts: usize,
    /// Of them, those whose scheduled end is before today's month.
    pub passed: usize,
    pub first: Month,
    pub last: Month,
    /// The latest end before today's month, and the earliest from it on.
    pub last_passed: Option<Month>,
    pub first_to_come: Option<Month>,
}

/// Whether a contract scheduled to end in `end` has passed its end in month `today`:
/// a contract ending this month has not.
pub(crate) fn has_passed(end: Month, today: Month) -> bool {
    end < today
}

/// The ends of the contracts counted in `groups` (a group-by of end months), or `None`
/// when there are none.
pub(crate) fn ends(groups: &[Group], today: Month) -> Option<Ends> {
    let mut ends: Option<Ends> = None;
    for g in groups {
        let Key::End(m) = g.key else { continue };
        let n = g.totals.contracts;
        if n == 0 {
            continue;
        }
        let e = ends.get_or_insert(Ends {
            contracts: 0,
            passed: 0,
            first: m,
            last: m,
            last_passed: None,
            first_to_come: None,
        });
        e.contracts += n;
        e.first = e.first.min(m);
        e.last = e.last.max(m);
        if has_passed(m, today) {
            e.passed += n;
            e.last_passed = e.last_passed.max(Some(m));
        } else {
            e.first_to_come = Some(e.first_to_come.map_or(m, |f| f.min(m)));
        }
    }
    ends
}

/// "in March 2025" when `first` and `last` are the same month, else "between June 2023 and
/// March 2026".
fn span(first: Month, last: Month) -> String {
    if first == last {
        fill(m::SPAN_IN, &[("month", &last.label())])
    } else {
        fill(
            m::SPAN_BETWEEN,
            &[("first", &first.label()), ("last", &last.label())],
        )
    }
}

pub(crate) fn schedule_sentence(e: &Ends) -> String {
    let one = e.contracts == 1;
    let whole = span(e.first, e.last);
    if e.passed == e.contracts {
        let template = match (one, e.first == e.last) {
            (true, _) => m::SCHED_PASSED_ONE,
            (false, true) => m::SCHED_PASSED_MANY,
            (false, false) => m::SCHED_PASSED_MANY_DATES,
        };
        return fill(template, &[("span", &whole)]);
    }
    if e.passed == 0 {
        let template = if one {
            m::SCHED_TO_COME_ONE
        } else {
            m::SCHED_TO_COME_MANY
        };
        return fill(template, &[("span", &whole)]);
    }
    let rest = e.contracts - e.passed;
    let (last_passed, first_to_come) = (
        e.last_passed.unwrap_or(e.first),
        e.first_to_come.unwrap_or(e.last),
    );
    let which = lang::t(if e.first == last_passed {
        m::SCHED_WHICH_HAS_PASSED
    } else {
        m::SCHED_DATES_HAVE_PASSED
    });
    let other = if rest == 1 {
        fill(
            m::SCHED_OTHER_ONE,
            &[("span", &span(first_to_come, first_to_come))],
        )
    } else {
        fill(
            m::SCHED_OTHER_MANY,
            &[
                ("n", &thousands(rest as u64)),
                ("span", &span(first_to_come, e.last)),
            ],
        )
    };
    let template = if e.passed == 1 {
        m::SCHED_SOME_PASSED_ONE
    } else {
        m::SCHED_SOME_PASSED_MANY
    };
    fill(
        template,
        &[
            ("n", &thousands(e.passed as u64)),
            ("span", &span(e.first, last_passed)),
            ("which", which),
            ("other", &other),
        ],
    )
}

impl Dataset {
    pub fn currency_note(&self, today: Month) -> String {
        let ends = &self.index.end_months;
        let passed = ends.iter().filter(|&&m| has_passed(m, today)).count();
        let awards = count(self.awards.len(), m::N_AWARDS_ONE, m::N_AWARDS_MANY);
        let when = if self.index.later_starts {
            fill(m::HELD_FROM, &[("month", &self.start.month().label())])
        } else {
            fill(m::ANNOUNCED_IN, &[("month", &self.awarded.month().label())])
        };
        let last = ends.last().map(|m| m.label()).unwrap_or_default();
        let template = if passed == 0 || ends.is_empty() {
            m::CURRENCY_TO_COME
        } else if passed == ends.len() {
            m::CURRENCY_ALL_PASSED
        } else {
            m::CURRENCY_SOME_PASSED
        };
        fill(
            template,
            &[("awards", &awards), ("when", &when), ("last", &last)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::totals::Totals;

    fn month(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    /// Groups of `(end month, contracts)`.
    fn groups(ends: &[(&str, usize)]) -> Vec<Group> {
        ends.iter()
            .map(|&(m, contracts)| Group {
                key: Key::End(month(m)),
                totals: Totals {
                    contracts,
                    ..Totals::default()
                },
            })
            .collect()
    }

    fn said(ends: &[(&str, usize)], today: &str) -> String {
        schedule_sentence(&super::ends(&groups(ends), month(today)).unwrap())
    }

    #[test]
    fn every_form_of_the_schedule_sentence_is_in_the_right_tense() {
        let ends = [("2023-06", 4), ("2025-03", 50), ("2026-03", 56)];
        // All passed.
        assert_eq!(
            said(&ends, "2026-12"),
            "They were scheduled to end between June 2023 and March 2026; all those dates have passed."
        );
        assert_eq!(
            said(&[("2025-03", 1)], "2026-12"),
            "It was scheduled to end in March 2025, which has passed."
        );
        assert_eq!(
            said(&[("2025-03", 3)], "2025-04"),
            "They were scheduled to end in March 2025, which has passed."
        );
        // None passed: a contract ending this month has not passed.
        assert_eq!(
            said(&ends, "2023-06"),
            "They are scheduled to end between June 2023 and March 2026."
        );
        assert_eq!(
            said(&[("2025-03", 1)], "2025-03"),
            "It is scheduled to end in March 2025."
        );
        assert_eq!(
            said(&[("2025-03", 2)], "2021-06"),
            "They are scheduled to end in March 2025."
        );
        // Some passed.
        assert_eq!(
            said(&ends, "2025-01"),
            "4 of them were scheduled to end in June 2023, which has passed; the other 106 are scheduled to end between March 2025 and March 2026."
        );
        assert_eq!(
            said(&ends, "2026-01"),
            "54 of them were scheduled to end between June 2023 and March 2025, dates that have passed; the other 56 are scheduled to end in March 2026."
        );
        assert_eq!(
            said(&[("2023-06", 1), ("2025-03", 1)], "2024-01"),
            "1 of them was scheduled to end in June 2023, which has passed; the other is scheduled to end in March 2025."
        );
        assert_eq!(super::ends(&[], month("2026-12")), None);
    }
}
