// Passkeys (WebAuthn) for the login and second-factor pages. Talks to Spring Security's endpoints
// (/webauthn/register/options, /webauthn/register, /webauthn/authenticate/options, /login/webauthn)
// with the page's CSRF token. Each call resolves to a short result for the server-side view:
// "ok" or "ok:<address to open>", "cancelled" (the user closed the browser's dialog),
// "unsupported" (no WebAuthn here, e.g. not a secure context) or "failed".
(function () {
  "use strict";

  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  }

  function toBase64Url(buffer) {
    let binary = "";
    new Uint8Array(buffer).forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function headers() {
    const result = { "Content-Type": "application/json" };
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      result[header.content] = token.content;
    }
    return result;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status + " from " + path);
    }
    return response.json();
  }

  function outcome(error) {
    if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) {
      return "cancelled";
    }
    console.warn("Passkey ceremony failed: " + (error && error.name) + ": " + (error && error.message));
    return "failed";
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.isSecureContext);
  }

  // Signs in with a passkey: on the login page as the first step, on the second-factor page as the
  // second factor of the sign-in in progress (the server then offers only that account's passkeys).
  async function signIn() {
    if (!supported()) {
      return "unsupported";
    }
    try {
      const options = await post("webauthn/authenticate/options");
      options.challenge = fromBase64Url(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));
      const credential = await navigator.credentials.get({ publicKey: options });
      const response = credential.response;
      const answer = await post("login/webauthn", {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        response: {
          authenticatorData: toBase64Url(response.authenticatorData),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          signature: toBase64Url(response.signature),
          userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment,
      });
      return answer && answer.authenticated ? "ok:" + (answer.redirectUrl || "") : "failed";
    } catch (error) {
      return outcome(error);
    }
  }

  // Registers a new passkey for the signed-in user under the label they typed.
  async function register(label) {
    if (!supported()) {
      return "unsupported";
    }
    try {
      const options = await post("webauthn/register/options");
      options.challenge = fromBase64Url(options.challenge);
      options.user = { ...options.user, id: fromBase64Url(options.user.id) };
      options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));
      const credential = await navigator.credentials.create({ publicKey: options });
      const response = credential.response;
      const answer = await post("webauthn/register", {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            response: {
              attestationObject: toBase64Url(response.attestationObject),
              clientDataJSON: toBase64Url(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : [],
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
          },
        },
      });
      return answer && answer.success ? "ok" : "failed";
    } catch (error) {
      return outcome(error);
    }
  }

  window.pcPasskeys = { signIn: signIn, register: register, supported: supported };
})();
