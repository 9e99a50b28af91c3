//! Just enough HTML reading for `aioplay prerender`: the `<pre data-asyncio-playground>`
//! blocks of an author's page (attributes, text with entities decoded, byte ranges) and the
//! text of an element by id (a `<template>` named by `data-setup="#id"`). Not a general
//! parser: blocks are found as authors write them (no `</pre>` inside a block's text,
//! which HTML forbids anyway).

/// One playground block of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PreBlock {
    /// `(name, value)` in source order; names lowercased, values decoded.
    pub attrs: Attrs,
    /// The block's text, entities decoded (the code, before dedenting).
    pub text: String,
    /// Byte offset just past the block's `</pre>`.
    pub end: usize,
}

impl PreBlock {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A tag's attributes: `(name, value)`, names lowercased, values decoded.
type Attrs = Vec<(String, String)>;

/// The opening tag at `at` (which holds `<`): its name, attributes, and the offset past `>`.
fn open_tag(html: &str, at: usize) -> Option<(String, Attrs, usize)> {
    let bytes = html.as_bytes();
    let mut i = at + 1;
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    let name = html.get(name_start..i)?.to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => return Some((name, attrs, i + 1)),
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let n0 = i;
        while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
            i += 1;
        }
        let attr = html.get(n0..i)?.to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = html.get(i + 1..)?.find(*q as char)? + i + 1;
                    value = decode(html.get(i + 1..close)?);
                    i = close + 1;
                }
                _ => {
                    let v0 = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode(html.get(v0..i)?);
                }
            }
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
}

/// When `at` is inside an HTML comment, the offset just past the comment.
fn in_comment(lower: &str, at: usize) -> Option<usize> {
    let open = lower.get(..at)?.rfind("<!--")?;
    let close = lower.get(open + 4..)?.find("-->")? + open + 4;
    (close + 3 > at).then_some(close + 3)
}

/// Every `<pre data-asyncio-playground …>` block, in page order (comments skipped).
pub fn blocks(html: &str) -> Vec<PreBlock> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = lower.get(from..).and_then(|s| s.find("<pre")) {
        let at = from + rel;
        from = at + 4;
        if let Some(end) = in_comment(&lower, at) {
            from = end;
            continue;
        }
        let Some((name, attrs, body)) = open_tag(html, at) else {
            continue;
        };
        if name != "pre" || !attrs.iter().any(|(n, _)| n == "data-asyncio-playground") {
            continue;
        }
        let Some(close) = lower.get(body..).and_then(|s| s.find("</pre")) else {
            continue;
        };
        let close = body + close;
        let end = lower
            .get(close..)
            .and_then(|s| s.find('>'))
            .map_or(lower.len(), |e| close + e + 1);
        let raw = html.get(body..close).unwrap_or("");
        // As in the browser, a newline right after <pre> is not part of the text.
        let raw = raw
            .strip_prefix("\r\n")
            .or_else(|| raw.strip_prefix('\n'))
            .unwrap_or(raw);
        out.push(PreBlock {
            attrs,
            text: decode(raw),
            end,
        });
        from = end;
    }
    out
}

/// The text of the element with `id` (tags inside it dropped, entities decoded): what
/// `textContent` gives for a `<template>` or a `<pre>` holding code.
pub fn text_by_id(html: &str, id: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(rel) = lower.get(from..).and_then(|s| s.find('<')) {
        let at = from + rel;
        from = at + 1;
        if let Some(end) = in_comment(&lower, at) {
            from = end;
            continue;
        }
        let Some((name, attrs, body)) = open_tag(html, at) else {
            continue;
        };
        if !attrs.iter().any(|(n, v)| n == "id" && v == id) {
            continue;
        }
        let close = lower.get(body..)?.find(&format!("</{name}"))? + body;
        return Some(decode(&strip_tags(html.get(body..close)?)));
    }
    None
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decodes character references: the named ones code uses, and `&#N;` / `&#xN;`.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        rest = rest.get(i..).unwrap_or("");
        let end = rest.find(';').filter(|&e| e <= 10);
        let ent = end.and_then(|e| rest.get(1..e));
        let ch = ent.and_then(|e| match e {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let n = e.strip_prefix('#')?;
                let v = match n.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok()?,
                    None => n.parse().ok()?,
                };
                char::from_u32(v)
            }
        });
        match (ch, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = rest.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_with_their_attributes_and_decoded_text() {
        let page = "<!-- <pre data-asyncio-playground>in a comment</pre> --><p>x</p><PRE class=a data-asyncio-playground id='one' data-after=\"z\">\n\
                    if a &lt; b &amp;&amp; c: print(&quot;&#x41;&#66;&quot;)\n</pre>\
                    <pre>not me</pre><pre data-asyncio-playground>two</pre >";
        let b = blocks(page);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].attr("id"), Some("one"));
        assert_eq!(b[0].attr("data-after"), Some("z"));
        assert_eq!(b[0].attr("data-asyncio-playground"), Some(""));
        assert_eq!(b[0].text, "if a < b && c: print(\"AB\")\n");
        assert_eq!(b[1].text, "two");
        assert_eq!(&page[b[1].end - 7..b[1].end], "</pre >");
    }

    #[test]
    fn text_by_id_reads_templates_and_leaves_bad_entities() {
        let page = "<template id=\"setup\">\nimport asyncio\nx = 1 &lt; 2 &bogus; &\n</template>";
        assert_eq!(
            text_by_id(page, "setup").unwrap(),
            "\nimport asyncio\nx = 1 < 2 &bogus; &\n"
        );
        assert_eq!(text_by_id(page, "nope"), None);
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
