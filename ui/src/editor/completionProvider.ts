// Connects the pure completion logic (the block's names, then JavaScript's built-in namespaces) to Monaco's
// JavaScript completion.
import { monaco } from './monaco';
import { builtinMembersAt } from './builtinCompletions';
import { suggestAt, type CompletionScope, type SuggestionKind } from './completions';

const KIND: Record<SuggestionKind, monaco.languages.CompletionItemKind> = {
  method: monaco.languages.CompletionItemKind.Method,
  property: monaco.languages.CompletionItemKind.Property,
  variable: monaco.languages.CompletionItemKind.Variable,
};

/** Registers block-aware completion; `getScope` is asked at each request so it always sees the current workspace. */
export function registerBlockCompletions(getScope: () => CompletionScope): monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider('javascript', {
    triggerCharacters: ['.', '[', '"', "'"],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const textBeforeCursor = line.slice(0, position.column - 1);
      const request = {
        textBeforeCursor,
        textAfterCursor: line.slice(position.column - 1),
        source: model.getValue(),
      };
      const answer = suggestAt(request, getScope()) ?? builtinMembersAt(textBeforeCursor);
      if (!answer) return { suggestions: [] };
      const rangeReplacing = (extra: number) =>
        new monaco.Range(
          position.lineNumber,
          position.column - answer.replaceLength - extra,
          position.lineNumber,
          position.column,
        );
      return {
        suggestions: answer.suggestions.map((suggestion, index) => ({
          label: suggestion.label,
          insertText: suggestion.insertText,
          filterText: suggestion.filterText,
          kind: KIND[suggestion.kind],
          detail: suggestion.detail,
          range: rangeReplacing(suggestion.replaceBefore ?? 0),
          // Keep the scope's order (e.g. steps in run order) ahead of the word-based suggestions.
          sortText: `0${String(index).padStart(4, '0')}`,
        })),
      };
    },
  });
}
