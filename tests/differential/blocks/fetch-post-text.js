module.exports = async ({ configVars }) => {
  const response = await fetch(`${configVars["App Base URL"]}/echo`, {
    method: "post",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${configVars.api.token.access_token}` },
    body: JSON.stringify({ hello: "world" }),
  });
  const text = await response.text();
  let again;
  try {
    await response.text();
  } catch (error) {
    again = error.name;
  }
  return { data: { status: response.status, echoed: JSON.parse(text), bodyUsed: response.bodyUsed, again } };
};
