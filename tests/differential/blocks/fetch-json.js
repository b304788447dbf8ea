module.exports = async ({ configVars }) => {
  const response = await fetch(`${configVars["App Base URL"]}/json?x=1`, { headers: { "X-Test": "yes" } });
  const body = await response.json();
  return {
    data: {
      status: response.status,
      ok: response.ok,
      statusText: response.statusText,
      contentType: response.headers.get("content-type"),
      body,
      redirected: response.redirected,
    },
  };
};
