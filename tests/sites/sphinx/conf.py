# A minimal Sphinx site with live asyncio examples (docs/embedding.md#sphinx).
# tests/e2e/framework_sites.test.mjs copies dist/ to _static/playground/ and builds it.
project = "asyncio playground in Sphinx"
html_theme = "alabaster"
html_static_path = ["_static"]
html_js_files = [
    ("playground/loader.js", {"type": "module", "data-selector": "div.asyncio pre"}),
]
html_favicon = "_static/playground/favicon.svg"
