//! How concentrated a selection is among its lead providers: the share of the largest three,
//! and the Herfindahl–Hirschman index (HHI) of all their shares.

use crate::engine::sort::first_k;
use crate::engine::text::thousands;
use crate::engine::totals::{share, Dim, Group, Summary, Totals};
use crate::lang::{self, m};

/// The share of the value of `groups` held by the `n` with the most value (0 to 1).
pub(crate) fn top_share(groups: &[Group], n: usize) -> Option<f64> {
    let values: Vec<u64> = groups.iter().map(|g| g.totals.value).collect();
    let total: u64 = values.iter().sum();
    let top = first_k(values.len(), n, &|i, j| values[j].cmp(&values[i]));
    share(
        top.iter().map(|&i| values[i]).sum::<u64>() as f64,
        total as f64,
    )
}

/// What the shares are shares of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOf {
    /// The value, where every award counted has a published one.
    Value,
    /// The contracts each holds, where some award has no published value.
    Contracts,
}

impl ShareOf {
    pub fn slug(self) -> &'static str {
        match self {
            ShareOf::Value => "value",
            ShareOf::Contracts => "contracts",
        }
    }
}

/// The usual bands of the HHI (as competition authorities use them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// Under 1,500.
    Unconcentrated,
    /// 1,500 to 2,500.
    Moderately,
    /// Above 2,500.
    Highly,
}

impl Band {
    fn of(hhi: u32) -> Band {
        match hhi {
            0..1500 => Band::Unconcentrated,
            1500..=2500 => Band::Moderately,
            _ => Band::Highly,
        }
    }

    /// "unconcentrated", in the language shown.
    pub fn label(self) -> &'static str {
        lang::t(match self {
            Band::Unconcentrated => m::HHI_UNCONCENTRATED,
            Band::Moderately => m::HHI_MODERATELY,
            Band::Highly => m::HHI_HIGHLY,
        })
    }
}

/// The HHI of a selection: 0 to 10,000, with its basis and band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Concentration {
    pub hhi: u32,
    pub of: ShareOf,
    pub band: Band,
}

/// The HHI of `amounts`: the sum of the squares of each one's percentage share of their
/// total, rounded to a whole number; `None` when they add up to nothing.
pub fn hhi(amounts: &[u64]) -> Option<u32> {
    let total: u64 = amounts.iter().sum();
    (total > 0).then(|| {
        let squares: f64 = amounts
            .iter()
            .map(|&a| {
                let percent = 100.0 * a as f64 / total as f64;
                percent * percent
            })
            .sum();
        squares.round() as u32
    })
}

/// The lead providers' concentration in `summary`: by value where every award has a
/// published value, by contracts held otherwise.
pub fn concentration(summary: &Summary) -> Option<Concentration> {
    let t = &summary.totals;
    let of = if t.valued_awards == t.awards {
        ShareOf::Value
    } else {
        ShareOf::Contracts
    };
    let amount = |t: &Totals| match of {
        ShareOf::Value => t.value,
        ShareOf::Contracts => t.contracts as u64,
    };
    let amounts: Vec<u64> = summary
        .group(Dim::Provider)
        .iter()
        .map(|g| amount(&g.totals))
        .collect();
    let hhi = hhi(&amounts)?;
    Some(Concentration {
        hhi,
        of,
        band: Band::of(hhi),
    })
}

impl Concentration {
    /// "Concentration (HHI) by value: 1,234, unconcentrated. …", with one sentence on what it is.
    pub fn sentence(&self) -> String {
        lang::fill(
            match self.of {
                ShareOf::Value => m::HHI_BY_VALUE,
                ShareOf::Contracts => m::HHI_BY_CONTRACTS,
            },
            &[
                ("hhi", &thousands(u64::from(self.hhi))),
                ("band", self.band.label()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hhi_by_hand() {
        // Shares of 50%, 30% and 20%: 2,500 + 900 + 400.
        assert_eq!(hhi(&[50, 30, 20]), Some(3800));
        assert_eq!(Band::of(3800), Band::Highly);
        // Ten equal shares of 10%: 10 × 100.
        assert_eq!(hhi(&[7; 10]), Some(1000));
        assert_eq!(Band::of(1000), Band::Unconcentrated);
        // One provider with everything.
        assert_eq!(hhi(&[0, 12, 0]), Some(10_000));
        // Four equal shares of 25%: 4 × 625, on the moderate band's edge.
        assert_eq!(hhi(&[3, 3, 3, 3]), Some(2500));
        assert_eq!(Band::of(2500), Band::Moderately);
        assert_eq!(Band::of(1499), Band::Unconcentrated);
        assert_eq!(Band::of(1500), Band::Moderately);
        assert_eq!(Band::of(2501), Band::Highly);
        assert_eq!(hhi(&[]), None);
        assert_eq!(hhi(&[0, 0]), None);
    }
}
