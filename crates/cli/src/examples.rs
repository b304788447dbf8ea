//! The examples `--help` shows under each subcommand: a few commands a person can copy, each doing one everyday
//! thing. Kept in one file so they read as one consistent set.

pub const RUN: &str = "\
Examples:
  blocksmith run get-orders.js --step-results results.json
  blocksmith run on-order.js --trigger --payload order.json --timeout-ms 5000
  blocksmith run get-orders.js --workspace ~/Blocksmith/Shop        # its config variables and connections
  blocksmith run --workspace ~/Blocksmith/Shop --flow \"Flow 1\" --payload order.json
  blocksmith run get-orders.js --debug-mode      # context.debug records; the line carries debugResults
  blocksmith run get-orders.js --workspace ~/Blocksmith/Shop --record orders.cassette.json
  blocksmith run get-orders.js --workspace ~/Blocksmith/Shop --replay orders.cassette.json   # offline";

pub const TEST: &str = "\
Examples:
  blocksmith test --workspace ~/Blocksmith/Shop                     # every case, offline
  blocksmith test --workspace ~/Blocksmith/Shop --block \"Get Orders\" --case \"empty page\"
  blocksmith test --workspace ~/Blocksmith/Shop --flow \"Flow 1\"     # its blocks' cases and its own
  blocksmith test --workspace ~/Blocksmith/Shop --update            # accept the new outcomes
  blocksmith test --workspace ~/Blocksmith/Shop --update --live     # record the cassettes again
  blocksmith test --workspace ~/Blocksmith/Shop --junit test-results.xml";

pub const TEST_ADD: &str = "\
Examples:
  blocksmith test add --workspace ~/Blocksmith/Shop --block \"Get Orders\" --name \"two open orders\"
  blocksmith test add --workspace ~/Blocksmith/Shop --block \"On Order\" --name \"new order\" --payload order.json
  blocksmith test add --workspace ~/Blocksmith/Shop --flow \"Flow 1\" --name \"new order\" --payload order.json";

pub const DEBUG: &str = "\
Examples:
  blocksmith debug        # an editor starts it as its debug adapter; the README shows VS Code's launch.json";

pub const CONNECTIONS: &str = "\
Examples:
  printf 'apiKey=%s\\n' \"$ACME_KEY\" | blocksmith connections add --workspace ~/Blocksmith/Shop --name Acme --kind apikey
  blocksmith connections list --workspace ~/Blocksmith/Shop";

pub const CONNECTIONS_ADD: &str = "\
Examples:
  printf 'apiKey=%s\\n' \"$ACME_KEY\" | blocksmith connections add --workspace ~/Blocksmith/Shop --name Acme --kind apikey
  printf 'clientSecret=%s\\n' \"$SECRET\" | blocksmith connections add --workspace ~/Blocksmith/Shop \\
      --name Okta --kind authorizationcode --set issuer=https://acme.okta.com --set clientId=0oa1b2c3
  printf 'clientSecret=%s\\n' \"$SECRET\" | blocksmith connections add --workspace ~/Blocksmith/Shop \\
      --name Entra --preset microsoft-entra-id --param tenant=contoso.onmicrosoft.com --set clientId=5f3c2a1e-8b9d-4c6f-a1b2-3c4d5e6f7a8b";

pub const CONNECTIONS_PRESETS: &str = "\
Examples:
  blocksmith connections presets
  blocksmith connections presets --json | jq -r '.[].key'";

pub const CONNECTIONS_LIST: &str = "\
Examples:
  blocksmith connections list --workspace ~/Blocksmith/Shop
  blocksmith connections list --workspace ~/Blocksmith/Shop --json | jq '.[].name'";

pub const CONNECTIONS_REMOVE: &str = "\
Example:
  blocksmith connections remove --workspace ~/Blocksmith/Shop --name Acme";

pub const CONNECTIONS_AUTHORIZE: &str = "\
Examples:
  blocksmith connections authorize --workspace ~/Blocksmith/Shop --name Okta
  blocksmith connections authorize --workspace ~/Blocksmith/Shop --name Okta --no-browser --timeout-s 600";

pub const CONNECTIONS_TOKEN: &str = "\
Examples:
  blocksmith connections token --workspace ~/Blocksmith/Shop --name Billing            # client credentials
  blocksmith connections token --workspace ~/Blocksmith/Shop --name Okta --refresh";

pub const CONFIG_VARS: &str = "\
Examples:
  blocksmith config-vars set --workspace ~/Blocksmith/Shop Region eu-west-1
  blocksmith config-vars list --workspace ~/Blocksmith/Shop";

pub const CONFIG_VARS_SET: &str = "\
Example:
  blocksmith config-vars set --workspace ~/Blocksmith/Shop Region eu-west-1";

pub const CONFIG_VARS_LIST: &str = "\
Examples:
  blocksmith config-vars list --workspace ~/Blocksmith/Shop
  blocksmith config-vars list --workspace ~/Blocksmith/Shop --json";

pub const CONFIG_VARS_REMOVE: &str = "\
Example:
  blocksmith config-vars remove --workspace ~/Blocksmith/Shop Region";

pub const EXPORT: &str = "\
Examples:
  blocksmith export --workspace ~/Blocksmith/Shop --format yaml -o shop.yml
  blocksmith export --workspace ~/Blocksmith/Shop --format js --block \"Get Orders\"
  blocksmith export --workspace ~/Blocksmith/Shop --format bundle --flow \"Flow 1\" -o flow.blocksmith.json
  blocksmith export --workspace ~/Blocksmith/Shop --format bundle --include-tests -o shop.blocksmith.json
  blocksmith export --workspace ~/Blocksmith/Shop --format dts -o blocksmith-context.d.ts";

pub const IMPORT: &str = "\
Examples:
  blocksmith import --workspace ~/Blocksmith/Shop flow.blocksmith.json
  blocksmith import --workspace ~/Blocksmith/Shop shop.yml --rename
  blocksmith import --workspace ~/Blocksmith/Copy shop.blocksmith.json   # a new folder: just what is imported";

pub const SERVE: &str = "\
Examples:
  blocksmith serve --workspace ~/Blocksmith/Shop
  blocksmith serve --workspace ~/Blocksmith/Shop --flow \"Flow 1\" --port 0";

pub const COMPLETIONS: &str = "\
Examples:
  blocksmith completions bash > ~/.local/share/bash-completion/completions/blocksmith
  blocksmith completions zsh > \"${fpath[1]}/_blocksmith\"
  blocksmith completions fish > ~/.config/fish/completions/blocksmith.fish";

pub const MAN: &str = "\
Example:
  blocksmith man | man -l -";
