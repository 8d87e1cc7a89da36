import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { RuleMessage } from '../../api/rules';

/**
 * The rules editor, loaded with the Rules page only.
 *
 * CodeMirror writes its styles at run time. In a document it would add a <style> element, which the
 * appliance's CSP (style-src 'self', no 'unsafe-inline') refuses; inside a shadow root it puts them into a
 * constructed style sheet (adoptedStyleSheets) instead, which is CSSOM and not governed by style-src.
 * So the editor lives in a shadow root of its box and the CSP stays as strict as it is, with no nonce
 * and no per-response index. Our own look comes in as an EditorView theme (the same adopted sheet);
 * the page's custom properties (colours) inherit into the shadow tree.
 */
const KEYWORDS = new Set(['package', 'import', 'global', 'function', 'query', 'declare', 'rule', 'when', 'then', 'end',
  'salience', 'no-loop', 'agenda-group', 'activation-group', 'dialect', 'lock-on-active', 'not', 'exists', 'forall',
  'from', 'collect', 'accumulate', 'over', 'window', 'and', 'or', 'eval', 'modify', 'insert', 'insertLogical', 'retract',
  'delete', 'update', 'new', 'return', 'if', 'else', 'true', 'false', 'null', 'matches', 'contains', 'memberOf', 'in',
  'extends', 'timer', 'enabled', 'duration', 'date-effective', 'date-expires', 'auto-focus', 'ruleflow-group']);

export const drl = StreamLanguage.define<{ comment: boolean }>({
  name: 'drl',
  startState: () => ({ comment: false }),
  token(stream, state) {
    if (state.comment) {
      if (stream.skipTo('*/')) {
        stream.pos += 2;
        state.comment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//') || stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.comment = true;
      return 'comment';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
    if (stream.match(/^\d+(\.\d+)?[lLdDfF]?/)) return 'number';
    if (stream.match(/^\$\w+/)) return 'variableName';
    if (stream.match(/^@\w+/)) return 'meta';
    if (stream.match(/^[\w-]+/)) {
      const word = stream.current();
      if (KEYWORDS.has(word)) return 'keyword';
      if (/^[A-Z]/.test(word)) return 'typeName';
      if (word.includes('-')) {
        // only a known hyphenated keyword stays one token
        stream.backUp(word.length - word.indexOf('-'));
      }
      return null;
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

/** Compiler messages as diagnostics on their lines (line 0 or past the end: the first line). */
export function diagnosticsFor(doc: EditorState['doc'], messages: RuleMessage[]): Diagnostic[] {
  return messages.map((m) => {
    const line = doc.line(Math.min(Math.max(1, m.line || 1), doc.lines));
    const from = Math.min(line.to, line.from + Math.max(0, (m.column || 1) - 1));
    return {
      from,
      to: line.to > from ? line.to : from,
      severity: m.level === 'ERROR' ? 'error' : m.level === 'WARNING' ? 'warning' : 'info',
      message: m.text,
    };
  });
}

export interface RuleEditor {
  text(): string;
  show(messages: RuleMessage[]): void;
  destroy(): void;
}

const look = EditorView.theme({
  '&': { maxHeight: '65vh', backgroundColor: 'var(--surface)', color: 'var(--text)', borderRadius: 'var(--radius)' },
  '.cm-scroller': { fontSize: '0.85rem', fontFamily: 'ui-monospace, monospace' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { caretColor: 'var(--text)' },
});

export function createEditor(host: HTMLElement, text: string, label: string, onChange: () => void): RuleEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        drl,
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        look,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => update.docChanged && onChange()),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    show: (messages) => view.dispatch(setDiagnostics(view.state, diagnosticsFor(view.state.doc, messages))),
    destroy: () => view.destroy(),
  };
}
