// The playground's code editor: CodeMirror 6 with Python, a gutter marker per live task and
// one per line with lints, syntax errors underlined, Ctrl/Cmd-Enter to run. Bundled by
// scripts/bundle-editor.mjs into www/gen/editor.js, which the Rust side imports through
// wasm-bindgen. Only the extensions the playground uses, not `basicSetup`: no search panel,
// autocompletion, folding or `@codemirror/lint` (155 -> 125 KB gzip; the first-load budget
// counts the editor).
import { EditorState, StateField, StateEffect, RangeSet, Compartment, Prec, Annotation, Transaction } from '@codemirror/state';
import {
  EditorView, keymap, gutter, GutterMarker, Decoration, lineNumbers, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection, dropCursor, highlightActiveLine, WidgetType,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentUnit, indentOnInput, bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { tags as t } from '@lezer/highlight';
import { pythonLanguage } from '@codemirror/lang-python';

/** Syntax colours from CSS custom properties, so light and dark themes both read well. */
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--hl-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--hl-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--hl-number)' },
  { tag: t.comment, color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: 'var(--hl-def)' },
  { tag: [t.className, t.standard(t.variableName)], color: 'var(--hl-builtin)' },
  { tag: t.self, color: 'var(--hl-keyword)' },
]);

/** One dot per task on the line it is running or awaiting at, coloured by its state. */
class TaskMarker extends GutterMarker {
  constructor(tasks) { super(); this.tasks = tasks; }
  eq(other) {
    return other.tasks.length === this.tasks.length &&
      other.tasks.every((t, i) => t.name === this.tasks[i].name && t.state === this.tasks[i].state &&
        t.more === this.tasks[i].more);
  }
  toDOM() {
    const box = document.createElement('span');
    box.className = 'cm-task-markers';
    for (const t of this.tasks.slice(0, 3)) {
      const dot = document.createElement('span');
      dot.className = `cm-task-dot state-${t.state.toLowerCase()}`;
      dot.title = `${t.name}: ${t.state}`;
      box.appendChild(dot);
    }
    const more = this.tasks.reduce((n, t) => n + (t.more || 0), 0);
    const names = this.tasks.map((t) => `${t.name} ${t.state}`).join(', ');
    box.setAttribute('aria-label', more ? `${names} and ${more} more tasks` : names);
    if (more) box.title = `${names} and ${more} more tasks on this line`;
    return box;
  }
}

const setTasks = StateEffect.define();
const taskField = StateField.define({
  create: () => RangeSet.empty,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setTasks)) value = e.value;
    return value;
  },
});

function taskRanges(state, markers) {
  const byLine = new Map();
  for (const m of markers) {
    if (m.line < 1 || m.line > state.doc.lines) continue;
    if (!byLine.has(m.line)) byLine.set(m.line, []);
    byLine.get(m.line).push(m);
  }
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  return RangeSet.of(lines.map((l) => new TaskMarker(byLine.get(l)).range(state.doc.line(l).from)));
}

/** A squiggle where an error points at no text (the end of a line, e.g. a missing ':'). */
class ErrorPoint extends WidgetType {
  constructor(message) { super(); this.message = message; }
  eq(other) { return other.message === this.message; }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-error-range cm-error-point';
    span.title = this.message;
    return span;
  }
}

/** The syntax error's underline: one mark (class `cm-error-range`, the message as its
 *  tooltip) or, at the end of a line, an `ErrorPoint`; replaced or cleared by `setError`. */
const setErrorMark = StateEffect.define();
const errorField = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setErrorMark)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** A warning sign on a line where the run found asyncio mistakes; its title lists them. */
class LintMarker extends GutterMarker {
  constructor(lints) { super(); this.lints = lints; }
  eq(other) {
    return other.lints.length === this.lints.length &&
      other.lints.every((l, i) => l.message === this.lints[i].message);
  }
  toDOM() {
    const mark = document.createElement('span');
    mark.className = 'cm-lint-marker';
    mark.textContent = '\u26a0';
    mark.title = this.lints.map((l) => `${l.title}: ${l.message}`).join('\n');
    mark.dataset.kinds = this.lints.map((l) => l.kind).join(' ');
    mark.setAttribute('aria-label', `${this.lints.length} asyncio lint(s): ${mark.title}`);
    return mark;
  }
}

const setLints = StateEffect.define();
const lintField = StateField.define({
  create: () => RangeSet.empty,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setLints)) value = e.value;
    return value;
  },
});

function lintRanges(state, lints) {
  const byLine = new Map();
  for (const l of lints) {
    if (l.line < 1 || l.line > state.doc.lines) continue;
    if (!byLine.has(l.line)) byLine.set(l.line, []);
    byLine.get(l.line).push(l);
  }
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  return RangeSet.of(lines.map((l) => new LintMarker(byLine.get(l)).range(state.doc.line(l).from)));
}

/** Hidden lines (a tutorial's setup, `# hide` lines): runs of whole lines, mapped through
 *  edits. Hidden, they are replaced by nothing and the cursor skips them; shown, they are
 *  greyed. Either way no edit may touch them (except a whole new text from `setDoc`). */
const setHidden = StateEffect.define();
const showHidden = StateEffect.define();
const outside = Annotation.define();
const hiddenMark = Decoration.replace({ block: true });
const shownMark = Decoration.line({ class: 'cm-hidden-line' });

function hiddenRanges(doc, lines) {
  const sorted = [...new Set(lines)].filter((l) => l >= 1 && l <= doc.lines).sort((a, b) => a - b);
  const runs = [];
  for (const l of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === l - 1) last[1] = l; else runs.push([l, l]);
  }
  return RangeSet.of(runs.map(([a, b]) => hiddenMark.range(doc.line(a).from, doc.line(b).to)));
}

/** Line decorations greying each line of the runs (when the reader shows hidden lines). */
function shownDecorations(doc, runs) {
  const out = [];
  runs.between(0, doc.length + 1, (from, to) => {
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos);
      out.push(shownMark.range(line.from));
      pos = line.to + 1;
    }
  });
  return Decoration.set(out);
}

const hiddenField = StateField.define({
  create: () => ({ runs: RangeSet.empty, shown: false, deco: RangeSet.empty }),
  update(value, tr) {
    let { runs, shown } = value;
    runs = runs.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setHidden)) runs = hiddenRanges(tr.newDoc, e.value);
      if (e.is(showHidden)) shown = e.value;
    }
    if (runs === value.runs && shown === value.shown) return value;
    return { runs, shown, deco: shown ? shownDecorations(tr.newDoc, runs) : runs };
  },
  provide: (f) => [
    EditorView.decorations.from(f, (v) => v.deco),
    EditorView.atomicRanges.from(f, (v) => () => (v.shown ? RangeSet.empty : v.runs)),
  ],
});

/** The 1-based numbers of the hidden lines, in order. */
function hiddenLines(state) {
  const out = [];
  state.field(hiddenField).runs.between(0, state.doc.length + 1, (from, to) => {
    for (let l = state.doc.lineAt(from).number; l <= state.doc.lineAt(to).number; l++) out.push(l);
  });
  return out;
}

/** The ranges no edit may touch: each hidden run with the line breaks on either side. */
function protectedRanges(state) {
  const doc = state.doc, out = [];
  state.field(hiddenField).runs.between(0, doc.length + 1, (from, to) => {
    out.push([Math.max(0, from - 1), Math.min(doc.length, to + 1), from]);
  });
  return out;
}

/**
 * Keeps hidden lines whole whatever the reader does (a `changeFilter` would drop the text of
 * a select-all-and-paste instead of moving it): deletions skip the protected ranges; text
 * typed at the very start (above hidden top lines) goes to the first visible line; text typed
 * inside a protected range is dropped. While hidden, the cursor never rests above them.
 */
const guardHidden = EditorState.transactionFilter.of((tr) => {
  if (tr.annotation(outside)) return tr;
  const f = tr.startState.field(hiddenField, false);
  if (!f || f.runs.size === 0) return tr;
  const prot = protectedRanges(tr.startState);
  let specs = [], changed = false, caret = null;
  if (tr.docChanged) {
    tr.changes.iterChanges((fromA, toA, _b, _e, ins) => {
      // The deletion, minus every protected range.
      let pieces = [[fromA, toA]];
      for (const [pf, pt] of prot) {
        pieces = pieces.flatMap(([a, b]) => (b <= pf || a >= pt ? [[a, b]]
          : [[a, Math.min(b, pf)], [Math.max(a, pt), b]].filter(([x, y]) => y > x)));
      }
      if (pieces.length !== 1 || pieces[0][0] !== fromA || pieces[0][1] !== toA) changed = true;
      for (const [x, y] of pieces) if (y > x) specs.push({ from: x, to: y });
      if (!ins.length) return;
      // The insertion: at 0 above a hidden top it moves below it (select all, then paste);
      // inside a protected range (a shown hidden line) it is dropped: those are read-only.
      let at = fromA;
      for (const [pf, pt, runFrom] of prot) {
        if (at === 0 && runFrom === 0) at = pt;
        else if (at > pf && at < pt) at = -1;
      }
      if (at !== fromA) changed = true;
      if (at < 0) return;
      specs.push({ from: at, insert: ins });
      caret = at;
    });
  }
  if (changed) {
    const changes = tr.startState.changes(specs);
    // The cursor goes after the (last) text typed, or stays where it was.
    const anchor = caret !== null ? changes.mapPos(caret, 1) : changes.mapPos(tr.startState.selection.main.head, -1);
    return { changes, selection: { anchor }, scrollIntoView: true, userEvent: tr.annotation(Transaction.userEvent) };
  }
  // While hidden, the cursor rests below a hidden top, never at position 0.
  const top = topRunEnd(f.runs);
  if (f.shown || !tr.selection || top < 0) return tr;
  const end = tr.changes.mapPos(top, 1);
  if (end + 1 > tr.newDoc.length || tr.newSelection.main.head > end) return tr;
  return [tr, { selection: { anchor: end + 1 }, sequential: true }];
});

/** The end of the hidden run that starts the document, or -1. */
function topRunEnd(runs) {
  let top = -1;
  runs.between(0, 0, (from, to) => { if (from === 0) top = Math.max(top, to); });
  return top;
}

/** Where the cursor starts: after hidden lines at the top (if any), else 0. */
function firstVisible(state) {
  const top = topRunEnd(state.field(hiddenField).runs);
  return top >= 0 && top + 1 <= state.doc.length ? top + 1 : 0;
}

/** Gutter numbers count only the lines the reader sees; a shown hidden line has none. */
function visibleNumber(n, state) {
  const hidden = hiddenLines(state);
  if (hidden.includes(n)) return '·';
  return String(n - hidden.filter((h) => h < n).length);
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--code-bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-task-gutter': { width: '18px' },
  '.cm-error-range': { textDecoration: 'underline wavy var(--err, #d33)', textUnderlineOffset: '3px' },
  '.cm-error-point': { display: 'inline-block', width: '0.7em', height: '1.1em', verticalAlign: 'text-bottom', borderBottom: '2px dotted var(--err, #d33)' },
  '.cm-lint-gutter': { width: '16px' },
  '.cm-hidden-line': { opacity: '0.55', fontStyle: 'italic' },
  '.cm-lint-marker': { color: 'var(--warn, #b8860b)', cursor: 'help', fontSize: '12px' },
});

/**
 * Creates an editor in `parent` showing `doc`. `onChange(text, hiddenLines)` is called on
 * every edit, `onRun()` on Ctrl/Cmd-Enter. `hidden` (optional): 1-based lines to hide (see
 * `hiddenField`). Returns a handle with the methods the Rust side uses.
 */
export function createEditor(parent, doc, onChange, onRun, hidden) {
  const readOnly = new Compartment();
  // Esc then Tab leaves the editor (CodeMirror's tab focus mode); say so to screen readers.
  const hint = document.createElement('span');
  hint.className = 'visually-hidden';
  hint.id = `cm-keys-${++editors}`;
  hint.textContent = 'Tab indents. To leave the editor, press Escape, then Tab.';
  const live = document.createElement('span');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  parent.append(hint, live);
  const onEscape = EditorView.domEventHandlers({
    keydown(e) {
      if (e.key === 'Escape') live.textContent = 'Tab now moves focus out of the editor.';
      else if (e.key !== 'Tab' && live.textContent) live.textContent = '';
      return false;
    },
  });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
        lineNumbers({ formatNumber: visibleNumber }),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        indentUnit.of('    '),
        pythonLanguage,
        syntaxHighlighting(highlight),
        errorField,
        taskField,
        gutter({ class: 'cm-task-gutter', markers: (v) => v.state.field(taskField) }),
        lintField,
        gutter({ class: 'cm-lint-gutter', markers: (v) => v.state.field(lintField) }),
        readOnly.of(EditorState.readOnly.of(false)),
        theme,
        EditorView.contentAttributes.of({
          'aria-label': 'Python program (Esc then Tab leaves the editor)',
          'aria-describedby': hint.id,
        }),
        onEscape,
        hiddenField,
        guardHidden,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString(), hiddenLines(u.state));
        }),
      ],
    }),
  });
  if (hidden && hidden.length) {
    view.dispatch({ effects: setHidden.of([...hidden]), annotations: outside.of(true) });
    view.dispatch({ selection: { anchor: firstVisible(view.state) }, annotations: outside.of(true) });
  }
  return new EditorHandle(view, readOnly);
}
let editors = 0;

/** What the Rust side may do with an editor. */
class EditorHandle {
  constructor(view, readOnly) { this.view = view; this.readOnlyCompartment = readOnly; }
  getDoc() { return this.view.state.doc.toString(); }
  /** Replaces the whole text (one undoable change) unless it is already that text. */
  setDoc(text, hidden) {
    if (text === this.getDoc() && !hidden) return;
    this.view.dispatch({
      changes: text === this.getDoc() ? undefined : { from: 0, to: this.view.state.doc.length, insert: text },
      effects: hidden ? setHidden.of([...hidden]) : [],
      annotations: outside.of(true),
    });
    if (hidden) this.view.dispatch({ selection: { anchor: firstVisible(this.view.state) }, annotations: outside.of(true) });
  }
  /** The 1-based numbers of the hidden lines now (they move as the reader edits). */
  hiddenLines() { return hiddenLines(this.view.state); }
  /** Shows (greyed, still read-only) or hides the hidden lines. */
  showHidden(flag) { this.view.dispatch({ effects: showHidden.of(!!flag) }); }
  /** `markers`: [{line (1-based), name, state, more?}], at most three per line; `more` counts
   *  the line's further tasks. */
  setTaskMarkers(markers) {
    this.view.dispatch({ effects: setTasks.of(taskRanges(this.view.state, markers)) });
  }
  /** `lints`: [{line (1-based), kind, title, message}] for each lint with a line. */
  setLintMarkers(lints) {
    this.view.dispatch({ effects: setLints.of(lintRanges(this.view.state, lints)) });
  }
  /** Underlines UTF-16 range [from, to) with `message`; an empty message clears it. */
  setError(from, to, message) {
    let marks = Decoration.none;
    if (message) {
      const doc = this.view.state.doc;
      const start = Math.max(0, Math.min(from, doc.length));
      // A mark over a line break draws nothing: stop at the end of the error's line.
      const end = Math.min(Math.max(to, start + 1), doc.lineAt(start).to);
      marks = Decoration.set([end > start
        ? Decoration.mark({ class: 'cm-error-range', attributes: { title: message } }).range(start, end)
        : Decoration.widget({ widget: new ErrorPoint(message), side: 1 }).range(start)]);
    }
    this.view.dispatch({ effects: setErrorMark.of(marks) });
  }
  /** Moves the cursor to a 1-based line and focuses the editor. */
  goToLine(line) {
    const l = this.view.state.doc.line(Math.max(1, Math.min(line, this.view.state.doc.lines)));
    this.view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
    this.view.focus();
  }
  setReadOnly(flag) {
    this.view.dispatch({ effects: this.readOnlyCompartment.reconfigure(EditorState.readOnly.of(flag)) });
  }
  focus() { this.view.focus(); }
  destroy() { this.view.destroy(); }
}
