#!/usr/bin/env bash
# Installs, idempotently and at pinned versions, every tool the project needs on a fresh
# Debian machine that has rustup and Node: the wasm target, wasm-bindgen-cli, Trunk,
# wasm-pack, Debian Chromium + chromedriver, the npm packages in package-lock.json, and the
# docs tools (MkDocs Material, Sphinx) of the framework-site tests in a virtualenv.
# A tool already present at the right version is skipped, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than the machine's 1.95
WASM_PACK_VERSION=0.15.1

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Cargo tools at pinned versions.
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 min)"
  # No --locked: its lock file names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi
if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 min)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# 3. Debian Chromium and its driver (same version, from the same repository).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4. npm packages (binaryen for wasm-opt, playwright-core, the editor bundle's sources).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. The docs tools of the framework-site tests (tests/e2e/framework_sites.test.mjs): MkDocs
#    Material and Sphinx in a virtualenv, every package pinned in tests/sites/requirements.txt
#    (about 20 s; redone only when that file changes).
SITES_VENV="${SITES_VENV:-$PWD/target/sites-venv}"
if [ ! -x "$SITES_VENV/bin/python" ] || ! cmp -s tests/sites/requirements.txt "$SITES_VENV/requirements.txt"; then
  say "installing MkDocs Material and Sphinx into $SITES_VENV"
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  rm -rf "$SITES_VENV"
  python3 -m venv "$SITES_VENV"
  "$SITES_VENV/bin/pip" install -q --disable-pip-version-check -r tests/sites/requirements.txt
  cp tests/sites/requirements.txt "$SITES_VENV/requirements.txt"
fi

say "tools ready: $(wasm-bindgen --version), $(trunk --version), $(wasm-pack --version), $(chromium --version 2>/dev/null | head -1)"
