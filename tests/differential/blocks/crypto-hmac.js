const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
module.exports = async ({ configVars }) => {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(configVars.webhook.fields.apiSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode("payload body"));
  const valid = await crypto.subtle.verify("HMAC", key, signature, encoder.encode("payload body"));
  const tampered = await crypto.subtle.verify("HMAC", key, signature, encoder.encode("payload bodx"));
  const key512 = await crypto.subtle.importKey("raw", encoder.encode("k"), { name: "HMAC", hash: { name: "SHA-512" } }, true, ["sign"]);
  return {
    data: {
      signature: hex(signature),
      valid,
      tampered,
      algorithm: key.algorithm,
      type: key.type,
      usages: key.usages,
      sha512: hex(await crypto.subtle.sign({ name: "HMAC" }, key512, encoder.encode("m"))),
      base64: Buffer.from(signature).toString("base64"),
    },
  };
};
