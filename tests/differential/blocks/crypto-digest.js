const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
module.exports = async () => {
  const data = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
  const out = {};
  for (const algorithm of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
    out[algorithm] = hex(await crypto.subtle.digest(algorithm, data));
  }
  out.objectForm = hex(await crypto.subtle.digest({ name: "SHA-256" }, new Uint8Array(0)));
  try {
    await crypto.subtle.digest("MD5", data);
  } catch (error) {
    out.md5 = error.name;
  }
  return { data: out };
};
