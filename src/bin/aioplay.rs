//! `aioplay`: runs a Python asyncio program on the virtual clock (being written; see issue 4).

fn main() {
    eprintln!("aioplay: not built yet");
    std::process::exit(2);
}
