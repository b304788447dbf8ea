// paste jsyaml = js-yaml/dist/browser/js-yaml.umd.min.js
// YAML configuration in and out: anchors and aliases, block scalars, typed scalars, a multi-document
// stream, dumping with sorted keys, and the error for invalid input.
module.exports = async () => {
  const text = [
    "defaults: &defaults",
    "  retries: 3",
    "  timeout: 2.5",
    "service:",
    "  <<: *defaults",
    "  name: billing",
    "  enabled: yes",
    "  tags: [a, 'b c', \"d\"]",
    "  script: |",
    "    echo one",
    "    echo two",
    "  folded: >",
    "    folded",
    "    text",
    "  empty: ~",
    "  date: 2024-05-06",
    "  hex: 0x1F",
  ].join("\n");
  const loaded = jsyaml.load(text);
  let failure;
  try {
    jsyaml.load("key: [unclosed");
  } catch (error) {
    failure = { name: error.name, reason: error.reason, line: error.mark && error.mark.line };
  }
  return {
    data: {
      loaded: { ...loaded, service: { ...loaded.service, date: String(loaded.service.date instanceof Date) } },
      documents: jsyaml.loadAll("a: 1\n---\nb: [1, 2]\n"),
      dumped: jsyaml.dump({ z: 1, a: { list: [1, "two", null], text: "multi\nline" }, s: "yes" }, { sortKeys: true }),
      failure,
    },
  };
};
