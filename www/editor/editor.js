// The editor the Rust side creates (src/ui/editor.rs): at first a lightweight read-only preview
// of the program (line numbers and text, styled like the editor), upgraded to CodeMirror
// (www/editor/codemirror.js) once the page is idle after its first paint. CodeMirror's module
// evaluation and view construction took ~100 ms of main thread before the first run could
// print; now they happen once the program is on screen. scripts/bundle-editor.mjs writes
// www/gen/editor.js as this module plus `loadCodeMirror()`, a function whose body is the
// CodeMirror bundle, so the download is one file (shared by every embedded playground on a
// page) and evaluating it is deferred. Until the upgrade the handle keeps what the Rust side
// sets (text, markers, error, read-only) and hands it to CodeMirror then; focusing or clicking
// the preview upgrades at once.
/* global loadCodeMirror */

/** CodeMirror's `createCodeMirror`, the bundle evaluated on first use (once per page). */
let codeMirror = null;
function createCodeMirror(...args) {
  codeMirror ??= loadCodeMirror();
  return codeMirror.createCodeMirror(...args);
}

/** Runs `f(deadline)` when the page is idle: after the first paint and after whatever a
 *  program started at once puts on screen (frames and tasks come before idle callbacks).
 *  Without `requestIdleCallback` (Safari), after the next frame and a short delay. */
const whenIdle = typeof requestIdleCallback === 'function'
  // The timeout: a page that never goes idle (a frame loop, a busy run) still gets its editor
  // `PATIENCE_MS` after it was queued (without it Chromium may never call back).
  ? (f) => requestIdleCallback(f, { timeout: 250 })
  : (f) => requestAnimationFrame(() => setTimeout(f, 50));

/** Idle milliseconds one step of the upgrade wants. Chromium ends an idle period at the next
 *  frame or pending timer, so waiting for this much keeps the upgrade from delaying a program
 *  that runs at 1x (its sleeps are timers; a stall there shifts its loop time). A page that is
 *  never that idle (a busy machine, an animation) gets its editors `PATIENCE_MS` after the first
 *  preview was queued anyway. */
const STEP_MS = 40;
const PATIENCE_MS = 2000;
/** When the first of the previews now waiting was queued. */
let waitingSince = 0;

/** Previews waiting for their upgrade: one per idle callback (after one that evaluates the
 *  bundle), so ten embedded playgrounds do not upgrade in one long task. */
const waiting = new Set();
let draining = false;
function scheduleUpgrade(handle) {
  waiting.add(handle);
  if (draining) return;
  draining = true;
  waitingSince = performance.now();
  whenIdle(drain);
}
function drain(deadline) {
  const next = waiting.values().next();
  if (next.done) { draining = false; return; }
  if (deadline && deadline.timeRemaining() < STEP_MS && performance.now() - waitingSince < PATIENCE_MS) {
    whenIdle(drain);
    return;
  }
  // Evaluating the bundle and building a view are two separate idle tasks, so neither
  // holds the page (or a program running at 1x) for long.
  if (codeMirror) next.value.upgrade(); else codeMirror = loadCodeMirror();
  if (waiting.size) whenIdle(drain); else draining = false;
}

/**
 * Creates an editor in `parent` showing `doc`. `onChange(text, hiddenLines)` is called on
 * every edit, `onRun()` on Ctrl/Cmd-Enter. `hidden` (optional): 1-based lines that run but are
 * not shown (see `hiddenField` in codemirror.js). Returns a handle with the methods the Rust
 * side uses.
 */
export function createEditor(parent, doc, onChange, onRun, hidden) {
  return new EditorHandle(parent, doc, onChange, onRun, hidden);
}

/** What the Rust side may do with an editor; the same before and after the upgrade. */
class EditorHandle {
  constructor(parent, doc, onChange, onRun, hidden) {
    Object.assign(this, { parent, doc, onChange, onRun });
    /** The CodeMirror handle once upgraded; until then the preview and the kept settings. */
    this.cm = null;
    this.destroyed = false;
    this.kept = {
      tasks: null, lints: null, error: null, readOnly: false,
      hidden: hidden ? [...hidden] : [], shown: false,
    };
    this.preview = document.createElement('div');
    this.preview.className = 'cm-preview';
    this.preview.tabIndex = 0;
    this.preview.setAttribute('role', 'textbox');
    this.preview.setAttribute('aria-multiline', 'true');
    this.preview.setAttribute('aria-readonly', 'true');
    this.preview.setAttribute('aria-label', 'Python program (the editor is loading)');
    this.gutter = document.createElement('pre');
    this.gutter.className = 'cm-preview-gutter';
    this.gutter.setAttribute('aria-hidden', 'true');
    this.text = document.createElement('pre');
    this.text.className = 'cm-preview-text';
    this.preview.append(this.gutter, this.text);
    this.showDoc();
    const now = () => this.upgrade(true);
    this.preview.addEventListener('focus', now, { once: true });
    this.preview.addEventListener('pointerdown', now, { once: true });
    parent.appendChild(this.preview);
    scheduleUpgrade(this);
  }

  /** Draws the text as CodeMirror will: hidden lines left out (or greyed, numbered `·`, when
   *  shown), the others numbered as the reader sees them. */
  showDoc() {
    const hidden = new Set(this.kept.hidden);
    const numbers = [];
    this.text.replaceChildren();
    let seen = 0;
    this.doc.split('\n').forEach((line, i) => {
      const isHidden = hidden.has(i + 1);
      if (isHidden && !this.kept.shown) return;
      if (numbers.length) this.text.append('\n');
      if (isHidden) {
        const span = document.createElement('span');
        span.className = 'cm-hidden-line';
        span.textContent = line;
        this.text.append(span);
        numbers.push('\u00b7');
      } else {
        this.text.append(line);
        numbers.push(String(++seen));
      }
    });
    this.gutter.textContent = numbers.join('\n');
  }

  /** Replaces the preview with CodeMirror (once); `focus` moves the keyboard focus into it. */
  upgrade(focus = false) {
    waiting.delete(this);
    if (this.cm || this.destroyed) return;
    const hadFocus = focus || this.preview.contains(document.activeElement);
    let cm;
    try {
      cm = createCodeMirror(this.parent, this.doc, this.onChange, this.onRun, this.kept.hidden);
    } catch (e) {
      console.error('the code editor could not start; the program stays read-only', e);
      return;
    }
    this.preview.remove();
    this.cm = cm;
    const { tasks, lints, error, readOnly, shown } = this.kept;
    if (shown) cm.showHidden(true);
    if (tasks) cm.setTaskMarkers(tasks);
    if (lints) cm.setLintMarkers(lints);
    if (error) cm.setError(...error);
    if (readOnly) cm.setReadOnly(true);
    if (hadFocus) cm.focus();
  }

  getDoc() { return this.cm ? this.cm.getDoc() : this.doc; }
  /** Replaces the whole text (one undoable change) unless it is already that text, and with
   *  `hidden`, which lines are hidden. */
  setDoc(text, hidden) {
    if (this.cm) return this.cm.setDoc(text, hidden);
    const changed = text !== this.doc;
    if (!changed && !hidden) return;
    this.doc = text;
    if (hidden) this.kept.hidden = [...hidden];
    this.showDoc();
    // As CodeMirror's update listener does for any change of the text.
    if (changed) this.onChange(text, [...this.kept.hidden]);
  }
  /** The 1-based numbers of the hidden lines now. */
  hiddenLines() { return this.cm ? this.cm.hiddenLines() : [...this.kept.hidden]; }
  /** Shows (greyed, still read-only) or hides the hidden lines. */
  showHidden(flag) {
    if (this.cm) return this.cm.showHidden(flag);
    this.kept.shown = !!flag;
    this.showDoc();
  }
  /** `markers`: [{line (1-based), name, state, more?}], at most three per line. */
  setTaskMarkers(markers) {
    if (this.cm) this.cm.setTaskMarkers(markers); else this.kept.tasks = markers;
  }
  /** `lints`: [{line (1-based), kind, title, message}] for each lint with a line. */
  setLintMarkers(lints) {
    if (this.cm) this.cm.setLintMarkers(lints); else this.kept.lints = lints;
  }
  /** Underlines UTF-16 range [from, to) with `message`; an empty message clears it. */
  setError(from, to, message) {
    if (this.cm) this.cm.setError(from, to, message); else this.kept.error = message ? [from, to, message] : null;
  }
  /** Moves the cursor to a 1-based line and focuses the editor (upgrading it first). */
  goToLine(line) {
    this.upgrade();
    this.cm?.goToLine(line);
  }
  setReadOnly(flag) {
    if (this.cm) this.cm.setReadOnly(flag); else this.kept.readOnly = flag;
  }
  focus() {
    this.upgrade(true);
  }
  destroy() {
    this.destroyed = true;
    waiting.delete(this);
    if (this.cm) this.cm.destroy(); else this.preview.remove();
  }
}
