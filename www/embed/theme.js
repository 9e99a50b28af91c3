// The iframe view's colour scheme from its address (?theme=dark|light), set before the first
// paint, so a dark embed never flashes light while the wasm module loads. `auto` and
// `inherit` leave it to the reader's prefers-color-scheme (an iframe cannot see its host's
// styles). A classic script, so it runs before the page is painted.
(() => {
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
})();
