// Keys as `KeyObject`s: reading PEM (PKCS#8, PKCS#1, SEC1, SPKI), DER and JWK, their types and details,
// exporting them back (PEM and DER bytes must equal Node's), deriving public keys, generating pairs and
// the errors blocks meet most.
const crypto = require("crypto");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code };
  }
};
const describe = (key) => ({
  type: key.type,
  asymmetricKeyType: key.asymmetricKeyType,
  details: key.asymmetricKeyDetails && { ...key.asymmetricKeyDetails, publicExponent: String(key.asymmetricKeyDetails.publicExponent) },
});
module.exports = async ({ configVars: { keys } }) => {
  const rsa = crypto.createPrivateKey(keys.rsaPrivatePkcs1);
  const ec = crypto.createPrivateKey({ key: keys.ecPrivateSec1, format: "pem" });
  const ed = crypto.createPrivateKey(Buffer.from(keys.edPrivate));
  const rsaDer = rsa.export({ type: "pkcs1", format: "der" });
  const fromDer = crypto.createPrivateKey({ key: rsaDer, format: "der", type: "pkcs1" });
  const ecJwk = ec.export({ format: "jwk" });
  const fromJwk = crypto.createPrivateKey({ key: ecJwk, format: "jwk" });
  const publicFromJwk = crypto.createPublicKey({ key: rsa.export({ format: "jwk" }), format: "jwk" });
  const secret = crypto.createSecretKey("c2VjcmV0", "base64");
  const generated = {};
  for (const [type, options] of [["ec", { namedCurve: "P-384" }], ["ed25519", {}], ["rsa", { modulusLength: 1024 }]]) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
    const signature = crypto.sign(type === "ed25519" ? null : "sha256", Buffer.from("hello"), privateKey);
    generated[type] = {
      private: describe(privateKey),
      public: describe(publicKey),
      verifies: crypto.verify(type === "ed25519" ? null : "sha256", Buffer.from("hello"), publicKey, signature),
    };
  }
  const pems = crypto.generateKeyPairSync("ec", {
    namedCurve: "prime256v1",
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const fromCallback = await new Promise((resolve, reject) =>
    crypto.generateKeyPair("ed25519", (error, publicKey, privateKey) => (error ? reject(error) : resolve([publicKey.type, privateKey.type]))),
  );
  return {
    data: {
      rsa: describe(rsa),
      ec: describe(ec),
      ed: describe(ed),
      rsaPkcs8Pem: rsa.export({ type: "pkcs8", format: "pem" }) === keys.rsaPrivatePkcs8,
      rsaPkcs1Pem: rsa.export({ type: "pkcs1", format: "pem" }),
      rsaSpkiPem: crypto.createPublicKey(rsa).export({ type: "spki", format: "pem" }),
      rsaPkcs1PublicPem: crypto.createPublicKey(keys.rsaPublic).export({ type: "pkcs1", format: "pem" }),
      rsaJwk: rsa.export({ format: "jwk" }),
      rsaDerLength: rsaDer.length,
      fromDerSame: fromDer.equals(rsa),
      ecPkcs8Pem: ec.export({ type: "pkcs8", format: "pem" }),
      ecSec1Der: ec.export({ type: "sec1", format: "der" }).toString("base64"),
      ecSpkiPem: crypto.createPublicKey(keys.ecPrivatePkcs8).export({ type: "spki", format: "pem" }),
      ecJwk,
      fromJwkSame: fromJwk.equals(ec),
      publicFromJwk: publicFromJwk.export({ type: "spki", format: "pem" }) === keys.rsaPublic,
      edPkcs8Pem: ed.export({ type: "pkcs8", format: "pem" }),
      edSpkiPem: crypto.createPublicKey(ed).export({ type: "spki", format: "pem" }),
      edJwk: ed.export({ format: "jwk" }),
      publicJwk: crypto.createPublicKey(keys.edPublic).export({ format: "jwk" }),
      secret: { type: secret.type, size: secret.symmetricKeySize, bytes: secret.export().toString(), jwk: secret.export({ format: "jwk" }) },
      generated,
      generatedPems: [pems.publicKey.split("\n")[0], pems.privateKey.split("\n")[0]],
      fromCallback,
      isKeyObject: rsa instanceof crypto.KeyObject,
      publicAsPrivate: caught(() => crypto.createPrivateKey(keys.rsaPublic)),
      garbage: caught(() => crypto.createPrivateKey("not a key")),
      exportWithoutOptions: caught(() => rsa.export()),
      signWithPublicKey: caught(() => crypto.sign("sha256", Buffer.from("x"), crypto.createPublicKey(keys.rsaPublic))),
      signWithSecret: caught(() => crypto.sign("sha256", Buffer.from("x"), secret)),
      badDigest: caught(() => crypto.createSign("sha-nope")),
    },
  };
};
