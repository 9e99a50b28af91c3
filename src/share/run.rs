//! A recorded run inside a share link: `run=<payload>` before `code=`, the `Script` text
//! (`crate::replay::script`) packed as the program is. Versions without replay ignore the
//! key (unknown keys are skipped), and links without it open exactly as before.

use super::link::pairs;
use super::payload::{self, Packed};
use super::ShareError;

/// The `run` payload of a fragment, if it has one (still to be inflated).
pub fn run_packed(hash: &str) -> Result<Option<Packed>, ShareError> {
    match pairs(hash).find(|(k, _)| k == "run") {
        Some((_, v)) => payload::parse(&v).map(Some),
        None => Ok(None),
    }
}

/// `fragment` (from `to_fragment`) with `run=<run_payload>` put before its `code=`.
pub fn with_run(fragment: &str, run_payload: &str) -> String {
    let run = format!("run={run_payload}&");
    match fragment.find("&code=") {
        Some(i) => format!("{}&{run}{}", &fragment[..i], &fragment[i + 1..]),
        None => format!("{run}{fragment}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{parse_fragment, to_fragment, Settings};

    #[test]
    fn a_run_rides_before_the_code_and_old_readers_ignore_it() {
        let script = "r1;t0.5@10.1.2;c1@40.3.5;x@90.6.9";
        let f = to_fragment("print(1)", &Settings::default(), None).unwrap();
        let with = with_run(&f, &payload::encode(script, None).unwrap());
        assert!(with.starts_with("run=t"), "{with}");
        assert!(with.contains("&code="), "{with}");
        // The program and settings read exactly as without the run.
        assert_eq!(parse_fragment(&with), parse_fragment(&f));
        let packed = run_packed(&with).unwrap().unwrap();
        assert_eq!(packed.finish(None).unwrap(), script);
        assert_eq!(run_packed(&f), Ok(None));
        let with_speed = to_fragment(
            "x",
            &Settings {
                speed: Some(crate::share::Speed::Instant),
                ..Settings::default()
            },
            None,
        )
        .unwrap();
        let w = with_run(&with_speed, "tAA");
        assert!(w.starts_with("speed=instant&run=tAA&code="), "{w}");
        assert!(run_packed("#run=%%%&code=tAA").is_err());
    }
}
