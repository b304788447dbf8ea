// How the platform names a step inside `stepResults`: "Get Data from API" → "getDataFromApi".

const WORD = /[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+/g;

/** The `stepResults` key of a step with this display name (lodash-style camelCase, as the platform uses). */
export function stepResultKey(stepName: string): string {
  const words = stepName.match(WORD) ?? [];
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      return index === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}
