//! The program inside a link: `<kind><base64url(varint(byte length) ++ body)>`, where kind
//! `z` is a raw-deflate body (RFC 1951; the browser's `CompressionStream("deflate-raw")`)
//! and `t` is the UTF-8 text itself. The declared length catches truncation and corruption.

use super::{base64url, ShareError, MAX_LINK_CHARS, MAX_PROGRAM_BYTES};

/// How the body of a payload is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Raw deflate of the UTF-8 text.
    Deflate,
    /// The UTF-8 text as is (short programs, or no compressor at hand).
    Text,
}

impl Kind {
    fn tag(self) -> char {
        match self {
            Kind::Deflate => 'z',
            Kind::Text => 't',
        }
    }
}

/// A parsed payload whose body may still need inflating (`Packed::finish`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    pub kind: Kind,
    /// The program's length in UTF-8 bytes, as the link declares it (at most
    /// `MAX_PROGRAM_BYTES`); an inflater may stop reading past it.
    pub len: usize,
    /// The stored body (deflated or plain).
    pub body: Vec<u8>,
}

/// Builds the payload for `code`. `deflated` is the raw deflate of `code`'s UTF-8 bytes when
/// a compressor is available; the shorter of the two encodings is chosen (ties keep text).
/// Fails only with `TooLarge` when the program exceeds `MAX_PROGRAM_BYTES`.
pub fn encode(code: &str, deflated: Option<&[u8]>) -> Result<String, ShareError> {
    let bytes = code.as_bytes();
    if bytes.len() > MAX_PROGRAM_BYTES {
        return Err(ShareError::TooLarge { bytes: bytes.len() });
    }
    let pack = |kind: Kind, body: &[u8]| {
        let mut raw = Vec::with_capacity(body.len() + 4);
        write_varint(&mut raw, bytes.len());
        raw.extend_from_slice(body);
        format!("{}{}", kind.tag(), base64url::encode(&raw))
    };
    let text = pack(Kind::Text, bytes);
    Ok(match deflated {
        Some(z) => {
            let zipped = pack(Kind::Deflate, z);
            if zipped.len() < text.len() {
                zipped
            } else {
                text
            }
        }
        None => text,
    })
}

/// Parses a payload (the value of `code=`). Errors: `Empty`, `UnknownKind` (a format this
/// version does not read), `BadChar`, `Truncated` (cut inside the length or, for text, the
/// body), `TooLarge` (declared length or link size over the limits).
pub fn parse(payload: &str) -> Result<Packed, ShareError> {
    let mut chars = payload.chars();
    let kind = match chars.next() {
        None => return Err(ShareError::Empty),
        Some('z') => Kind::Deflate,
        Some('t') => Kind::Text,
        Some(c) => return Err(ShareError::UnknownKind(c)),
    };
    if payload.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            bytes: payload.len(),
        });
    }
    let raw = base64url::decode(chars.as_str()).map_err(|e| match e {
        // Positions count from the start of the payload, tag included.
        ShareError::BadChar { pos, ch } => ShareError::BadChar { pos: pos + 1, ch },
        e => e,
    })?;
    let (len, used) = read_varint(&raw)?;
    if len > MAX_PROGRAM_BYTES {
        return Err(ShareError::TooLarge { bytes: len });
    }
    let body = raw.get(used..).unwrap_or_default().to_vec();
    if kind == Kind::Text && body.len() != len {
        return Err(if body.len() < len {
            ShareError::Truncated
        } else {
            ShareError::Corrupt("more text than the link declares".into())
        });
    }
    Ok(Packed { kind, len, body })
}

impl Packed {
    /// The program, given the inflated body for `Kind::Deflate` (ignored for `Kind::Text`).
    /// The text must have exactly the declared length and be valid UTF-8.
    pub fn finish(self, inflated: Option<Vec<u8>>) -> Result<String, ShareError> {
        let bytes = match self.kind {
            Kind::Text => self.body,
            Kind::Deflate => inflated.ok_or(ShareError::Corrupt("not inflated".into()))?,
        };
        if bytes.len() < self.len {
            return Err(ShareError::Truncated);
        }
        if bytes.len() > self.len {
            return Err(ShareError::Corrupt(
                "more text than the link declares".into(),
            ));
        }
        String::from_utf8(bytes).map_err(|_| ShareError::NotText)
    }
}

/// LEB128: 7 bits per byte, low first, high bit set on all but the last.
fn write_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a LEB128 length; returns it and the bytes used. At most 4 bytes (28 bits) are read,
/// far above `MAX_PROGRAM_BYTES`.
fn read_varint(raw: &[u8]) -> Result<(usize, usize), ShareError> {
    let mut n = 0usize;
    for (i, &b) in raw.iter().enumerate().take(4) {
        n |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Ok((n, i + 1));
        }
    }
    if raw.len() < 4 {
        Err(ShareError::Truncated)
    } else {
        Err(ShareError::TooLarge { bytes: n })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_their_boundaries() {
        for n in [0, 1, 127, 128, 16383, 16384, MAX_PROGRAM_BYTES] {
            let mut v = Vec::new();
            write_varint(&mut v, n);
            assert_eq!(read_varint(&v), Ok((n, v.len())));
        }
        assert_eq!(read_varint(&[0x80]), Err(ShareError::Truncated));
        assert!(matches!(
            read_varint(&[0xff, 0xff, 0xff, 0xff, 0x01]),
            Err(ShareError::TooLarge { .. })
        ));
    }

    #[test]
    fn text_payloads_round_trip_and_keep_the_shorter_form() {
        let p = encode("print('hé')\n", None).unwrap();
        assert!(p.starts_with('t'));
        assert_eq!(parse(&p).unwrap().finish(None).unwrap(), "print('hé')\n");
        // A "deflated" body longer than the text is not used.
        let p2 = encode("x", Some(&[1, 2, 3, 4, 5])).unwrap();
        assert!(p2.starts_with('t'));
    }

    #[test]
    fn unknown_kinds_and_oversize_programs_are_refused() {
        assert_eq!(parse(""), Err(ShareError::Empty));
        assert_eq!(parse("qAAAA"), Err(ShareError::UnknownKind('q')));
        let big = "#".repeat(MAX_PROGRAM_BYTES + 1);
        assert!(matches!(
            encode(&big, None),
            Err(ShareError::TooLarge { .. })
        ));
        // A length declared over the limit is refused before anything is inflated.
        let mut raw = Vec::new();
        write_varint(&mut raw, MAX_PROGRAM_BYTES + 1);
        let p = format!("z{}", base64url::encode(&raw));
        assert!(matches!(parse(&p), Err(ShareError::TooLarge { .. })));
    }

    #[test]
    fn finish_checks_the_declared_length_and_utf8() {
        let packed = Packed {
            kind: Kind::Deflate,
            len: 3,
            body: vec![],
        };
        assert_eq!(
            packed.clone().finish(Some(b"ab".to_vec())),
            Err(ShareError::Truncated)
        );
        assert!(matches!(
            packed.clone().finish(Some(b"abcd".to_vec())),
            Err(ShareError::Corrupt(_))
        ));
        assert_eq!(
            packed.finish(Some(vec![0xff, 0xfe, 0xfd])),
            Err(ShareError::NotText)
        );
    }
}
