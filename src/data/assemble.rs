//! Makes a `Dataset` from its published tables, however they were read (the CSV files or
//! the packed form): the one place that derives the contracts and the engine's index.

use super::contracts::derive_contracts;
use super::types::{
    Area, Award, Category, ContractRule, Dataset, Date, Index, Note, Provider, Region, Separate,
    Source, Welsh,
};

/// The tables of a dataset as published, before anything is derived from them.
pub(crate) struct Tables {
    pub slug: String,
    pub label: String,
    pub title: String,
    pub heading: String,
    pub place: String,
    pub file_name: String,
    pub counting: String,
    pub awarded: Date,
    pub data_as_at: Date,
    pub start: Date,
    pub regions: Vec<Region>,
    pub areas: Vec<Area>,
    pub categories: Vec<Category>,
    pub providers: Vec<Provider>,
    pub sources: Vec<Source>,
    pub awards: Vec<Award>,
    pub separate: Vec<Separate>,
    pub contract_rule: ContractRule,
    pub notes: Vec<Note>,
    pub welsh: Welsh,
}

impl Tables {
    /// The dataset: these tables, their contracts (`derive_contracts`) and their index.
    pub(crate) fn assemble(self) -> Dataset {
        let contracts = derive_contracts(&self.awards, &self.categories);
        let index = Index::new(
            &self.awards,
            &contracts,
            &self.providers,
            &self.areas,
            &self.categories,
            self.contract_rule,
        );
        Dataset {
            slug: self.slug,
            label: self.label,
            title: self.title,
            heading: self.heading,
            place: self.place,
            file_name: self.file_name,
            counting: self.counting,
            awarded: self.awarded,
            data_as_at: self.data_as_at,
            start: self.start,
            regions: self.regions,
            areas: self.areas,
            categories: self.categories,
            providers: self.providers,
            sources: self.sources,
            awards: self.awards,
            contracts,
            separate: self.separate,
            contract_rule: self.contract_rule,
            notes: self.notes,
            welsh: self.welsh,
            index,
        }
    }
}
