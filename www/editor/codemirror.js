// The playground's code editor proper: CodeMirror 6 with Python, a gutter marker per live task
// and one per line with lints, syntax errors underlined, Ctrl/Cmd-Enter to run. Only the
// extensions the playground uses, not `basicSetup`: no search panel, autocompletion, folding or
// `@codemirror/lint` (155 -> 125 KB gzip; the first-load budget counts the editor).
// scripts/bundle-editor.mjs bundles it as a function body inside www/gen/editor.js, so none of
// it is evaluated until www/editor/editor.js (the lightweight preview the page shows first)
// upgrades to it after the first paint.
import { EditorState, StateField, StateEffect, RangeSet, Compartment, Prec } from '@codemirror/state';
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
  '.cm-lint-marker': { color: 'var(--warn, #b8860b)', cursor: 'help', fontSize: '12px' },
});

/**
 * Creates a CodeMirror editor in `parent` showing `doc`. `onChange(text)` is called on every
 * edit, `onRun()` on Ctrl/Cmd-Enter. Returns a handle with the methods the Rust side uses.
 */
export function createCodeMirror(parent, doc, onChange, onRun) {
  const readOnly = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
        lineNumbers(),
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
        EditorView.contentAttributes.of({ 'aria-label': 'Python program (Esc then Tab leaves the editor)' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return new EditorHandle(view, readOnly);
}

/** What the Rust side may do with an editor. */
class EditorHandle {
  constructor(view, readOnly) { this.view = view; this.readOnlyCompartment = readOnly; }
  getDoc() { return this.view.state.doc.toString(); }
  /** Replaces the whole text (one undoable change) unless it is already that text. */
  setDoc(text) {
    if (text === this.getDoc()) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }
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
