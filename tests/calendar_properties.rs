//! Properties of working-day arithmetic on the real calendar and on weekends only, over dates
//! far outside the data too.

use chrono::{Days, NaiveDate};
use merzim::domain::calendar::Calendar;
use merzim::reference::Reference;
use proptest::prelude::*;
use std::sync::OnceLock;

fn real() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| Reference::shipped().unwrap().calendar)
}

/// Dates mostly around the data (2022–2029), sometimes anywhere in a wide range.
fn date() -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    prop_oneof![
        4 => (0u64..8 * 366).prop_map(move |o| base + Days::new(o)),
        1 => (-50_000i32..50_000).prop_map(|o| NaiveDate::from_num_days_from_ce_opt(730_000 + o).unwrap()),
    ]
}

fn naive_add(cal: &Calendar, from: NaiveDate, n: u32) -> NaiveDate {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap();
        if cal.is_working_day(d) {
            left -= 1;
        }
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn lands_on_a_working_day(from in date(), n in 1u32..400) {
        let cal = real();
        let end = cal.add_working_days(from, n).unwrap();
        prop_assert!(cal.is_working_day(end));
        prop_assert!(end > from);
    }

    #[test]
    fn between_inverts_add(from in date(), n in 0u32..400) {
        let cal = real();
        let end = cal.add_working_days(from, n).unwrap();
        prop_assert_eq!(cal.working_days_between(from, end), i64::from(n));
        prop_assert_eq!(cal.working_days_between(end, from), -i64::from(n));
    }

    #[test]
    fn agrees_with_day_by_day_counting(from in date(), n in 0u32..60) {
        let cal = real();
        prop_assert_eq!(cal.add_working_days(from, n).unwrap(), naive_add(cal, from, n));
        let weekends = Calendar::weekends_only();
        prop_assert_eq!(weekends.add_working_days(from, n).unwrap(), naive_add(&weekends, from, n));
    }

    #[test]
    fn monotonic_in_n(from in date(), n in 0u32..300) {
        let cal = real();
        prop_assert!(cal.add_working_days(from, n + 1).unwrap() > cal.add_working_days(from, n).unwrap());
    }

    #[test]
    fn monotonic_in_start(from in date(), k in 0u64..40, n in 1u32..100) {
        let cal = real();
        let later = from + Days::new(k);
        prop_assert!(cal.add_working_days(later, n).unwrap() >= cal.add_working_days(from, n).unwrap());
    }

    #[test]
    fn explanation_counts_n_days(from in date(), n in 1u32..80) {
        let cal = real();
        let e = cal.explain_working_days(from, n).unwrap();
        prop_assert_eq!(e.days.iter().filter(|d| d.counted.is_some()).count() as u32, n);
        prop_assert_eq!(e.result, cal.add_working_days(from, n).unwrap());
        // Every day after `from` up to the result is listed, none twice.
        prop_assert_eq!(e.days.len() as i64, (e.result - from).num_days());
    }

    #[test]
    fn calendar_days_land_on_a_working_day_not_before_d_plus_n(from in date(), n in 0u32..400) {
        let cal = real();
        let end = cal.add_calendar_days(from, n).unwrap();
        prop_assert!(cal.is_working_day(end));
        prop_assert!(end >= from + Days::new(u64::from(n)));
        // ... and it is the first working day on or after D + N.
        let mut d = from + Days::new(u64::from(n));
        while d < end {
            prop_assert!(!cal.is_working_day(d));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn never_panics_anywhere(days in i32::MIN..i32::MAX, n in any::<u32>()) {
        let cal = real();
        if let Some(from) = NaiveDate::from_num_days_from_ce_opt(days) {
            let _ = cal.add_working_days(from, n);
            let _ = cal.add_calendar_days(from, n);
            let _ = cal.previous_working_day(from);
            let _ = cal.working_days_between(from, NaiveDate::MAX);
            let _ = cal.uncertainty(from, from);
            let _ = cal.explain_working_days(from, n % 50);
        }
    }
}
