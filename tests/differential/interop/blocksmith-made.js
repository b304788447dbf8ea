// Run by crypto-interop.test.mjs through `blocksmith run` only: makes what cannot be compared byte for
// byte with Node (randomised signatures, fresh keys, compressed bytes) so that Node can check it.
const crypto = require("crypto");
const zlib = require("zlib");
const message = "signed in Blocksmith";
module.exports = async () => {
  const signatures = [];
  const pairs = [
    ["ec", { namedCurve: "P-256" }, "sha256", {}],
    ["ec", { namedCurve: "P-384" }, "sha384", { dsaEncoding: "ieee-p1363" }],
    ["ec", { namedCurve: "P-521" }, "sha512", {}],
    ["ec", { namedCurve: "secp521r1" }, "sha256", { dsaEncoding: "ieee-p1363" }],
    ["rsa", { modulusLength: 2048 }, "sha256", { padding: crypto.constants.RSA_PKCS1_PSS_PADDING }],
    ["rsa", { modulusLength: 2048 }, "sha512", { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 }],
    ["rsa", { modulusLength: 2048 }, "sha1", {}],
    ["ed25519", {}, null, {}],
  ];
  for (const [type, options, digest, signOptions] of pairs) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
    signatures.push({
      type,
      digest,
      options: signOptions,
      publicKey: publicKey.export({ type: "spki", format: "pem" }),
      privateKey: privateKey.export({ type: "pkcs8", format: "pem" }),
      jwk: publicKey.export({ format: "jwk" }),
      signature: crypto.sign(digest, Buffer.from(message), { key: privateKey, ...signOptions }).toString("base64"),
    });
  }
  // Key agreement on fresh pairs: Node reads both private keys and must reach the same secret.
  const agreements = [];
  for (const [type, options] of [["x25519", {}], ["ec", { namedCurve: "P-521" }]]) {
    const ours = crypto.generateKeyPairSync(type, options);
    const theirs = crypto.generateKeyPairSync(type, options);
    agreements.push({
      type,
      privateKey: ours.privateKey.export({ type: "pkcs8", format: "pem" }),
      otherPrivateKey: theirs.privateKey.export({ type: "pkcs8", format: "pem" }),
      secret: crypto.diffieHellman({ privateKey: ours.privateKey, publicKey: theirs.publicKey }).toString("hex"),
    });
  }
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(message), cipher.final()]);
  const sample = "compressed in Blocksmith ".repeat(40);
  return {
    data: {
      message,
      signatures,
      agreements,
      gcm: { key: key.toString("hex"), iv: iv.toString("hex"), sealed: sealed.toString("base64"), tag: cipher.getAuthTag().toString("hex") },
      sample,
      compressed: {
        gzip: zlib.gzipSync(sample).toString("base64"),
        deflate: zlib.deflateSync(sample, { level: 9 }).toString("base64"),
        deflateRaw: zlib.deflateRawSync(sample).toString("base64"),
        brotli: zlib.brotliCompressSync(sample).toString("base64"),
      },
    },
  };
};
