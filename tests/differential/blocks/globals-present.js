module.exports = async () => {
  const names = ["console", "fetch", "Headers", "Request", "Response", "setTimeout", "setInterval", "clearTimeout",
    "clearInterval", "queueMicrotask", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "atob", "btoa",
    "structuredClone", "crypto", "Buffer", "Intl", "performance", "AbortController", "AbortSignal"];
  return {
    data: {
      types: Object.fromEntries(names.map((name) => [name, typeof globalThis[name]])),
      enumerable: names.filter((name) => Object.keys(globalThis).includes(name)),
      subtle: typeof crypto.subtle.digest,
    },
  };
};
