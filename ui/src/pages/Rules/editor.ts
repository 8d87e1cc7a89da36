import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { RuleMessage } from '../../api/rules';

/**
 * The rules editor, loaded with the Rules page only. CodeMirror puts its styles into constructed
 * style sheets (document.adoptedStyleSheets), which the CSP's style-src does not govern, so no
 * 'unsafe-inline' is needed; only a browser without constructed style sheets would fall back to a
 * <style> element, which the CSP then refuses (the editor still works, unstyled).
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

export function createEditor(parent: HTMLElement, text: string, label: string, onChange: () => void): RuleEditor {
  const view = new EditorView({
    parent,
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
