//! Base64url without padding (RFC 4648 §5): the alphabet a URL fragment carries unescaped.

use super::ShareError;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes `bytes` as base64url, without `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // A chunk of k bytes gives k + 1 characters.
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Decodes base64url text. Trailing `=` padding is tolerated (some tools add it); any other
/// character outside the alphabet is `BadChar` at its 0-based position, and a length that no
/// encoding produces (one character past a group of four) is `Truncated`.
pub fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let body = text.trim_end_matches('=');
    if let Some((pos, ch)) = body.char_indices().find(|&(_, c)| !c.is_ascii()) {
        return Err(ShareError::BadChar { pos, ch });
    }
    let bytes = body.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = value(c).ok_or(ShareError::BadChar {
                pos: k * 4 + i,
                ch: char::from(c),
            })?;
            n |= v << (18 - 6 * i);
        }
        // A group of k characters carries k - 1 bytes.
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_without_padding() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(raw.as_bytes()), enc);
            assert_eq!(decode(enc).unwrap(), raw.as_bytes());
        }
    }

    #[test]
    fn every_byte_value_round_trips_with_the_url_safe_alphabet() {
        let all: Vec<u8> = (0..=255).collect();
        let enc = encode(&all);
        assert!(enc.bytes().all(|c| value(c).is_some()), "{enc}");
        assert!(enc.contains('-') && enc.contains('_'));
        assert_eq!(decode(&enc).unwrap(), all);
    }

    #[test]
    fn padding_is_tolerated_and_bad_input_is_named() {
        assert_eq!(decode("Zm8=").unwrap(), b"fo");
        assert_eq!(decode("Zm+v"), Err(ShareError::BadChar { pos: 2, ch: '+' }));
        assert_eq!(decode("Zmé"), Err(ShareError::BadChar { pos: 2, ch: 'é' }));
        assert_eq!(decode("Zm9vY"), Err(ShareError::Truncated));
    }
}
