//! Every case of the store, decoded and counted on as many threads as there are cores: the one
//! parallel scan behind the queue's rows of a day, reports and the dashboard as of a day. A
//! record that does not decode is named (a [`Damaged`]), never fatal.

use super::Service;
use crate::store::{Damaged, RawCase, RawHistory, StoreError};

/// Every case record decoded and counted on as many threads as there are cores: `each` makes
/// what one case adds, `Acc` sums it; a record that does not decode is named, not fatal.
pub(super) fn each_case<Acc: Default + Send>(
    service: &Service,
    each: &(dyn Fn(&RawCase, &mut Acc) -> Result<(), String> + Sync),
) -> Result<(Vec<Acc>, Vec<Damaged>), StoreError> {
    let raw: Vec<RawCase> = service.store.scan_raw().collect::<Result<_, _>>()?;
    in_parallel(service, &raw, &|raw: &RawCase| raw.id, &|raw, acc| {
        each(raw, acc)
    })
}

/// What [`each_case_with_history`] runs for each case: its record, its history, the sum.
pub(super) type CountWithHistory<'a, Acc> =
    dyn Fn(&RawCase, Option<&RawHistory>, &mut Acc) -> Result<(), String> + Sync + 'a;

/// As [`each_case`], with each case's history beside its record (`None`: it has no entries),
/// both read in one ordered pass each ([`crate::store::CaseStore::scan_history`]) rather than
/// one history lookup per case; the histories are left undecoded for the workers.
pub(super) fn each_case_with_history<Acc: Default + Send>(
    service: &Service,
    each: &CountWithHistory<'_, Acc>,
) -> Result<(Vec<Acc>, Vec<Damaged>), StoreError> {
    // Records first: a history read after its record holds all of the record's entries.
    let raw: Vec<RawCase> = service.store.scan_raw().collect::<Result<_, _>>()?;
    let mut histories = service.store.scan_history().peekable();
    let mut paired = Vec::with_capacity(raw.len());
    for case in raw {
        // Both in id order: histories of ids without a record (none, in a sound store) pass.
        let mut history = None;
        while let Some(next) = histories.peek() {
            match next {
                Ok(h) if h.id < case.id => {
                    histories.next();
                }
                Ok(h) if h.id == case.id => {
                    history = histories.next().and_then(Result::ok);
                    break;
                }
                Ok(_) => break,
                Err(_) => {
                    if let Some(Err(e)) = histories.next() {
                        return Err(e);
                    }
                }
            }
        }
        paired.push((case, history));
    }
    in_parallel(
        service,
        &paired,
        &|(raw, _): &(RawCase, Option<RawHistory>)| raw.id,
        &|(raw, history), acc| each(raw, history.as_ref(), acc),
    )
}

/// `items` split over as many threads as there are cores (at most 8), `each` summing into one
/// `Acc` per thread; what fails for an item is named by the case's id, not fatal.
fn in_parallel<T: Sync, Acc: Default + Send>(
    service: &Service,
    items: &[T],
    id_of: &(dyn Fn(&T) -> u64 + Sync),
    each: &(dyn Fn(&T, &mut Acc) -> Result<(), String> + Sync),
) -> Result<(Vec<Acc>, Vec<Damaged>), StoreError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = items.len().div_ceil(threads).max(1);
    // A worker's sum and the records it could not read (id, reason); `None`: it failed.
    type Worked<Acc> = Option<(Acc, Vec<(u64, String)>)>;
    let parts: Vec<Worked<Acc>> = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut acc = Acc::default();
                    let mut bad = Vec::new();
                    for item in part {
                        if let Err(reason) = each(item, &mut acc) {
                            bad.push((id_of(item), reason));
                        }
                    }
                    (acc, bad)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok()).collect()
    });
    let mut accs = Vec::with_capacity(parts.len());
    let mut damaged = Vec::new();
    for part in parts {
        let (acc, bad) = part.ok_or_else(|| StoreError::Decode {
            what: "case",
            message: "a worker of the scan failed".into(),
        })?;
        accs.push(acc);
        for (id, reason) in bad {
            damaged.push(Damaged {
                tree: "cases".into(),
                key: id.to_string(),
                number: service.store.number_of(id),
                reason,
            });
        }
    }
    Ok((accs, damaged))
}
