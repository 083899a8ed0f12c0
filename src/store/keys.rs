//! Key layouts: big-endian integers so that sled's byte order is numeric order.

/// The key of a case in `cases` and `texts`.
pub fn case_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// The key of a history entry: case id, then the version the entry produced.
pub fn history_key(id: u64, version: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&id.to_be_bytes());
    k[8..].copy_from_slice(&version.to_be_bytes());
    k
}

/// The prefix of every history entry of a case.
pub fn history_prefix(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// An index key: the indexed value, a 0 byte (absent from logins and status names), the case id.
pub fn index_key(value: &[u8], id: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(value.len() + 9);
    k.extend_from_slice(value);
    k.push(0);
    k.extend_from_slice(&id.to_be_bytes());
    k
}

/// The counter (`BODY-YEAR`) and serial of a number of the store's own series
/// `BODY-YEAR-NNNNNN`, if it is one.
pub fn series_of(number: &str) -> Option<(String, u64)> {
    let (prefix, serial) = number.rsplit_once('-')?;
    let (body, year) = prefix.rsplit_once('-')?;
    let body_ok = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let serial_ok = serial.len() >= 6 && serial.bytes().all(|b| b.is_ascii_digit());
    if !(body_ok && year_ok && serial_ok) {
        return None;
    }
    Some((prefix.to_string(), serial.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_numerically() {
        assert!(case_key(2) < case_key(256));
        assert!(history_key(1, 9) < history_key(1, 10));
        assert!(history_key(1, u64::MAX) < history_key(2, 1));
        assert!(history_key(7, 3).starts_with(&history_prefix(7)));
    }

    #[test]
    fn series() {
        assert_eq!(series_of("KZ-2026-000123"), Some(("KZ-2026".into(), 123)));
        assert_eq!(
            series_of("ALM01-2025-1234567"),
            Some(("ALM01-2025".into(), 1_234_567))
        );
        for other in [
            "KZ-2026-12",
            "kz-2026-000001",
            "2026-000001",
            "KZ-26-000001",
            "KZ-2026-00000x",
            "",
        ] {
            assert_eq!(series_of(other), None, "{other}");
        }
    }
}
