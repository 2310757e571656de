// Encryption in the reporter's browser with openpgp.js (served from /assets/vendor/, never a CDN):
// the text leaves the browser as ASCII armor that only the program's team can read. Intake checks
// that the armor is a well-formed OpenPGP message to one of the program's published keys.

let library;

/** openpgp.js, loaded the first time it is needed (it is large). */
function openpgp() {
  library ??= import('/assets/vendor/openpgp.min.mjs').catch((error) => {
    library = undefined;
    throw new Error(`the OpenPGP library cannot be loaded (${error.message})`);
  });
  return library;
}

/** The text, encrypted to the armored public key, as an armored OpenPGP message. */
export async function encryptText(text, armoredKey) {
  const pgp = await openpgp();
  const encryptionKeys = await pgp.readKey({ armoredKey });
  const message = await pgp.createMessage({ text });
  return pgp.encrypt({ message, encryptionKeys });
}

/** Whether a text is already an armored OpenPGP message (the reporter encrypted it themselves). */
export function isArmored(text) {
  return text.trim().startsWith('-----BEGIN PGP MESSAGE-----');
}
