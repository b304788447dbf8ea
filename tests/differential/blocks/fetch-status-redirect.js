module.exports = async ({ configVars }) => {
  const base = configVars["App Base URL"];
  const missing = await fetch(`${base}/missing`);
  const redirected = await fetch(`${base}/redirect`);
  const bytes = new Uint8Array(await redirected.arrayBuffer());
  const form = await fetch(`${base}/echo`, { method: "POST", body: new URLSearchParams({ a: "1", b: "x y" }) });
  return {
    data: {
      missing: [missing.status, missing.ok, await missing.text()],
      redirected: [redirected.status, redirected.redirected, redirected.url.endsWith("/json"), bytes.length > 0],
      form: await form.json(),
    },
  };
};
