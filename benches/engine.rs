//! Scale benchmark (criterion): a filter change plus every aggregation the page recomputes,
//! over synthetic datasets of 10k, 100k and 1M awards. `cargo bench --bench engine`.

use contracts_explorer::synth;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn filter_changes(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter change + every aggregation");
    group.sample_size(10);
    for awards in [10_000, 100_000, 1_000_000] {
        let ds = synth::dataset(awards, 1).expect("synthetic data loads");
        let steps = synth::filter_sequence(&ds);
        let unfiltered = contracts_explorer::engine::Unfiltered::default();
        group.bench_with_input(BenchmarkId::from_parameter(awards), &steps, |b, steps| {
            // One iteration is one filter change; the sequence is replayed in turn.
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % steps.len();
                synth::recompute(&ds, &steps[i], &unfiltered)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, filter_changes);
criterion_main!(benches);
