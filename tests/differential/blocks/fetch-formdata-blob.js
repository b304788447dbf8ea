// fetch with a FormData body (multipart/form-data, as undici sends it) and with a Blob body (its type as the
// content type), both echoed by the test server; the random boundary is replaced by a fixed one.
module.exports = async ({ configVars }) => {
  const base = configVars["App Base URL"];
  const form = new FormData();
  form.append("customer", "ACME Ltd");
  form.append("invoice", new File(["id,total\n1,9.50\n"], "invoice.csv", { type: "text/csv" }));
  form.append("note", new Blob(["no file name"]));
  const multipart = await (await fetch(`${base}/echo`, { method: "POST", body: form })).json();
  const boundary = multipart.contentType.split("boundary=")[1];

  const blob = new Blob([JSON.stringify({ hello: "blob" })], { type: "application/json" });
  const fromBlob = await (await fetch(`${base}/echo`, { method: "PUT", body: blob })).json();
  const untyped = await (await fetch(`${base}/echo`, { method: "POST", body: new Blob(["raw"]) })).json();
  const overridden = await (
    await fetch(`${base}/echo`, { method: "POST", body: blob, headers: { "Content-Type": "text/plain" } })
  ).json();

  return {
    data: {
      multipart: {
        method: multipart.method,
        contentType: multipart.contentType.replace(boundary, "BOUNDARY"),
        body: multipart.body.replaceAll(boundary, "BOUNDARY"),
      },
      fromBlob,
      untyped,
      overridden,
    },
  };
};
