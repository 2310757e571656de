// The console's settings (config.json, served by triage from its configuration), read once.

let loading;

/** { keycloakUrl, realm, clientId, services: { triage, intake, notify, advisory } } */
export function config() {
  loading ??= fetch(new URL('config.json', new URL('../', import.meta.url)), { cache: 'no-store', credentials: 'omit' })
    .then((response) => {
      if (!response.ok) throw new Error(`The console's settings cannot be read (HTTP ${response.status}).`);
      return response.json();
    })
    .catch((error) => {
      loading = undefined; // try again next time
      throw error;
    });
  return loading;
}
