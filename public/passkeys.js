// Passkeys (WebAuthn) for the login page and the account page.
//
// Fetched only when a passkey may be used: by index.html's script once the login page
// works (or at the first press of its passkey button), by src/webauthn.rs on the account
// page. So none of it is in what the login page fetches before "Aanmelden" works, and the
// wasm carries no WebAuthn code. The server's options go through the browser's own
// parse…OptionsFromJSON and the credential comes back as credential.toJSON(): JSON text
// both ways, in the contract's standard forms.
//
// On the login page this module runs the ceremony, the email field's autofill and the
// button's dialog, and hands every answer to the app in a "topocloud-passkey" event
// (src/login/passkey.rs): the server's Response, read as every answer of the API is, or
// the name of the browser's error. The app gives the URLs, the CSRF header and the time
// limits on the button (one definition, in Rust).
const pkc = globalThis.PublicKeyCredential;
// A browser runs one passkey request at a time: the dialog ends the email field's pending
// autofill request, which starts again once the dialog is over.
let autofill = null;
let dialog = null;
// The autofill's options request in flight: both ceremonies' challenges travel in one
// cookie, so the dialog asks for its own only once that one has answered.
let autofillOptions = null;

async function ceremony(options, create, inAutofill) {
  const json = JSON.parse(options).publicKey;
  const request = create
    ? { publicKey: pkc.parseCreationOptionsFromJSON(json) }
    : { publicKey: pkc.parseRequestOptionsFromJSON(json) };
  if (inAutofill) {
    autofill = new AbortController();
    request.mediation = "conditional";
    request.signal = autofill.signal;
  } else if (autofill) {
    autofill.abort();
  }
  const credentials = navigator.credentials;
  const credential = await (create ? credentials.create(request) : credentials.get(request));
  // null when nothing was chosen.
  return credential ? JSON.stringify(credential.toJSON()) : null;
}

const tell = (detail) => dispatchEvent(new CustomEvent("topocloud-passkey", { detail }));

// One sign-in from the login page's button (its data-settings are the app's, see
// src/login/passkey.rs): the server's options, the ceremony, the credential back to the
// server. The dialog's
// end is told to the app; the autofill's only once a passkey was chosen (it waits in the
// background: a failure before that would be news about nothing the person did), and it
// renews its options before the server forgets them. Returns whether to offer the
// autofill again: the dialog or the renewal ended its request. (Not after a refused
// passkey: the person has been told, and the button is there.)
async function signIn(button, inAutofill) {
  const [optionsUrl, signInUrl, csrfHeader, csrfValue, timeoutMs, renewMs] = button.dataset.settings.split(" ");
  const post = (url, body) =>
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", [csrfHeader]: csrfValue },
      body,
      signal: AbortSignal.timeout(Number(timeoutMs)),
    });
  let renew;
  let chosen = !inAutofill;
  try {
    let options;
    if (inAutofill) {
      options = await (autofillOptions = post(optionsUrl, "{}"));
      // The dialog started meanwhile: its cookie is the one that counts.
      if (dialog) return true;
    } else {
      if (autofillOptions) await autofillOptions.catch(() => {});
      options = await post(optionsUrl, "{}");
    }
    if (!options.ok) {
      if (chosen) tell({ response: options });
      return false;
    }
    const text = await options.text();
    if (inAutofill) renew = setTimeout(() => autofill && autofill.abort(), Number(renewMs));
    const credential = await ceremony(text, false, inAutofill);
    if (!credential) return false;
    chosen = true;
    const remember = document.getElementById("remember");
    // The contract's PasskeySignIn.
    const body = `{"credential":${credential},"remember":${!!(remember && remember.checked)}}`;
    const response = await post(signInUrl, body);
    tell({ response });
    return false;
  } catch (error) {
    // A closed dialog, or an autofill ended by the dialog or renewed: nothing to say.
    if (chosen && error.name !== "NotAllowedError" && error.name !== "AbortError") tell({ error: error.name });
    return error.name === "AbortError" && inAutofill;
  } finally {
    clearTimeout(renew);
    if (inAutofill) autofillOptions = null;
  }
}

// The email field's list offers the saved passkeys for as long as the login page is there.
async function offerInAutofill() {
  if (!(pkc.isConditionalMediationAvailable && (await pkc.isConditionalMediationAvailable()))) return;
  for (;;) {
    if (dialog) await dialog;
    const button = document.getElementById("passkey-sign-in");
    if (!button || !(await signIn(button, true))) return;
  }
}

function withDialog(button) {
  if (dialog) return;
  button.setAttribute("aria-disabled", "true");
  dialog = signIn(button, false).finally(() => {
    dialog = null;
    button.removeAttribute("aria-disabled");
  });
}

addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("#passkey-sign-in");
  if (button) withDialog(button);
});

globalThis.topocloudPasskeys = {
  create: (options) => ceremony(options, true),
  // index.html's script: the button's press that fetched this module.
  pressed: withDialog,
};
if (pkc && document.getElementById("passkey-sign-in")) offerInAutofill();
