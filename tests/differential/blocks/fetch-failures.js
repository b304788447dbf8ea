module.exports = async ({ configVars }) => {
  const out = {};
  try {
    await fetch("http://127.0.0.1:1/refused");
  } catch (error) {
    out.refused = [error.name, error.message, error.cause instanceof Error];
  }
  try {
    await fetch(`${configVars["App Base URL"]}/slow`, { signal: AbortSignal.timeout(50) });
  } catch (error) {
    out.timeout = [error.name, error.message];
  }
  const controller = new AbortController();
  const pending = fetch(`${configVars["App Base URL"]}/slow`, { signal: controller.signal });
  controller.abort();
  try {
    await pending;
  } catch (error) {
    out.aborted = [error.name, error.message];
  }
  try {
    await fetch("not a url");
  } catch (error) {
    out.badUrl = error.name;
  }
  return { data: out };
};
