// paste CryptoJS = crypto-js/crypto-js.js
// Hashing, HMAC signing of a webhook body, AES with an explicit key and IV, PBKDF2 and encodings, as
// integrations use crypto-js to sign and verify requests.
module.exports = async () => {
  const body = JSON.stringify({ event: "order.created", id: 42, amount: "19.99", note: "Grüße" });
  const key = CryptoJS.enc.Hex.parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  const iv = CryptoJS.enc.Hex.parse("0f0e0d0c0b0a09080706050403020100");
  const encrypted = CryptoJS.AES.encrypt(body, key, { iv, mode: CryptoJS.mode.CBC, padding: CryptoJS.pad.Pkcs7 });
  const decrypted = CryptoJS.AES.decrypt(encrypted.toString(), key, { iv }).toString(CryptoJS.enc.Utf8);
  return {
    data: {
      md5: CryptoJS.MD5(body).toString(),
      sha1: CryptoJS.SHA1(body).toString(),
      sha256: CryptoJS.SHA256(body).toString(),
      sha512: CryptoJS.SHA512(body).toString(CryptoJS.enc.Base64),
      sha3: CryptoJS.SHA3(body, { outputLength: 256 }).toString(),
      ripemd160: CryptoJS.RIPEMD160(body).toString(),
      hmac: CryptoJS.HmacSHA256(body, "webhook-secret").toString(CryptoJS.enc.Base64),
      hmacHex: CryptoJS.HmacSHA1("data", "key").toString(),
      aes: encrypted.toString(),
      decrypted,
      pbkdf2: CryptoJS.PBKDF2("password", CryptoJS.enc.Utf8.parse("salt"), { keySize: 8, iterations: 1000, hasher: CryptoJS.algo.SHA256 }).toString(),
      base64: CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse("héllo ✓")),
      fromBase64: CryptoJS.enc.Base64.parse("aMOpbGxvIOKckw==").toString(CryptoJS.enc.Utf8),
    },
  };
};
