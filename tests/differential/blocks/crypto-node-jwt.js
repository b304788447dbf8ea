// Signing and verifying JWTs with the Private Key connection, as service-account, Salesforce JWT bearer and
// DocuSign blocks do. RS256 and EdDSA signatures are deterministic and must equal Node's byte for byte;
// ES256 and PS256 are randomised, so each side verifies its own token and a token Node made beforehand.
const crypto = require("crypto");
const b64url = (value) => Buffer.from(value).toString("base64url");
function signJwt(alg, payload, key, options = {}) {
  const signingInput = `${b64url(JSON.stringify({ alg, typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  const digest = { RS256: "RSA-SHA256", ES256: "sha256", PS256: "sha256", EdDSA: null }[alg];
  const signature = crypto.sign(digest, Buffer.from(signingInput), { key, ...options });
  return `${signingInput}.${b64url(signature)}`;
}
function verifyJwt(token, key, options = {}) {
  const [header, payload, signature] = token.split(".");
  const { alg } = JSON.parse(Buffer.from(header, "base64url").toString());
  const digest = { RS256: "sha256", ES256: "sha256", PS256: "sha256", EdDSA: null }[alg];
  return crypto.verify(digest, Buffer.from(`${header}.${payload}`), { key, ...options }, Buffer.from(signature, "base64url"));
}
module.exports = async ({ configVars }) => {
  const { keys, nodeSigned } = configVars;
  const claims = { iss: "svc@example.iam", scope: "https://www.googleapis.com/auth/drive", aud: "https://oauth2.example.com/token", iat: 1700000000, exp: 1700003600 };
  const rs256 = signJwt("RS256", claims, keys.rsaPrivatePkcs8);
  const rs256Pkcs1 = signJwt("RS256", claims, keys.rsaPrivatePkcs1);
  const eddsa = signJwt("EdDSA", claims, keys.edPrivate);
  const es256 = signJwt("ES256", claims, keys.ecPrivateSec1, { dsaEncoding: "ieee-p1363" });
  const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST };
  const ps256 = signJwt("PS256", claims, keys.rsaPrivatePkcs8, pss);
  const rsaSigner = crypto.createSign("RSA-SHA256");
  rsaSigner.update("part one, ");
  rsaSigner.update("part two");
  const streamed = rsaSigner.sign(keys.rsaPrivatePkcs1, "base64");
  const ecVerifier = crypto.createVerify("sha384").update("der signature");
  return {
    data: {
      rs256,
      rs256FromPkcs1Matches: rs256 === rs256Pkcs1,
      rs256Verifies: verifyJwt(rs256, keys.rsaPublic),
      rs256TamperedFails: verifyJwt(rs256.replace(/\.[^.]+\./, `.${b64url('{"iss":"evil"}')}.`), keys.rsaPublic),
      eddsa,
      eddsaVerifies: verifyJwt(eddsa, keys.edPublic),
      es256Length: Buffer.from(es256.split(".")[2], "base64url").length,
      es256Verifies: verifyJwt(es256, keys.ecPublic, { dsaEncoding: "ieee-p1363" }),
      es256WithPrivateKeyVerifies: verifyJwt(es256, keys.ecPrivatePkcs8, { dsaEncoding: "ieee-p1363" }),
      nodeEs256Verifies: verifyJwt(nodeSigned.es256, keys.ecPublic, { dsaEncoding: "ieee-p1363" }),
      ps256Verifies: verifyJwt(ps256, keys.rsaPublic, pss),
      nodePs256Verifies: verifyJwt(nodeSigned.ps256, keys.rsaPublic, pss),
      nodePssDefaultSaltVerifies: crypto.createVerify("sha384").update("pss default salt").verify({ key: keys.rsaPublic, padding: 6 }, nodeSigned.pssDefault, "base64"),
      nodeEcDerVerifies: ecVerifier.verify(keys.ec384Public, nodeSigned.ecDer, "base64"),
      wrongKeyFails: verifyJwt(rs256, crypto.createPublicKey(keys.ecPublic)),
      streamed,
    },
  };
};
