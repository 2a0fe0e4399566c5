// Pasted "just to make it work": a private key in source code.
// (The key material is random bytes generated for this sample, not a usable key.)
export const SIGNING_KEY = `-----BEGIN RSA PRIVATE KEY-----
Sex5duiESp3sj9tlDzPuLthhhmeGJx6ft5eArHx930TWW1aBOmoTL+H6BljDAyMY
74DMPBjbpJkMG7hKHJW+79nJgelPcvt13/oDI2UwrpgE2eJFr2CgD0cMdyG3aYBV
Mn90ZKVHztizkDNmzInwUqx5HjVe13cNoOTpaVOYoF64ApRXc1l2W4WS1B4SVgU5
NUCawtIik1ztZXNOctudbBTp4E3wZxw7GhI/+2Rf1Bb1nKKySKmS/bS/TqRJvWNB
oZZVCAistMxpb1kdzjbECrVko3SZ58JehwO2B+SJjLl9jVy1UH9TQiNQMnL8giDh
0wNfqRAlWlP/9cXDGpOaIVF7QVRIaduD5dbbqtaenYnvGaWVa5RrXX8B7jd5Q+p2
JsJhGqNhdTp6HvAr73PR52DNLHWG8f+gMP+VA5D1pLfwc+tfTllseu7cKQ+zD3vW
e/1vqXq3yM0vSmD1drbKKOnz/z+82UXWkbQZOIl/S/0Ilqq3UtPCPEvNLeiT+yZW
-----END RSA PRIVATE KEY-----`;
